"""The questionnaire. The only module that imports questionary.

Every question raises KeyboardInterrupt on Ctrl-C (``unsafe_ask``) so the CLI can stop
with exit code 130 before anything is written.
"""

from __future__ import annotations

import questionary

from .errors import UserError
from .recommend import Needs, Recommendation
from .stacks import DATABASES, FEATURES, STACKS
from .validation import validate_name

_TEAMS = {
    "JavaScript / TypeScript": "js",
    "Python": "python",
    "Both, or not decided": "mixed",
}
_FRONTENDS = {
    "React / Next.js": "react",
    "No frontend (API only)": "none",
    "Something else": "other",
}
_NEEDS = {
    "realtime": "Real-time features (chat, live dashboards, presence)",
    "admin": "An admin panel over the data",
    "ai": "AI / machine learning / data work",
    "api_only": "A pure API, no admin panel",
    "beginner": "I am new to backend development",
    "compliance": "Security or compliance is a priority",
}


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
        "Which language does your team write?", choices=list(_TEAMS)
    ).unsafe_ask()
    frontend = questionary.select("What is the frontend?", choices=list(_FRONTENDS)).unsafe_ask()
    picked = questionary.checkbox(
        "What does the project need? (space to select, enter to go on)",
        choices=[questionary.Choice(text, value=key) for key, text in _NEEDS.items()],
    ).unsafe_ask()
    return Needs(
        team=_TEAMS[team],  # type: ignore[arg-type]
        frontend=_FRONTENDS[frontend],  # type: ignore[arg-type]
        **{key: key in picked for key in _NEEDS},
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
