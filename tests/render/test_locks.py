"""Every rendered lock file locks exactly what its manifest declares, in every combination.

The manifests and lock files share named conditions (a dependency only some renders use),
so a lock that drifts from its manifest would make `npm ci` / `uv sync --locked` refuse
to install; this catches it without installing anything.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from tests.support.combos import Combo, all_combinations, combo_id

pytestmark = pytest.mark.render

COMBOS = all_combinations()


@pytest.mark.parametrize("combo", COMBOS, ids=[combo_id(*c) for c in COMBOS])
def test_package_lock_locks_what_package_json_declares(
    combo: Combo, renders: Callable[[Combo], Path]
) -> None:
    for manifest in sorted(renders(combo).glob("**/package.json")):
        lock_file = manifest.with_name("package-lock.json")
        if not lock_file.exists():
            continue  # the hybrid's root package.json only runs scripts
        declared = json.loads(manifest.read_text(encoding="utf-8"))
        lock = json.loads(lock_file.read_text(encoding="utf-8"))["packages"]
        for field in ("dependencies", "devDependencies"):
            assert lock[""].get(field) == declared.get(field), f"{lock_file}: {field}"
            missing = [
                name for name in declared.get(field, {}) if f"node_modules/{name}" not in lock
            ]
            assert not missing, f"{lock_file} has no entry for {missing}"


@pytest.mark.parametrize("combo", COMBOS, ids=[combo_id(*c) for c in COMBOS])
def test_uv_lock_locks_what_pyproject_declares(
    combo: Combo, renders: Callable[[Combo], Path]
) -> None:
    for manifest in sorted(renders(combo).glob("**/pyproject.toml")):
        project = tomllib.loads(manifest.read_text(encoding="utf-8"))
        lock = tomllib.loads(manifest.with_name("uv.lock").read_text(encoding="utf-8"))
        name = project["project"]["name"]
        [own] = [p for p in lock["package"] if p["name"] == name]
        metadata = own["metadata"]
        assert _requirements(project["project"]["dependencies"]) == _locked(
            metadata["requires-dist"]
        ), manifest
        for group, requirements in project.get("dependency-groups", {}).items():
            assert _requirements(requirements) == _locked(metadata["requires-dev"][group])
        locked_names = {p["name"] for p in lock["package"]}
        assert {r[0] for r in _requirements(project["project"]["dependencies"])} <= locked_names


def _requirements(lines: list[str]) -> set[tuple[str, tuple[str, ...], str]]:
    parsed = [Requirement(line) for line in lines]
    return {(r.name.lower(), tuple(sorted(r.extras)), str(r.specifier)) for r in parsed}


def _locked(entries: list[dict[str, Any]]) -> set[tuple[str, tuple[str, ...], str]]:
    return {
        (e["name"], tuple(sorted(e.get("extras", ()))), e.get("specifier", "")) for e in entries
    }
