"""``scaffold list``: the stacks and features, with when to pick each."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..stacks import DATABASES, FEATURES, STACKS, catalogue
from . import output
from .boundary import command


@command
def list_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the stacks and features, with one line on when to pick each."""
    from rich.table import Table  # deferred: keeps `scaffold --help` fast

    if as_json:
        output.out.print_json(json.dumps(catalogue()))
        return
    stacks = Table("stack", "pick it for", "features", title="Stacks")
    for s in STACKS.values():
        stacks.add_row(s.name, s.when, ", ".join(s.features))
    features = Table("feature", "what you get", title="Features")
    for f in FEATURES.values():
        features.add_row(f.name, f"{f.title}: {f.when}")
    dbs = Table("db", "what it is", title="Databases")
    for name, when in DATABASES.items():
        dbs.add_row(name, when)
    for table in (stacks, features, dbs):
        output.out.print(table)
