"""``scaffold new``: collect the answers (flags, questions, summary), then create:
render → git → install → next steps (or one JSON object)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import MissingAnswers
from ..stacks import STACKS, DbName, LanguageName, StackName
from ..validation import LanguageNotOffered, validate_language
from . import output, questionnaire
from .boundary import command, one_of
from .created import describe, next_steps, show_plan
from .questionnaire import Answers, fill_defaults


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


@command
def new(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="Project name, also the directory name; `.` creates it in this (empty) directory.",
        ),
    ] = None,
    stack: Annotated[
        StackName | None,
        typer.Option(
            metavar="STACK",
            help=f"{one_of(StackName)}; without it the questionnaire recommends one.",
        ),
    ] = None,
    features: Annotated[
        str | None,
        typer.Option(
            metavar="FEATURES", help="Comma-separated starter examples, e.g. students,chat."
        ),
    ] = None,
    db: Annotated[DbName | None, typer.Option(metavar="DB", help=one_of(DbName) + ".")] = None,
    lang: Annotated[
        LanguageName | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help=f"Language of the Node code (node-express, hybrid): {one_of(LanguageName)} "
            "(default ts).",
        ),
    ] = None,
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data", "-d", metavar="KEY=VALUE", help="Answer a template question (repeatable)."
        ),
    ] = None,
    defaults: Annotated[
        bool,
        typer.Option(
            "--defaults", "--yes", "-y", help="Use defaults for everything not given; never prompt."
        ),
    ] = False,
    dest: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Where to create the project (default: ./NAME)."),
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
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Never prompt; print one JSON object at the end (path, stack, features, db, "
            "language, commands, urls); progress goes to stderr.",
        ),
    ] = False,
) -> None:
    """Create a project: answer a few questions, get a recommended stack, get it running."""
    from .. import api

    _check_run(run, install=install, as_json=as_json)
    answers = _from_flags(name, stack, features, db, lang, dest, dict(parse_data(data or [])))
    _check_lang(answers)
    if answers.name is not None:  # refuse a full destination before asking anything
        api.check_destination(answers.destination(), allow_existing=force or pretend)
    _collect(answers, defaults=defaults, interactive=is_interactive() and not as_json)
    assert answers.name and answers.stack and answers.db  # filled by _collect
    _check_lang(answers)  # the stack may have been picked in the questionnaire
    spec = api.make_spec(
        name=answers.name,
        stack=answers.stack,
        features=answers.features,
        db=answers.db,
        dest=answers.dest,
        extra=answers.extra,
        language=answers.language,
    )
    if pretend:
        show_plan(spec, api.plan_project(spec), as_json=as_json)
        return
    project = api.create_project(
        spec=spec,
        git=git,
        install=install,
        allow_existing=force,
        offline=offline,
        progress=output.progress(quiet),
    )
    if as_json:
        output.json_out(describe(project))
    elif run:
        from .serve import serve_foreground

        # One panel: the running project's URLs (and its path) replace the next steps.
        serve_foreground(project.path, project.stack, offline=offline, quiet=quiet)
    else:
        next_steps(project)


def _check_run(run: bool, *, install: bool, as_json: bool) -> None:
    """``--run`` needs installed dependencies and a person to press Ctrl-C (exit 2)."""
    if run and not install:
        raise typer.BadParameter(
            "--run needs the dependencies installed", param_hint="--no-install"
        )
    if run and as_json:
        raise typer.BadParameter(
            "--run keeps the project running; --json prints one result and exits",
            param_hint="--json",
        )


def _check_lang(answers: Answers) -> None:
    """A language only for a stack with Node code: anything else is a usage error (exit 2)."""
    if answers.language and answers.stack in STACKS:
        try:
            validate_language(answers.stack, answers.language)
        except LanguageNotOffered as error:
            raise typer.BadParameter(error.message, param_hint="--lang") from error


def _from_flags(
    name: str | None,
    stack: str | None,
    features: str | None,
    db: str | None,
    lang: str | None,
    dest: Path | None,
    extra: dict[str, object],
) -> Answers:
    """The answers given on the command line (flags win over ``--data``)."""
    from ..validation import parse_features, validate_name

    answers = Answers(
        name=name if name is not None else _pop_str(extra, "project_name"),
        stack=stack or _pop_str(extra, "stack"),
        features=parse_features(features) if features is not None else _pop_features(extra),
        db=db or _pop_str(extra, "db"),
        language=lang or _pop_str(extra, "language"),
        dest=dest,
        extra=extra,
    )
    if answers.name == ".":  # `scaffold new .`: here, named after this directory
        answers.dest = dest or Path.cwd()
        answers.name = answers.dest.absolute().name
    if answers.name is not None:
        validate_name(answers.name)
    return answers


def _collect(answers: Answers, *, defaults: bool, interactive: bool) -> None:
    """Fill every missing answer: from defaults, or by asking, or fail naming the flags."""
    if defaults:
        fill_defaults(answers)
    elif interactive:
        questionnaire.ask(answers)
    elif answers.missing_flags():
        raise MissingAnswers(answers.missing_flags())


def _pop_str(extra: dict[str, object], key: str) -> str | None:
    value = extra.pop(key, None)
    return None if value is None else str(value)


def _pop_features(extra: dict[str, object]) -> list[str] | None:
    from ..validation import parse_features

    value = extra.pop("features", None)
    return None if value is None else parse_features(str(value))
