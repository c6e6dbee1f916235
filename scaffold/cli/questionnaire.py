"""Collecting the answers of ``scaffold new``: flags first, then questions for what is
missing, then a summary where any answer can be changed before anything is written.

Changing an answer re-asks only what depends on it: new needs re-run the recommendation
(and so the stack), a new stack re-asks its starter examples, keeping those it offers too,
and the language of its Node code when it has some.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Cancelled
from ..recommend import Needs
from ..stacks import DEFAULT_DB, DEFAULT_LANGUAGE, DEFAULT_STACK, LANGUAGES, STACKS
from . import output

DEFAULT_NAME = "my-project"
CHANGEABLE = {
    "name": "Project name",
    "dest": "Destination",
    "needs": "What the project needs (runs the recommendation again)",
    "stack": "Stack",
    "features": "Starter examples",
    "db": "Database",
    "language": "Language of the Node code",  # last: only stacks with Node code offer it
}


@dataclass
class Answers:
    """What ``scaffold new`` will create; None: not given yet."""

    name: str | None = None
    stack: str | None = None
    features: list[str] | None = None
    db: str | None = None
    dest: Path | None = None  # None: ./NAME
    needs: Needs | None = None
    language: str | None = None  # None: the default, for a stack with Node code
    extra: dict[str, object] = field(default_factory=dict)

    def missing_flags(self) -> list[str]:
        wanted = {
            "NAME": self.name,
            "--stack": self.stack,
            "--features": self.features,
            "--db": self.db,
        }
        return [flag for flag, value in wanted.items() if value is None]

    def destination(self) -> Path:
        return self.dest or Path.cwd() / (self.name or DEFAULT_NAME)


def fill_defaults(answers: Answers) -> None:
    answers.name = answers.name or DEFAULT_NAME
    answers.stack = answers.stack or DEFAULT_STACK
    answers.db = answers.db or DEFAULT_DB


def ask(answers: Answers) -> None:
    """Ask what is missing, then show the summary until the user creates or cancels.
    Answers given entirely by flags are not reviewed: the command line was the review."""
    from .. import prompts

    if not answers.missing_flags():
        return
    if answers.name is None:
        answers.name = prompts.ask_name(DEFAULT_NAME)
    if answers.stack is None:
        _ask_needs_and_stack(answers)
    if answers.features is None:
        answers.features = prompts.ask_features(_stack(answers))
    if answers.language is None and STACKS[_stack(answers)].languages:
        answers.language = prompts.ask_language(DEFAULT_LANGUAGE)
    if answers.db is None:
        answers.db = prompts.ask_db(DEFAULT_DB)
    review(answers)


def review(answers: Answers) -> None:
    """The summary with Create / Change an answer / Cancel (raises Cancelled)."""
    from .. import prompts

    while True:
        output.panel("Your project", summary(answers))
        decision = prompts.ask_decision()
        if decision == "create":
            return
        if decision == "cancel":
            raise Cancelled
        _CHANGES[prompts.ask_which(changeable(answers))](answers)


def changeable(answers: Answers) -> dict[str, str]:
    """The answers the summary offers to change: the language only with Node code."""
    with_language = bool(STACKS[_stack(answers)].languages)
    return {key: label for key, label in CHANGEABLE.items() if key != "language" or with_language}


def summary(answers: Answers) -> list[tuple[str, str]]:
    stack = STACKS[_stack(answers)]
    return [
        ("name", answers.name or DEFAULT_NAME),
        ("destination", _shown(answers.destination())),
        ("stack", f"{stack.title} ({stack.name})"),
        ("language", language_line(stack.toolchain, answers.language)),
        ("features", ", ".join(answers.features or ()) or "none"),
        ("database", answers.db or DEFAULT_DB),
    ]


def language_line(toolchain: str, language: str | None) -> str:
    """``Python``, ``TypeScript (Node.js)``, ``Python and JavaScript (Node.js)``…"""
    node = f"{LANGUAGES[language or DEFAULT_LANGUAGE].title} (Node.js)"
    return {"python": "Python", "node": node, "python+node": f"Python and {node}"}[toolchain]


def _shown(path: Path) -> str:
    """A path as typed: relative to here when it is below here."""
    relative = os.path.relpath(path)
    if relative.startswith(".."):
        return path.as_posix()
    return "." if relative == "." else f"./{relative}"


def _stack(answers: Answers) -> str:
    return answers.stack or DEFAULT_STACK


def _ask_needs_and_stack(answers: Answers) -> None:
    from .. import prompts
    from ..recommend import recommend

    answers.needs = prompts.ask_needs(answers.needs)
    rec = recommend(answers.needs)
    output.recommendation(rec)
    answers.stack = prompts.ask_stack(rec, None)


def _change_name(answers: Answers) -> None:
    from .. import prompts

    answers.name = prompts.ask_name(answers.name or DEFAULT_NAME)


def _change_dest(answers: Answers) -> None:
    from .. import prompts

    answers.dest = Path(prompts.ask_text("Destination:", _shown(answers.destination())))


def _change_stack(answers: Answers, ask: Callable[[Answers], None]) -> None:
    """Re-ask the stack (via ``ask``) and, if it changed, its starter examples."""
    from .. import prompts

    before = answers.stack
    ask(answers)
    if answers.stack != before:
        stack = STACKS[_stack(answers)]
        kept = (
            None
            if answers.features is None
            else [f for f in answers.features if f in stack.features]
        )
        answers.features = prompts.ask_features(stack.name, kept)
        if not stack.languages:
            answers.language = None
        elif answers.language is None:
            answers.language = prompts.ask_language(DEFAULT_LANGUAGE)


def _pick_stack(answers: Answers) -> None:
    from .. import prompts
    from ..recommend import recommend

    answers.stack = prompts.ask_stack(recommend(answers.needs or Needs()), answers.stack)


def _change_features(answers: Answers) -> None:
    from .. import prompts

    answers.features = prompts.ask_features(_stack(answers), answers.features)


def _change_db(answers: Answers) -> None:
    from .. import prompts

    answers.db = prompts.ask_db(answers.db or DEFAULT_DB)


def _change_language(answers: Answers) -> None:
    from .. import prompts

    answers.language = prompts.ask_language(answers.language or DEFAULT_LANGUAGE)


_CHANGES: dict[str, Callable[[Answers], None]] = {
    "name": _change_name,
    "dest": _change_dest,
    "needs": lambda answers: _change_stack(answers, _ask_needs_and_stack),
    "stack": lambda answers: _change_stack(answers, _pick_stack),
    "features": _change_features,
    "db": _change_db,
    "language": _change_language,
}
