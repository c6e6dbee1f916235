"""Every supported answer set, derived from stacks.py (the one source of stacks/features)."""

from __future__ import annotations

import itertools
from pathlib import Path

from scaffold import api
from scaffold.stacks import DATABASES, STACKS

Combo = tuple[str, tuple[str, ...], str]  # (stack, features, db)


def feature_sets(stack: str) -> list[tuple[str, ...]]:
    """All subsets of the stack's features, the empty one included."""
    offered = STACKS[stack].features
    return [combo for n in range(len(offered) + 1) for combo in itertools.combinations(offered, n)]


def all_combinations(stacks: list[str] | None = None) -> list[Combo]:
    return [
        (stack, features, db)
        for stack in (stacks or list(STACKS))
        for features in feature_sets(stack)
        for db in DATABASES
    ]


def combo_id(stack: str, features: tuple[str, ...], db: str) -> str:
    return f"{stack}[{'+'.join(features) or 'bare'}]-{db}"


def render(parent: Path, stack: str, features: tuple[str, ...], db: str) -> Path:
    """Render the combination into ``parent``/demo: no git, no install (the render tier)."""
    spec = api.make_spec(name="demo", stack=stack, features=features, db=db, dest=parent / "demo")
    return api.create_project(spec=spec, git=False, install=False).path
