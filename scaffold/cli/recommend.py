"""``scaffold recommend``: needs in, stack and reasons out."""

from typing import Annotated

import typer

from ..recommend import Frontend, Needs, Team, recommend
from ..stacks import LANGUAGES
from . import output
from .boundary import command, one_of


@command
def recommend_cmd(
    team: Annotated[
        Team | None,
        typer.Option(metavar="TEAM", help=f"The language your team writes: {one_of(Team)}."),
    ] = None,
    frontend: Annotated[
        Frontend | None,
        typer.Option(
            metavar="FRONTEND", help=f"The frontend you will pair it with: {one_of(Frontend)}."
        ),
    ] = None,
    realtime: Annotated[
        bool, typer.Option("--realtime", help="Chat, live dashboards, presence.")
    ] = False,
    admin: Annotated[bool, typer.Option("--admin", help="An admin panel over the data.")] = False,
    ai: Annotated[bool, typer.Option("--ai", help="AI, machine learning or data work.")] = False,
    api_only: Annotated[
        bool, typer.Option("--api-only", help="A pure API with no admin panel.")
    ] = False,
    beginner: Annotated[
        bool, typer.Option("--beginner", help="New to backend development.")
    ] = False,
    compliance: Annotated[
        bool, typer.Option("--compliance", help="Security or compliance first.")
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help='Print {"stack": ..., "reasons": [...], "language": "ts" or null}.'
        ),
    ] = False,
) -> None:
    """Recommend a stack for your needs, with the reasons that decided it."""
    needs = Needs(
        team=team,
        frontend=frontend,
        realtime=realtime,
        admin=admin,
        ai=ai,
        api_only=api_only,
        beginner=beginner,
        compliance=compliance,
    )
    rec = recommend(needs)
    if as_json:
        output.json_out(rec.to_json())
    else:
        output.recommendation(rec)
        lang = f" --lang {rec.language}" if rec.language else ""
        output.out.print(f"Create it: scaffold new NAME --stack {rec.stack}{lang}")
        if rec.language:
            other = next(lang for lang in LANGUAGES if lang != rec.language)
            output.out.print(
                f"Language: {LANGUAGES[rec.language].title} (the default; --lang {other} for "
                f"{LANGUAGES[other].title})."
            )
