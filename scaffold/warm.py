"""``scaffold warm``: fill the package caches so that ``scaffold new --offline`` works
without a network (a workshop room with bad Wi-Fi).

Each stack's project is rendered into a scratch directory and installed there with the
user's normal uv and npm caches, then deleted: what stays is the template store, the
cached packages and any Python uv fetched. Lock files do not depend on the features or
the database, so one render per stack covers every answer set; a stack with Node code
is rendered once per language (TypeScript adds its compiler and types to the lock).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import api, template_source
from .progress import Progress, no_progress
from .stacks import STACKS


def warm(stacks: Sequence[str] | None = None, *, progress: Progress = no_progress) -> list[str]:
    """Sync the template store and install every stack in ``stacks`` (default: all) once;
    return the stacks warmed."""
    chosen = list(stacks or STACKS)
    with progress("Syncing the template store"):
        template_source.locate()
    for name in chosen:
        for language in STACKS[name].languages or (None,):
            label = f"{name} ({language})" if language else name
            with tempfile.TemporaryDirectory(prefix=f"scaffold-warm-{name}-") as scratch:
                spec = api.make_spec(
                    name="warmup", stack=name, dest=Path(scratch) / "warmup", language=language
                )
                api.create_project(spec=spec, git=False, progress=_labelled(progress, label))
    return chosen


def _labelled(progress: Progress, label: str) -> Progress:
    """The same progress, each step named after the stack being warmed."""
    return lambda message: progress(f"{label}: {message}")
