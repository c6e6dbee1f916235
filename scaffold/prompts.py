"""The questions. The only module that imports questionary.

Every question raises KeyboardInterrupt on Ctrl-C (``unsafe_ask``) so the CLI can stop
with exit code 130 before anything is written. Text defaults are placeholders, as in
create-vite: Enter accepts the grey default, typing replaces it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import questionary
from prompt_toolkit.formatted_text import FormattedText

from .errors import UserError
from .recommend import FRONTENDS, NEEDS, TEAMS, Needs, Recommendation
from .stacks import DATABASES, FEATURES, LANGUAGES, STACKS
from .validation import validate_name

Decision = Literal["create", "change", "cancel"]


def ask_text(message: str, default: str, check: Callable[[str], object] | None = None) -> str:
    """Free text with ``default`` shown as a placeholder; empty input means the default.

    ``check`` raises UserError for an unacceptable answer; its message is shown inline.
    """

    def validate(text: str) -> bool | str:
        try:
            if check:
                check(text.strip() or default)
        except UserError as exc:
            return exc.message
        return True

    placeholder = FormattedText([("fg:ansibrightblack", default)])
    answer = questionary.text(message, validate=validate, placeholder=placeholder).unsafe_ask()
    return str(answer).strip() or default


def ask_name(default: str = "my-project") -> str:
    return ask_text("Project name:", default, validate_name)


def ask_needs(previous: Needs | None = None) -> Needs:
    """Team, frontend and needs; ``previous`` answers come preselected."""
    before = previous or Needs()
    team = _select_from("Which language does your team write?", TEAMS, before.team or "js")
    frontend = _select_from("What is the frontend?", FRONTENDS, before.frontend or "react")
    picked = questionary.checkbox(
        "What does the project need? (space to select, enter to go on)",
        choices=[
            questionary.Choice(text, value=key, checked=bool(getattr(before, key)))
            for key, text in NEEDS.items()
        ],
    ).unsafe_ask()
    return Needs(
        team=team,  # type: ignore[arg-type]
        frontend=frontend,  # type: ignore[arg-type]
        **{key: key in picked for key in NEEDS},
    )


def ask_stack(recommendation: Recommendation, current: str | None = None) -> str:
    """Offer every stack, the recommended one first; ``current`` (default: the
    recommended one) preselected."""
    order = [recommendation.stack, *(s for s in STACKS if s != recommendation.stack)]
    options = {
        STACKS[s].title + ("  (recommended)" if s == recommendation.stack else ""): s for s in order
    }
    return _select_from("Stack:", options, current or recommendation.stack)


def ask_features(stack: str, chosen: Sequence[str] | None = None) -> list[str]:
    """The stack's starter examples; ``chosen`` (default: all) come ticked."""
    offered = STACKS[stack].features
    ticked = set(offered if chosen is None else chosen)
    choices = [
        questionary.Choice(f"{FEATURES[f].title}: {FEATURES[f].when}", value=f, checked=f in ticked)
        for f in offered
    ]
    return list(questionary.checkbox("Starter examples:", choices=choices).unsafe_ask())


def ask_db(default: str) -> str:
    choices = [questionary.Choice(f"{name}: {why}", value=name) for name, why in DATABASES.items()]
    return str(
        questionary.select(
            "Database:", choices=choices, default=next(c for c in choices if c.value == default)
        ).unsafe_ask()
    )


def ask_language(default: str) -> str:
    """The language of the Node code (TypeScript or JavaScript)."""
    options = {f"{lang.title}: {lang.when}": lang.name for lang in LANGUAGES.values()}
    return _select_from("Language of the Node code:", options, default)


def ask_decision() -> Decision:
    """After the summary: create the project, change an answer, or stop."""
    options = {"Create": "create", "Change an answer": "change", "Cancel": "cancel"}
    return _select_from("Create this project?", options, "create")  # type: ignore[return-value]


def ask_which(answers: dict[str, str]) -> str:
    """Which answer to change: ``answers`` maps a key to the label shown."""
    options = {label: key for key, label in answers.items()}
    return _select_from("Change which answer?", options, next(iter(answers)))


def confirm(message: str, default: bool = True) -> bool:
    return bool(questionary.confirm(message, default=default).unsafe_ask())


def _select_from(message: str, options: Mapping[str, str], default: str) -> str:
    """A select over ``options`` (label → value) with the ``default`` value preselected."""
    choices = [questionary.Choice(label, value=value) for label, value in options.items()]
    start = next(c for c in choices if c.value == default)
    return str(questionary.select(message, choices=choices, default=start).unsafe_ask())
