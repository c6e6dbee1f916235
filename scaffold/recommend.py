"""Needs → recommended stack, with the reasons that decided it.

The seeds' decision rules are data (``RULES``): each names the needs it applies to and
how strongly it favours which stacks, with the sentence that explains why. ``recommend``
is pure: it scores the stacks and keeps the reasons behind the winner.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from .stacks import DEFAULT_LANGUAGE, DEFAULT_STACK, STACKS

Team = Literal["js", "python", "mixed"]
Frontend = Literal["react", "none", "other"]

# The questionnaire's wording (label → answer; need field → label), shared by the
# terminal prompts and the `scaffold web` page.
TEAMS: dict[str, Team] = {
    "JavaScript / TypeScript": "js",
    "Python": "python",
    "Both, or not decided": "mixed",
}
FRONTENDS: dict[str, Frontend] = {
    "React / Next.js": "react",
    "No frontend (API only)": "none",
    "Something else": "other",
}
NEEDS: dict[str, str] = {
    "realtime": "Real-time features (chat, live dashboards, presence)",
    "admin": "An admin panel over the data",
    "ai": "AI / machine learning / data work",
    "api_only": "A pure API, no admin panel",
    "beginner": "I am new to backend development",
    "compliance": "Security or compliance is a priority",
}


@dataclass(frozen=True)
class Needs:
    team: Team | None = None
    frontend: Frontend | None = None
    realtime: bool = False
    admin: bool = False
    ai: bool = False
    api_only: bool = False
    beginner: bool = False
    compliance: bool = False

    def tokens(self) -> frozenset[str]:
        """The needs as tokens rules match on: ``realtime``, ``team=js``, ``frontend=react``…"""
        flags = {
            "realtime": self.realtime,
            "admin": self.admin,
            "ai": self.ai,
            "api-only": self.api_only,
            "beginner": self.beginner,
            "compliance": self.compliance,
        }
        found = {name for name, on in flags.items() if on}
        if self.team:
            found.add(f"team={self.team}")
        if self.frontend:
            found.add(f"frontend={self.frontend}")
        return frozenset(found)


class Rule(NamedTuple):
    """Applies when every token in ``when`` is present (``!x``: when ``x`` is absent)."""

    when: frozenset[str]
    favours: Mapping[str, int]
    reason: str

    def applies(self, tokens: frozenset[str]) -> bool:
        return all((t[1:] not in tokens) if t.startswith("!") else (t in tokens) for t in self.when)


def _rule(when: str, favours: Mapping[str, int], reason: str) -> Rule:
    return Rule(frozenset(when.split()), favours, reason)


RULES: tuple[Rule, ...] = (
    _rule(
        "realtime",
        {"node-express": 3},
        "Real-time features (chat, live dashboards, presence) are Node's home ground: its "
        "non-blocking event loop holds thousands of open connections.",
    ),
    _rule(
        "team=js",
        {"node-express": 3},
        "Your team writes JavaScript: one language across frontend and backend, and team "
        "skills matter more than the framework.",
    ),
    _rule(
        "frontend=react",
        {"node-express": 2},
        "A React/Next.js frontend pairs naturally with Node: one language and shared types "
        "from client to server.",
    ),
    _rule(
        "admin",
        {"django-drf": 3, "hybrid": 1},
        "Django generates a professional admin dashboard from your models, with auth, "
        "search and filters, and no frontend work.",
    ),
    _rule(
        "ai",
        {"django-drf": 3, "fastapi": 1},
        "AI/ML lives in Python: pandas, NumPy, PyTorch and scikit-learn plug straight into "
        "the backend with no bridge to another language.",
    ),
    _rule(
        "team=python",
        {"django-drf": 3, "fastapi": 2, "hybrid": 1},
        "Your team writes Python: a team that knows Python ships faster with Django than "
        "with Node, whatever the benchmarks say.",
    ),
    _rule(
        "api-only !admin",
        {"fastapi": 4},
        "A pure API with no admin panel: FastAPI is faster than DRF, validates with type "
        "hints and documents itself with OpenAPI.",
    ),
    _rule(
        "api-only team=js",
        {"node-express": 2},
        "A lightweight REST API in a JavaScript team: Express keeps microservices small "
        "and in the team's language.",
    ),
    _rule(
        "beginner",
        {"django-drf": 2},
        "New to backend work: Django's batteries (ORM, auth, admin, migrations) make the "
        "boring decisions for you and add guardrails.",
    ),
    _rule(
        "beginner team=js",
        {"node-express": 2},
        "A beginner who already knows JavaScript is better served by Node than by learning "
        "Python just to use Django.",
    ),
    _rule(
        "compliance",
        {"django-drf": 3},
        "Security and compliance come first: Django ships protections against SQL "
        "injection, XSS, CSRF and clickjacking by default.",
    ),
    _rule(
        "realtime team=python",
        {"hybrid": 3},
        "A Python team that needs real-time: keep the business logic in Django and give "
        "only the live connections to a small Node service.",
    ),
    _rule(
        "realtime admin",
        {"hybrid": 5},
        "You need real-time and Django-style business logic: a hybrid lets Node handle "
        "the live connections while Django manages data, auth and the admin.",
    ),
)

# On equal scores prefer the simpler, more conventional stack; hybrid adds operations.
_TIE_ORDER: tuple[str, ...] = ("django-drf", "node-express", "fastapi", "hybrid")

NO_NEEDS_REASON = (
    "No strong needs given: FastAPI is a lean, typed API to grow from; tell scaffold about "
    "your team and features for a sharper answer."
)


@dataclass(frozen=True)
class Recommendation:
    stack: str
    reasons: tuple[str, ...]
    scores: Mapping[str, int]

    @property
    def language(self) -> str | None:
        """The language of the recommended stack's Node code (None: Python only)."""
        return DEFAULT_LANGUAGE if STACKS[self.stack].languages else None

    def to_json(self) -> dict[str, object]:
        """The shape of ``scaffold recommend --json`` and ``GET /api/recommend``."""
        return {"stack": self.stack, "reasons": list(self.reasons), "language": self.language}


def recommend(needs: Needs, rules: tuple[Rule, ...] = RULES) -> Recommendation:
    """Score every stack against the rules that apply and return the best one and why."""
    tokens = needs.tokens()
    applied = [rule for rule in rules if rule.applies(tokens)]
    scores = {name: sum(rule.favours.get(name, 0) for rule in applied) for name in STACKS}
    if not any(scores.values()):
        return Recommendation(DEFAULT_STACK, (NO_NEEDS_REASON,), scores)
    best = max(_TIE_ORDER, key=lambda name: (scores[name], -_TIE_ORDER.index(name)))
    deciding = sorted(
        (rule for rule in applied if rule.favours.get(best, 0) > 0),
        key=lambda rule: -rule.favours[best],
    )
    return Recommendation(best, tuple(rule.reason for rule in deciding), scores)
