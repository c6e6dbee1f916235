"""``scaffold new``: questionnaire → recommendation → render → git → install → next steps."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import MissingAnswers
from ..stacks import DEFAULT_DB, DbName, StackName
from . import output
from .boundary import command

if TYPE_CHECKING:
    from ..api import Project, ProjectSpec

DEFAULT_NAME = "my-project"


def is_interactive() -> bool:
    """Questions need a person at a terminal; anything else must pass flags."""
    return sys.stdin.isatty()


def parse_data(pairs: list[str]) -> dict[str, str]:
    """``KEY=VALUE`` pairs to a dict; a pair without ``=`` is a usage error (exit 2)."""
    data = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--data")
        data[key.strip()] = value
    return data


@dataclass
class Answers:
    name: str | None
    stack: str | None
    features: list[str] | None
    db: str | None

    def missing_flags(self) -> list[str]:
        wanted = {
            "NAME": self.name,
            "--stack": self.stack,
            "--features": self.features,
            "--db": self.db,
        }
        return [flag for flag, value in wanted.items() if value is None]


def _ask_missing(answers: Answers) -> None:
    """Fill the gaps interactively; the stack comes from the recommendation."""
    from .. import prompts
    from ..recommend import recommend

    answers.name = answers.name or prompts.ask_name()
    if answers.stack is None:
        rec = recommend(prompts.ask_needs())
        output.recommendation(rec)
        answers.stack = prompts.ask_stack(rec)
    if answers.features is None:
        answers.features = prompts.ask_features(answers.stack)
    answers.db = answers.db or prompts.ask_db(DEFAULT_DB)


def _fill_defaults(answers: Answers) -> None:
    answers.name = answers.name or DEFAULT_NAME
    answers.stack = answers.stack or "fastapi"
    answers.db = answers.db or DEFAULT_DB


@command
def new(
    name: Annotated[
        str | None, typer.Argument(help="Project name, also the directory name.")
    ] = None,
    stack: Annotated[
        StackName | None, typer.Option(help="Stack; without it the questionnaire recommends one.")
    ] = None,
    features: Annotated[
        str | None, typer.Option(help="Comma-separated starter examples, e.g. students,chat.")
    ] = None,
    db: Annotated[DbName | None, typer.Option(help="Database.")] = None,
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data", "-d", metavar="KEY=VALUE", help="Answer a template question (repeatable)."
        ),
    ] = None,
    defaults: Annotated[
        bool,
        typer.Option("--defaults", help="Use defaults for everything not given; never prompt."),
    ] = False,
    dest: Annotated[
        Path | None, typer.Option(help="Where to create the project (default: ./NAME).")
    ] = None,
    install: Annotated[
        bool, typer.Option("--install/--no-install", help="Install dependencies.")
    ] = True,
    git: Annotated[
        bool, typer.Option("--git/--no-git", help="git init and commit the first version.")
    ] = True,
    run: Annotated[
        bool, typer.Option("--run", help="Start the project after installing (Ctrl-C stops it).")
    ] = False,
    pretend: Annotated[
        bool, typer.Option("--pretend", help="List the files that would be written; write nothing.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Allow a non-empty destination (existing files are never overwritten)."
        ),
    ] = False,
    offline: Annotated[
        bool,
        typer.Option(
            "--offline",
            envvar="SCAFFOLD_OFFLINE",
            help="Install from the uv/npm caches only (fill them first with `scaffold warm`).",
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print only errors and the final panel."),
    ] = False,
) -> None:
    """Create a project: answer a few questions, get a recommended stack, get it running."""
    from .. import api
    from ..validation import parse_features, validate_name

    extra: dict[str, object] = dict(parse_data(data or []))
    answers = Answers(
        name=name if name is not None else _pop_str(extra, "project_name"),
        stack=stack or _pop_str(extra, "stack"),
        features=parse_features(features) if features is not None else _pop_features(extra),
        db=db or _pop_str(extra, "db"),
    )
    if answers.name is not None:
        validate_name(answers.name)
    if defaults:
        _fill_defaults(answers)
    elif not is_interactive():
        if answers.missing_flags():
            raise MissingAnswers(answers.missing_flags())
    else:
        _ask_missing(answers)
    assert answers.name and answers.stack and answers.db  # filled by one of the branches above
    spec = api.make_spec(
        name=answers.name,
        stack=answers.stack,
        features=answers.features,
        db=answers.db,
        dest=dest,
        extra=extra,
    )
    if pretend:
        _show_plan(spec, api.plan_project(spec))
        return
    if run and not install:
        raise typer.BadParameter(
            "--run needs the dependencies installed", param_hint="--no-install"
        )
    project = api.create_project(
        spec=spec,
        git=git,
        install=install,
        allow_existing=force,
        offline=offline,
        progress=output.progress(quiet),
    )
    if not run:
        _next_steps(project)
        return
    from .serve import serve_foreground

    # One panel: the running project's URLs (and its path) replace the next steps.
    serve_foreground(project.path, project.stack, offline=offline, quiet=quiet)


def _pop_str(extra: dict[str, object], key: str) -> str | None:
    value = extra.pop(key, None)
    return None if value is None else str(value)


def _pop_features(extra: dict[str, object]) -> list[str] | None:
    from ..validation import parse_features

    value = extra.pop("features", None)
    return None if value is None else parse_features(str(value))


def _show_plan(spec: ProjectSpec, files: list[str]) -> None:
    output.out.print(
        f"Would create {spec.dest} ({spec.stack}; {', '.join(spec.features) or 'no'}"
        f" features; {spec.db}) with {len(files)} files:"
    )
    for path in files:
        output.out.print(f"  {path}")


def _next_steps(project: Project) -> None:
    rows = [("cd", str(project.path))]
    if not project.installed:
        rows += [
            (
                "install",
                " && ".join(
                    f"(cd {c} && {' '.join(a)})" if c != "." else " ".join(a)
                    for c, a in project.stack.install
                ),
            )
        ]
    rows += [("run", project.stack.quickstart[0]), ("test", project.stack.quickstart[1])]
    if project.git:
        rows.append(("update", "scaffold update  (or: copier update)"))
    output.panel(f"Created {project.path.name} — next steps", rows)
