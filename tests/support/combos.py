"""Every supported answer set, derived from stacks.py (the one source of stacks/features)."""

from __future__ import annotations

import itertools

from scaffold.stacks import DATABASES, STACKS


def feature_sets(stack: str) -> list[tuple[str, ...]]:
    """All subsets of the stack's features, the empty one included."""
    offered = STACKS[stack].features
    return [combo for n in range(len(offered) + 1) for combo in itertools.combinations(offered, n)]


def all_combinations(stacks: list[str] | None = None) -> list[tuple[str, tuple[str, ...], str]]:
    return [
        (stack, features, db)
        for stack in (stacks or list(STACKS))
        for features in feature_sets(stack)
        for db in DATABASES
    ]


def combo_id(stack: str, features: tuple[str, ...], db: str) -> str:
    return f"{stack}[{'+'.join(features) or 'bare'}]-{db}"
