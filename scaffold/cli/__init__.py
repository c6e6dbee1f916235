"""The typer application: parse, prompt, call the library API, print.

Command modules import the heavy parts (copier, questionary, rich) inside the command
body so that ``scaffold --help`` stays fast. They also skip ``from __future__ import
annotations``: typer would otherwise evaluate every string annotation twice on each start,
for every command (a fifth of the start-up time).
"""

import functools
import importlib
import sys
from typing import Annotated

import typer

from .. import __version__

# Each command's name → its module and function. `main` builds only the command being run:
# typer converts the parameters of every command it is given on each start.
COMMANDS = {
    "new": ("new", "new"),
    "recommend": ("recommend", "recommend_cmd"),
    "list": ("catalogue", "list_cmd"),
    "update": ("update", "update_cmd"),
    "check": ("update", "check_cmd"),
    "compare": ("compare", "compare_cmd"),
    "doctor": ("doctor", "doctor_cmd"),
    "warm": ("warm", "warm_cmd"),
    "web": ("web", "web_cmd"),
    "add": ("resource", "add_app"),  # a group: `scaffold add resource`
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scaffold {__version__}")
        raise typer.Exit()


def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """From "which backend should I use?" to a running project."""


def build(commands: tuple[str, ...] = tuple(COMMANDS)) -> typer.Typer:
    """The CLI with ``commands`` (all of them by default)."""
    cli = typer.Typer(
        name="scaffold",
        help='From "which backend should I use?" to a running project.',
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    cli.callback()(root)
    for name in commands:
        module, attribute = COMMANDS[name]
        command = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
        if isinstance(command, typer.Typer):
            cli.add_typer(command, name=name)
        else:
            cli.command(name)(command)
    return cli


@functools.cache
def _whole() -> typer.Typer:
    return build()


def __getattr__(name: str) -> typer.Typer:
    """``app``: the whole CLI (for tests and for embedding), built on first use."""
    if name == "app":
        return _whole()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    words = sys.argv[1:]
    if words == ["--version"]:
        build(())()
    elif words and words[0] in COMMANDS:
        build((words[0],))()
    else:  # help, or a mistake whose message lists the commands
        build()()
