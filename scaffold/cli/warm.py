"""``scaffold warm``: fill the caches once, then ``scaffold new --offline`` needs no network."""

from typing import Annotated

import typer

from ..stacks import StackName
from . import output
from .boundary import command, one_of


@command
def warm_cmd(
    stack: Annotated[
        StackName | None,
        typer.Option(
            metavar="STACK", help=f"Warm only this stack ({one_of(StackName)}; default: all)."
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only errors and the summary.")
    ] = False,
) -> None:
    """Fill the uv and npm caches (and the template store) for every template, so that
    `scaffold new NAME --stack S --defaults --run --offline` works with the network cut."""
    from ..warm import warm

    warmed = warm([stack] if stack else None, progress=output.progress(quiet))
    output.panel(
        "Caches warm — this machine can now work offline",
        [
            ("stacks", ", ".join(warmed)),
            ("try", f"scaffold new demo --stack {warmed[0]} --defaults --run --offline"),
            ("check", "scaffold doctor --offline"),
        ],
    )
