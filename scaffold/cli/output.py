"""Everything the CLI shows: consoles, progress, panels. Library code never prints.

On a terminal, panels are boxes whose text wraps to the terminal's width (never cropped);
with no terminal or with ``NO_COLOR`` set, the same content is plain lines without box
drawing, so logs, pipes and screen readers get every word. rich is imported on first use:
``scaffold --help`` and ``--json`` commands never load it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Collection, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..errors import UserError
from ..progress import Progress
from ..recommend import Recommendation
from ..stacks import STACKS

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

Rows = list[tuple[str, str]]


@cache
def _console(stderr: bool) -> Console:
    from rich.console import Console

    # soft_wrap: plain lines are not broken at 80 columns in pipes; boxes opt out below.
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def __getattr__(name: str) -> Console:
    """``output.out`` (stdout) and ``output.err`` (stderr), created on first use."""
    if name in ("out", "err"):
        return _console(name == "err")
    raise AttributeError(name)


def boxes() -> bool:
    """Draw boxes only for a person at a terminal who has not asked for plain output."""
    return _console(False).is_terminal and not os.environ.get("NO_COLOR")


def escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@contextlib.contextmanager
def step(message: str) -> Iterator[None]:
    """A spinner on a terminal; one plain line per step in logs and pipes."""
    err = _console(True)
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
        _console(True).print(escape(message))


def warn(message: str) -> None:
    """Something the user should know even under ``--quiet`` (stderr)."""
    _console(True).print(f"[yellow]Note:[/] {escape(message)}")


def raw(text: str) -> None:
    """A program's own output, passed through as it is."""
    _console(False).out(text, end="", highlight=False)


def json_out(payload: object) -> None:
    """A ``--json`` result: one object on stdout, nothing else there."""
    print(json.dumps(payload, indent=2), flush=True)


def error(exc: UserError) -> None:
    err = _console(True)
    err.print(f"[bold red]Error:[/] {escape(exc.message)}")
    if exc.hint:
        err.print(f"[yellow]Fix:[/] {escape(exc.hint)}")


def recommendation(rec: Recommendation) -> None:
    """The recommended stack and every reason, each in full at any width."""
    title = f"Recommended: {STACKS[rec.stack].title} ({rec.stack})"
    if not boxes():
        _plain([title, *(f"  - {reason}" for reason in rec.reasons)])
        return
    _boxed(title, [("•", reason) for reason in rec.reasons], bold_labels=False)


def panel(title: str, rows: Rows) -> None:
    """A boxed table on a terminal; plain lines elsewhere, where a box would wrap long
    values (URLs, passwords) and break copy-paste."""
    if not boxes():
        width = max((len(label) for label, _ in rows), default=0)
        _plain([title, *(f"  {label.ljust(width)}  {value}" for label, value in rows)])
        return
    _boxed(title, rows, bold_labels=True)


def table(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Collection[int] = (),
) -> None:
    """A table that wraps its cells on a terminal; aligned plain columns elsewhere.
    ``right``: the indexes of columns aligned right (numbers)."""
    if not boxes():
        widths = [
            max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)
        ]

        def line(cells: Sequence[str]) -> str:
            aligned = (
                cell.rjust(width) if index in right else cell.ljust(width)
                for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
            )
            return "  ".join(aligned).rstrip()

        _plain([title, line(headers), *(line(row) for row in rows), ""])
        return
    from rich.table import Table

    grid = Table(title=escape(title))
    for index, header in enumerate(headers):
        grid.add_column(escape(header), justify="right" if index in right else "left")
    for row in rows:
        grid.add_row(*(escape(cell) for cell in row))
    _print_wrapped(grid)


def _plain(lines: list[str]) -> None:
    _console(False).out("\n".join(lines), highlight=False)


def _boxed(title: str, rows: Rows, *, bold_labels: bool) -> None:
    """A panel: the title as its first line (a border title would be cut on a narrow
    terminal), then rows as a grid whose values wrap with a hanging indent."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2 if bold_labels else 1))
    grid.add_column(style="bold" if bold_labels else None, no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(escape(label), escape(value))
    _print_wrapped(Panel(Group(Text(title, style="bold"), grid), expand=False))


def _print_wrapped(renderable: RenderableType) -> None:
    # The consoles soft-wrap (no breaks in plain lines); a box must fit the width instead.
    _console(False).print(renderable, soft_wrap=False)
