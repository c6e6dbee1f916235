"""``scaffold update`` and ``scaffold check``: follow the template without losing work."""

from pathlib import Path
from typing import Annotated

import typer

from . import output
from .boundary import EXIT_BEHIND, EXIT_CONFLICTS, command
from .new import parse_data


@command
def update_cmd(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="The project to update.")] = Path(
        "."
    ),
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="VERSION", help="Template version (default: the newest)."),
    ] = None,
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            "-d",
            metavar="KEY=VALUE",
            help="Change an answer, e.g. features=students,chat.",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", metavar="LANG", hidden=True, help="Refused: see the error."),
    ] = None,
) -> None:
    """Update a project to a newer template version; your edits are kept."""
    from .. import api

    if lang is not None:
        # Asked for by analogy with `new --lang`: say why instead of "no such option".
        raise typer.BadParameter(
            "a project's language is fixed at creation; scaffold update keeps it (to switch,"
            f" create a new project with `scaffold new --lang {lang}` and move your code)",
            param_hint="--lang",
        )

    result = api.update_project(path=path, to=to, data=parse_data(data or []), progress=output.step)
    for added in result.env_added:
        output.note(f"New setting added to {added} (from .env.example).")
    if result.conflicts or result.kept:
        _needs_review(result.conflicts, result.kept)
        raise typer.Exit(EXIT_CONFLICTS)
    if not result.changed:
        output.out.print(
            f"{result.project.name} is already on {result.new_version}; nothing changed."
        )
        return
    output.panel(
        f"Updated {result.project.name}: {result.old_version} → {result.new_version}",
        [
            ("changed", f"{len(result.changed)} file(s)"),
            ("review", "git diff"),
            ("keep", "git add -A && git commit -m 'Update from template'"),
        ],
    )


def _needs_review(conflicts: tuple[str, ...], kept: tuple[str, ...]) -> None:
    _listed(
        f"[bold red]Conflicts[/] in {len(conflicts)} file(s), marked inline "
        "with <<<<<<< / >>>>>>>:",
        conflicts,
        "edit those files to keep what you want, then git add -A && git commit",
    )
    _listed(
        f"[bold yellow]Kept[/] {len(kept)} file(s) this version no longer has, because you had "
        "edited them:",
        kept,
        "move what you need into the template's new files (git diff shows them), delete the "
        "kept ones, then git add -A && git commit",
    )


def _listed(title: str, paths: tuple[str, ...], fix: str) -> None:
    if paths:
        output.err.print(title)
        for path in paths:
            output.err.print(f"  {path}")
        output.err.print(f"[yellow]Fix:[/] {fix}")


@command
def check_cmd(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="The project to check.")] = Path("."),
    as_json: Annotated[
        bool, typer.Option("--json", help='Print {"current", "latest", "behind"}.')
    ] = False,
) -> None:
    """Exit 0 when the project is on the newest template version, 3 when it is behind."""
    from .. import api

    result = api.check_project(path=path)
    if as_json:
        output.json_out(
            {"current": result.current, "latest": result.latest, "behind": result.behind}
        )
    elif result.behind:
        output.out.print(
            f"{result.project.name} is on {result.current}; {result.latest} is "
            "available. Run: scaffold update"
        )
    else:
        output.out.print(f"{result.project.name} is up to date ({result.current}).")
    if result.behind:
        raise typer.Exit(EXIT_BEHIND)
