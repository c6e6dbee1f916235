"""``scaffold list``: the stacks and features, with when to pick each."""

from typing import Annotated

import typer

from ..stacks import DATABASES, FEATURES, LANGUAGES, STACKS, catalogue
from . import output
from .boundary import command


@command
def list_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the stacks and features, with one line on when to pick each."""
    if as_json:
        output.json_out(catalogue())
        return
    output.table(
        "Stacks",
        ["stack", "pick it for", "features"],
        [[s.name, s.when, ", ".join(s.features)] for s in STACKS.values()],
    )
    output.table(
        "Features",
        ["feature", "what you get"],
        [[f.name, f"{f.title}: {f.when}"] for f in FEATURES.values()],
    )
    output.table("Databases", ["db", "what it is"], [[n, w] for n, w in DATABASES.items()])
    # A fourth column in the stacks table would not fit 60 columns: the stacks offering a
    # language are named in this table's title instead.
    with_node = ", ".join(s.name for s in STACKS.values() if s.languages)
    output.table(
        f"Languages of the Node code ({with_node}; --lang)",
        ["lang", "what you get"],
        [[lang.name, f"{lang.title}: {lang.when}"] for lang in LANGUAGES.values()],
    )
