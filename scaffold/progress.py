"""The progress callback the library reports long steps through (the CLI shows spinners)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager

# Called with what is about to happen; the step runs inside the returned context.
Progress = Callable[[str], AbstractContextManager[object]]


def no_progress(_: str) -> AbstractContextManager[object]:
    return contextlib.nullcontext()
