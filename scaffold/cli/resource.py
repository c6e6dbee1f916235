"""``scaffold add resource`` and ``scaffold add field``: the user's own data model in the
project's stack."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import output
from .boundary import command

if TYPE_CHECKING:
    from ..resources.add_field import FieldsAdded
    from ..resources.engine import AddResult

add_app = typer.Typer(
    help="Add your own parts to a generated project.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


_PATH = typer.Option("--path", metavar="PROJECT", help="The project (default: here).")
_PRETEND = typer.Option("--pretend", help="Show what would be written; write nothing.")
_NO_MIGRATE = typer.Option("--no-migrate", help="Write the migration but do not apply it.")
_JSON = typer.Option("--json", help="Print one JSON object (progress on stderr).")


@add_app.command("resource")
@command
def resource_cmd(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="Singular snake_case name, e.g. course.")
    ],
    fields: Annotated[
        list[str],
        typer.Argument(
            metavar="FIELD:TYPE...",
            help="e.g. title:str notes:text? code:str:unique level:str:choices=low,high "
            "teacher:ref. Types: str, text, int, decimal, bool, date, datetime, email, url, "
            "ref; '?' optional, ':unique', ':default=VALUE', and for a str ':max=N' or "
            "':choices=A,B'.",
        ),
    ],
    path: Annotated[Path, _PATH] = Path("."),
    pretend: Annotated[bool, _PRETEND] = False,
    no_migrate: Annotated[bool, _NO_MIGRATE] = False,
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """Add a resource: model, migration, API, admin, OpenAPI and tests. Never commits."""
    from .. import api

    result = api.add_resource(
        path=path,
        name=name,
        fields=fields,
        migrate=not no_migrate,
        pretend=pretend,
        progress=output.step,
    )
    if as_json:
        output.json_out(describe(result))
    elif pretend:
        _show_plan(result)
    else:
        _show_added(result)


def describe(result: "AddResult") -> dict[str, object]:
    return {
        "resource": result.resource,
        "path": str(result.path),
        "files": list(result.files),
        "registrations": list(result.registrations),
        "migration": result.migration,
        "migrated": result.migrated,
        "pretend": result.pretend,
        "commands": dict(result.commands),
    }


def _show_plan(result: "AddResult") -> None:
    output.out.print(f"Would write {len(result.files)} file(s) in {result.path}:")
    for rel in result.files:
        output.raw(f"  {rel}\n")
    output.out.print("Would add these lines:")
    for line in result.registrations:
        output.raw(f"  {line}\n")
    output.note("Nothing was written (--pretend).")


def _show_added(result: "AddResult") -> None:
    applied = "applied" if result.migrated else f"not applied yet: {result.commands['migrate']}"
    output.panel(
        f"Added {result.resource} to {result.path.name}",
        [
            (
                "files",
                f"{len(result.files)} new file(s), {len(result.registrations)} line(s) added",
            ),
            ("migration", f"{result.migration} ({applied})" if result.migration else "none"),
            ("test", result.commands["test"]),
            ("review", "git status && git diff  (nothing was committed)"),
        ],
    )


@add_app.command("field")
@command
def field_cmd(
    resource: Annotated[
        str, typer.Argument(metavar="RESOURCE", help="A resource `add resource` made, e.g. course.")
    ],
    fields: Annotated[
        list[str],
        typer.Argument(
            metavar="FIELD:TYPE...",
            help="e.g. room:str:max=20? notes:text? seats:int:default=30 teacher:ref? "
            "(the types and options of `add resource`), each optional ('?') or with a "
            "':default=VALUE', which the rows already stored get.",
        ),
    ],
    path: Annotated[Path, _PATH] = Path("."),
    pretend: Annotated[bool, _PRETEND] = False,
    no_migrate: Annotated[bool, _NO_MIGRATE] = False,
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """Add fields to a resource: model, schemas, admin, OpenAPI, tests, and a migration
    written by the framework's own tool. The project must be committed; never commits."""
    from .. import api

    result = api.add_field(
        path=path,
        resource=resource,
        fields=fields,
        migrate=not no_migrate,
        pretend=pretend,
        progress=output.step,
    )
    if as_json:
        output.json_out(describe_fields(result))
    elif pretend:
        output.out.print(f"Would change {len(result.files)} file(s) in {result.path}:")
        for rel in result.files:
            output.raw(f"  {rel}\n")
        output.note("Nothing was written (--pretend); the migration is written when run.")
    else:
        _show_fields_added(result)


def describe_fields(result: "FieldsAdded") -> dict[str, object]:
    return {
        "resource": result.resource,
        "path": str(result.path),
        "fields": list(result.fields),
        "files": list(result.files),
        "migration": result.migration,
        "migrated": result.migrated,
        "pretend": result.pretend,
        "commands": dict(result.commands),
    }


def _show_fields_added(result: "FieldsAdded") -> None:
    applied = "applied" if result.migrated else f"not applied yet: {result.commands['migrate']}"
    output.panel(
        f"Added {', '.join(result.fields)} to {result.resource}",
        [
            ("files", f"{len(result.files)} file(s) changed or new"),
            ("migration", f"{result.migration} ({applied})"),
            ("test", result.commands["test"]),
            ("review", "git status && git diff  (nothing was committed)"),
        ],
    )
