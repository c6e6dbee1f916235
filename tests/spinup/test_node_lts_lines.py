"""Generated Node code runs on both LTS lines it admits (engines >= 22.13): the
node-express project installs, passes its own tests and lint, migrates and serves on
Node 22 as well as on the Node 24 the rest of the suite uses.

Node 22 comes from the npm registry's `node` package (a real binary), installed once
into a cache directory.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import httpx
import pytest

from scaffold.stacks import STACKS
from tests.support import prerequisites
from tests.support.projects import generate, install, run_all, serve

pytestmark = pytest.mark.spinup

STACK = "node-express"


@pytest.fixture(scope="module")
def node_22_env() -> dict[str, str]:
    npm = prerequisites.require_tool("npm")
    prefix = prerequisites.TEST_CACHE / "node22"
    if not (prefix / "bin" / "node").exists():
        subprocess.run(
            [npm, "install", "-g", "--no-audit", "--no-fund", "--prefix", str(prefix), "node@22"],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return {"PATH": f"{prefix / 'bin'}{os.pathsep}{os.environ['PATH']}"}


def test_node_22_runs_the_project_its_tests_and_lint(
    tmp_path: Path, node_22_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", node_22_env["PATH"])
    version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout
    assert version.startswith("v22."), version
    project = generate(tmp_path, STACK)
    install(project, STACK)
    run_all(project, STACKS[STACK].test)
    run_all(project, STACKS[STACK].lint)
    with serve(project, STACK) as url:
        assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}
        assert httpx.get(f"{url}/api/students").json()["count"] == 2
