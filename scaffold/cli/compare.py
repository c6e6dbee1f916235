"""``scaffold compare``: the same students API in each stack, measured side by side."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import output
from .boundary import command

if TYPE_CHECKING:
    from ..compare import Report

DEFAULT_STACKS = "node-express,django-drf,fastapi"


@command
def compare_cmd(
    stacks: Annotated[
        str,
        typer.Option(
            metavar="STACKS",
            help="Comma-separated stacks to compare; STACK:LANG picks the language of a Node "
            "stack (default ts), e.g. node-express:ts,node-express:js compares the two builds.",
        ),
    ] = DEFAULT_STACKS,
    duration: Annotated[
        int,
        typer.Option(
            min=1, metavar="SECONDS", help="Seconds of load per counted round and endpoint."
        ),
    ] = 10,
    connections: Annotated[
        int, typer.Option(min=1, metavar="N", help="Concurrent connections wrk keeps open.")
    ] = 64,
    rounds: Annotated[
        int, typer.Option(min=1, metavar="N", help="Counted rounds per endpoint (median shown).")
    ] = 3,
    workers: Annotated[
        int,
        typer.Option(
            min=1, metavar="N", help="Worker processes of the Python servers (WEB_CONCURRENCY)."
        ),
    ] = 2,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object with every figure.")
    ] = False,
    html: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Also write a self-contained HTML page with charts to this file.",
        ),
    ] = None,
) -> None:
    """Generate the same students API in each stack, load it with wrk, compare the figures.

    Each stack runs its production server on loopback (uvicorn, gunicorn, node with
    NODE_ENV=production) on SQLite with the same starter data. Needs wrk
    (`apt-get install -y wrk`). Everything it starts is stopped; temp dirs are removed.
    """
    from .. import compare  # deferred: keeps `scaffold --help` fast
    from ..compare import report as compare_report

    settings = compare.Settings(
        stacks=tuple(s.strip() for s in stacks.split(",") if s.strip()),
        duration=duration,
        connections=connections,
        rounds=rounds,
        workers=workers,
    )
    report = compare.compare(settings, progress=output.step)
    if html:
        html.write_text(compare_report.to_html(report))
        output.note(f"Wrote {html}")
    if as_json:
        output.json_out(compare_report.to_dict(report))
        return
    _print_tables(report)


def _print_tables(report: "Report") -> None:
    from ..compare import report as cr

    output.out.print(f"Machine: {cr.machine_line(report)}")
    for title, headers, rows in (
        ("Load (median of rounds)", cr.LOAD_HEADERS, cr.load_rows(report)),
        ("Footprint", cr.FOOTPRINT_HEADERS, cr.footprint_rows(report)),
    ):
        numbers = [index for index in range(len(headers)) if index not in (0, 1, 6)]
        output.table(title, headers, rows, right=numbers)
    for note in cr.method_notes(report):
        output.out.print(f"• {note}", highlight=False, markup=False)
