"""Missing prerequisites: a skip that says what to install, or in CI a failure."""

from __future__ import annotations

import glob
import os
import shutil

import pytest

HINTS = {
    "node": "apt-get install -y nodejs npm (Node.js 20 or newer)",
    "npm": "apt-get install -y nodejs npm (Node.js 20 or newer)",
    "postgres": "apt-get install -y postgresql",
    "redis-server": "apt-get install -y redis-server",
    "chromium": "apt-get install -y chromium",
}


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
