"""Everything the CLI shows: consoles, progress, panels. Library code never prints."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from ..errors import UserError
from ..progress import Progress
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


def quiet_step(_: str) -> contextlib.nullcontext[None]:
    """``step`` under ``--quiet``: the work happens, nothing is shown."""
    return contextlib.nullcontext()


def progress(quiet: bool) -> Progress:
    return quiet_step if quiet else step


def note(message: str, *, quiet: bool = False) -> None:
    """A line about what is going on (stderr), dropped under ``--quiet``."""
    if not quiet:
        err.print(escape(message))


def warn(message: str) -> None:
    """Something the user should know even under ``--quiet`` (stderr)."""
    err.print(f"[yellow]Note:[/] {escape(message)}")


def raw(text: str) -> None:
    """A program's own output, passed through as it is."""
    out.out(text, end="", highlight=False)


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
    """A boxed table on a terminal; plain lines in logs, where a box would wrap long
    values (URLs, passwords) and break copy-paste."""
    width = max((len(label) for label, _ in rows), default=0)
    if not out.is_terminal:
        lines = [title, *(f"  {label.ljust(width)}  {value}" for label, value in rows)]
        out.out("\n".join(lines), highlight=False)
        return
    body = "\n".join(
        f"[bold]{escape(label.ljust(width))}[/]  {escape(value)}" for label, value in rows
    )
    out.print(Panel(body, title=title, expand=False))
