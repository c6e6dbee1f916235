"""The questionnaire. The only module that imports questionary.

Every question raises KeyboardInterrupt on Ctrl-C (``unsafe_ask``) so the CLI can stop
with exit code 130 before anything is written.
"""

from __future__ import annotations

import questionary

from .errors import UserError
from .recommend import FRONTENDS, NEEDS, TEAMS, Needs, Recommendation
from .stacks import DATABASES, FEATURES, STACKS
from .validation import validate_name


def ask_name(default: str = "my-project") -> str:
    def check(text: str) -> bool | str:
        try:
            validate_name(text)
        except UserError as exc:
            return exc.message
        return True

    return str(questionary.text("Project name:", default=default, validate=check).unsafe_ask())


def ask_needs() -> Needs:
    team = questionary.select(
        "Which language does your team write?", choices=list(TEAMS)
    ).unsafe_ask()
    frontend = questionary.select("What is the frontend?", choices=list(FRONTENDS)).unsafe_ask()
    picked = questionary.checkbox(
        "What does the project need? (space to select, enter to go on)",
        choices=[questionary.Choice(text, value=key) for key, text in NEEDS.items()],
    ).unsafe_ask()
    return Needs(
        team=TEAMS[team],
        frontend=FRONTENDS[frontend],
        **{key: key in picked for key in NEEDS},
    )


def ask_stack(recommendation: Recommendation) -> str:
    """Offer every stack, the recommended one first and preselected."""
    order = [recommendation.stack, *(s for s in STACKS if s != recommendation.stack)]
    choices = [
        questionary.Choice(
            f"{STACKS[s].title}" + ("  (recommended)" if s == recommendation.stack else ""),
            value=s,
        )
        for s in order
    ]
    return str(questionary.select("Stack:", choices=choices, default=choices[0]).unsafe_ask())


def ask_features(stack: str) -> list[str]:
    offered = STACKS[stack].features
    choices = [
        questionary.Choice(f"{FEATURES[f].title}: {FEATURES[f].when}", value=f, checked=True)
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


def confirm(message: str, default: bool = True) -> bool:
    return bool(questionary.confirm(message, default=default).unsafe_ask())
