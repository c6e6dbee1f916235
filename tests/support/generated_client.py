"""A client generated from a stack's OpenAPI document by a mainstream generator,
@hey-api/openapi-ts (pinned, with TypeScript, in client/package-lock.json), and one program
written once against it (client/check.ts): it must type-check against the client of every
stack's document and pass its contract cases against every running stack."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.support import prerequisites

CLIENT = Path(__file__).with_name("client")
FILES = ("check.ts", "tsconfig.json", "package.json", "openapi-ts.config.mjs")


def check_generated_client(
    document: dict[str, Any], url: str, login: tuple[str, str], workdir: Path
) -> None:
    """Generate the client of ``document`` in ``workdir``, type-check check.ts against it
    and run it against the API at ``url`` as the user ``login`` names."""
    node = prerequisites.require_node()
    tools = _tools() / "node_modules"
    for name in FILES:
        shutil.copy(CLIENT / name, workdir / name)
    (workdir / "node_modules").symlink_to(tools)
    (workdir / "document.json").write_text(json.dumps(document))
    _run(workdir, node, tools / "@hey-api/openapi-ts/bin/run.js")
    _run(workdir, node, tools / "typescript/bin/tsc", "-p", "tsconfig.json")
    _run(workdir, node, "check.ts", url, *login)


def _tools() -> Path:
    """The generator and TypeScript, installed once into the test cache from the lock."""
    with prerequisites.cache_dir("hey-api") as prefix:
        lockfile = (CLIENT / "package-lock.json").read_text()
        if not (prefix / "node_modules").is_dir() or _installed(prefix) != lockfile:
            for name in ("package.json", "package-lock.json"):
                shutil.copy(CLIENT / name, prefix / name)
            _run(prefix, prerequisites.require_tool("npm"), "ci", "--no-audit", "--no-fund")
            (prefix / "installed.json").write_text(lockfile)
    return prefix


def _installed(prefix: Path) -> str:
    installed = prefix / "installed.json"
    return installed.read_text() if installed.is_file() else ""


def _run(cwd: Path, *argv: str | Path) -> None:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{' '.join(map(str, argv))}:\n{done.stdout}\n{done.stderr}"
