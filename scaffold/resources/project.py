"""What a generated project already holds: where resources go, which exist, the next
migration number (reads files, writes nothing)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..answers import Recorded, read_answers
from ..errors import UserError
from ..stacks import STACKS
from .stacks import LAYOUTS, ResourceLayout

RESOURCES_DIR = ".scaffold/resources"
_NUMBERED = re.compile(r"(\d{4})_")
_NUMBER = re.compile(r"\d{4}")
_REVISION = re.compile(r"^revision(?:: [\w\[\], |]+)? = ['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:: [\w\[\], |.]+)? = (.+)$", re.M)


@dataclass(frozen=True)
class Target:
    """The render that owns resources: the project, or a hybrid's Django ``backend/``."""

    root: Path
    recorded: Recorded
    layout: ResourceLayout

    @property
    def template_stack(self) -> str:
        return "django-drf" if self.recorded.stack == "hybrid" else self.recorded.stack

    def answers_file(self, name: str) -> str:
        return f"{RESOURCES_DIR}/{name}.yml"


def locate(project: Path) -> Target:
    """The render root of ``project`` (a hybrid's top level resolves to its backend)."""
    recorded = read_answers(project)
    if recorded.stack == "hybrid" and recorded.raw.get("part", "root") != "backend":
        if recorded.raw.get("part") == "realtime":
            raise UserError(
                "A hybrid's resources live in its Django backend, not in realtime/.",
                "Run the command in the project's top directory or in backend/.",
            )
        backend = dict(STACKS["hybrid"].parts)["backend"]
        return locate(project / backend)
    stack = "django-drf" if recorded.stack == "hybrid" else recorded.stack
    return Target(project, recorded, LAYOUTS[stack].in_language(recorded.language))


def recorded_resources(target: Target) -> dict[str, dict[str, Any]]:
    """Every resource added so far: name → its recorded ``resource`` answer."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((target.root / RESOURCES_DIR).glob("*.yml")):
        answer = (yaml.safe_load(path.read_text()) or {}).get("resource") or {}
        if answer.get("name"):
            found[str(answer["name"])] = answer
    return found


def taken_names(target: Target) -> set[str]:
    """Names already used beside where a resource's module would go (modules, packages)."""
    parent = (target.root / target.layout.module).parent
    return {path.stem for path in parent.iterdir()} if parent.is_dir() else set()


def next_migration(target: Target) -> dict[str, str | None]:
    """The new migration's number, and (Alembic) the revision it follows: the one head."""
    if target.layout.migrations is None:
        return {"id": "0001", "previous": None}
    files = sorted(target.root.glob(target.layout.migrations))
    numbers = [int(number) for path in files if (number := _number(path))]
    return {"id": f"{max(numbers, default=0) + 1:04d}", "previous": _head(files)}


def _number(path: Path) -> str | None:
    """The scaffold number of a migration: an Alembic revision's id when it is four digits
    (a revision `alembic revision` wrote has a hex id, whatever its file name, e.g.
    `2027_01_05_3f2a..._x.py`), else the file name's `0003_` prefix (SQL files)."""
    if path.suffix == ".py":
        found = _REVISION.search(path.read_text())
        return found[1] if found and _NUMBER.fullmatch(found[1]) else None
    numbered = _NUMBERED.match(path.name)
    return numbered[1] if numbered else None


def _head(files: list[Path]) -> str | None:
    """The revision no other revision follows (Python migration files only)."""
    revisions, parents = set[str](), set[str]()
    for path in files:
        if path.suffix != ".py":
            continue
        text = path.read_text()
        if m := _REVISION.search(text):
            revisions.add(m[1])
        if m := _DOWN.search(text):
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", m[1]))
    heads = sorted(revisions - parents)
    if len(heads) > 1:
        raise UserError(
            f"The project's migrations have several heads ({', '.join(heads)}).",
            "Merge them first: uv run alembic merge heads -m merge",
        )
    return heads[0] if heads else None
