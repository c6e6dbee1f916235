"""Both languages of the Node code run on both LTS lines the projects admit.

The Node templates are TypeScript; a JavaScript project is the same code with the types
stripped as it renders (docs/templates.md). For TypeScript and JavaScript, on Node 22 and
on Node 24, with every Node feature on, a node-express project installs (`npm ci`), passes
its own tests (a TS project's `npm test` type-checks first) and lint, migrates and serves
with the README's commands; the hybrid's `realtime/` service does the same for its part.
A JavaScript project holds no TypeScript at all. (TypeScript on Node 24, the default, is
also what the other spin-up tiers run.)

Node 22 comes from the npm registry's `node` package (a real binary), installed once into
a cache directory; Node 24 is the one on PATH.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import httpx
import pytest

from scaffold.stacks import STACKS
from tests.support import prerequisites
from tests.support.projects import generate, install, run, run_all, serve

pytestmark = pytest.mark.spinup

CASES = [
    pytest.param("ts", 22, id="ts-node22"),
    pytest.param("js", 22, id="js-node22"),
    pytest.param("js", 24, id="js-node24"),
]


@pytest.fixture(scope="session")
def node_22_path() -> str:
    npm = prerequisites.require_tool("npm")
    with prerequisites.cache_dir("node22") as prefix:
        if not (prefix / "bin" / "node").exists():
            subprocess.run(
                [
                    npm,
                    "install",
                    "-g",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    str(prefix),
                    "node@22",
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
    return f"{prefix / 'bin'}{os.pathsep}{os.environ['PATH']}"


@pytest.fixture
def on_node(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Puts the case's Node line first on PATH; returns its major version."""
    line: int = request.node.callspec.params["line"]
    if line == 22:
        monkeypatch.setenv("PATH", request.getfixturevalue("node_22_path"))
    version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout
    assert version.startswith(f"v{line}."), version
    return line


def assert_written_in(language: str, node_code: Path) -> None:
    """The server is `server.<language>`; a JavaScript render holds no TypeScript at all."""
    assert (node_code / f"server.{language}").is_file()
    files = [p for p in node_code.rglob("*") if "node_modules" not in p.parts and p.is_file()]
    typescript = [p for p in files if p.suffix == ".ts" or p.name == "tsconfig.json"]
    assert bool(typescript) == (language == "ts"), typescript


class TestNodeExpress:
    STACK = "node-express"

    @pytest.mark.parametrize(("language", "line"), CASES)
    def test_installs_checks_itself_and_serves(
        self, language: str, line: int, on_node: int, tmp_path: Path
    ) -> None:
        project = generate(tmp_path, self.STACK, features=["students", "chat"], language=language)
        assert_written_in(language, project)
        install(project, self.STACK)
        run_all(project, STACKS[self.STACK].test)
        run_all(project, STACKS[self.STACK].lint)
        with serve(project, self.STACK) as url:
            assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}
            assert httpx.get(f"{url}/api/students").json()["count"] == 2
            assert httpx.get(f"{url}/chat").status_code == 200


class TestHybridRealtime:
    STACK = "hybrid"

    @pytest.mark.parametrize(("language", "line"), CASES)
    def test_realtime_installs_and_checks_itself(
        self, language: str, line: int, on_node: int, tmp_path: Path
    ) -> None:
        project = generate(tmp_path, self.STACK, language=language)
        realtime = project / "realtime"
        assert_written_in(language, realtime)
        run(realtime, "npm", "ci", "--no-audit", "--no-fund")
        run(realtime, "npm", "test")
        run(realtime, "npm", "run", "lint")
