"""The one error boundary: library errors and interrupts become exit codes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, get_args

import typer

from ..errors import Cancelled, UserError
from . import output

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2  # click's own code for bad flags
EXIT_BEHIND = 3  # `scaffold check`: a newer template version exists
EXIT_CONFLICTS = 4  # `scaffold update`: conflicts left inline for the user
EXIT_INTERRUPTED = 130

P = ParamSpec("P")
R = TypeVar("R")


def one_of(names: Any) -> str:
    """A Literal type's values for help text: ``a, b or c``."""
    *first, last = get_args(names)
    return f"{', '.join(first)} or {last}" if first else str(last)


def command(func: Callable[P, R]) -> Callable[P, R]:
    """Wrap a command: UserError → message + fix on stderr, exit 1; Ctrl-C or Cancel →
    exit 130."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except UserError as exc:
            output.error(exc)
            raise typer.Exit(EXIT_USER_ERROR) from exc
        except Cancelled:
            output.err.print("Cancelled; nothing was written.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except KeyboardInterrupt:
            output.err.print("\nInterrupted; nothing more was done.")
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper
