"""The typer application: parse, prompt, call the library API, print.

Command modules import the heavy parts (copier, questionary, rich) inside the command
body so that ``scaffold --help`` stays fast. They also skip ``from __future__ import
annotations``: typer would otherwise evaluate every string annotation twice on each start,
for every command (a fifth of the start-up time).
"""

from typing import Annotated

import typer

from .. import __version__
from . import catalogue, doctor, new, recommend, update, warm, web
from . import compare as compare_cli
from .resource import add_app

app = typer.Typer(
    name="scaffold",
    help='From "which backend should I use?" to a running project.',
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scaffold {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """From "which backend should I use?" to a running project."""


app.command("new")(new.new)
app.command("recommend")(recommend.recommend_cmd)
app.command("list")(catalogue.list_cmd)
app.command("update")(update.update_cmd)
app.command("check")(update.check_cmd)
app.command("compare")(compare_cli.compare_cmd)
app.command("doctor")(doctor.doctor_cmd)
app.command("warm")(warm.warm_cmd)
app.command("web")(web.web_cmd)
app.add_typer(add_app, name="add")


def main() -> None:
    app()
