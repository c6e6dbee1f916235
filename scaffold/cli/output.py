"""Everything the CLI shows: consoles, progress, panels. Library code never prints."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from ..errors import UserError
from ..recommend import Recommendation
from ..stacks import STACKS

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@contextlib.contextmanager
def step(message: str) -> Iterator[None]:
    """A spinner on a terminal; one plain line per step in logs and pipes."""
    if err.is_terminal:
        with err.status(escape(message) + "…"):
            yield
        err.print(f"[green]✓[/] {escape(message)}")
    else:
        print(f"{message}…", file=sys.stderr, flush=True)
        yield


def error(exc: UserError) -> None:
    err.print(f"[bold red]Error:[/] {escape(exc.message)}")
    if exc.hint:
        err.print(f"[yellow]Fix:[/] {escape(exc.hint)}")


def recommendation(rec: Recommendation) -> None:
    lines = "\n".join(f"• {escape(reason)}" for reason in rec.reasons)
    out.print(
        Panel(
            lines,
            title=f"Recommended: [bold]{STACKS[rec.stack].title}[/] ({rec.stack})",
            expand=False,
        )
    )


def panel(title: str, rows: list[tuple[str, str]]) -> None:
    width = max((len(label) for label, _ in rows), default=0)
    body = "\n".join(
        f"[bold]{escape(label.ljust(width))}[/]  {escape(value)}" for label, value in rows
    )
    out.print(Panel(body, title=title, expand=False))
