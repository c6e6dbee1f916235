"""The seeds' decision rules, situation by situation."""

from __future__ import annotations

import pytest

from scaffold.recommend import NO_NEEDS_REASON, RULES, Needs, recommend
from scaffold.stacks import STACKS

SITUATIONS = [
    # seed 004, "Mapped to concrete situations"
    ("new to backend development", Needs(beginner=True), "django-drf"),
    ("React/Next.js frontend", Needs(frontend="react"), "node-express"),
    ("AI or data-focused product", Needs(ai=True), "django-drf"),
    ("real-time app: chat, live collaboration, presence", Needs(realtime=True), "node-express"),
    ("startup MVP that is mostly forms and records", Needs(admin=True), "django-drf"),
    (
        "startup MVP with a rich interactive frontend",
        Needs(frontend="react", team="js"),
        "node-express",
    ),
    # seed 001, "Who should use Node.js / Django?" and the FAQ
    (
        "real-time, high concurrency, JavaScript team",
        Needs(realtime=True, team="js"),
        "node-express",
    ),
    ("lightweight REST API in a JavaScript team", Needs(api_only=True, team="js"), "node-express"),
    (
        "data-heavy app with strong security requirements",
        Needs(admin=True, compliance=True),
        "django-drf",
    ),
    ("compliance, auditability or security first", Needs(compliance=True), "django-drf"),
    ("roadmap with AI or machine learning", Needs(ai=True, team="python"), "django-drf"),
    ("a beginner who already knows JavaScript", Needs(beginner=True, team="js"), "node-express"),
    (
        "genuinely needs both: real-time and business logic",
        Needs(realtime=True, admin=True),
        "hybrid",
    ),
    # seed 002, the verdict and "What about FastAPI?"
    ("a Python developer", Needs(team="python"), "django-drf"),
    ("a pure API, no admin panel needed", Needs(api_only=True), "fastapi"),
    ("a pure API from a Python team", Needs(api_only=True, team="python"), "fastapi"),
    ("an AI model served as a pure API", Needs(api_only=True, ai=True), "fastapi"),
    # the foundation issue: conflicting needs in a Python team
    (
        "real-time and admin with a Python team",
        Needs(realtime=True, admin=True, team="python"),
        "hybrid",
    ),
    ("real-time in a Python team", Needs(realtime=True, team="python"), "hybrid"),
]


@pytest.mark.parametrize(
    ("situation", "needs", "stack"), SITUATIONS, ids=[s[0] for s in SITUATIONS]
)
def test_situations_from_the_seeds(situation: str, needs: Needs, stack: str) -> None:
    assert recommend(needs).stack == stack


def test_admin_outweighs_api_only_because_a_pure_api_has_no_admin() -> None:
    assert recommend(Needs(api_only=True, admin=True)).stack == "django-drf"


def test_reasons_are_the_sentences_of_the_rules_that_favoured_the_winner() -> None:
    rec = recommend(Needs(realtime=True, admin=True, team="python"))
    assert rec.reasons[0].startswith("You need real-time and Django-style business logic")
    assert set(rec.reasons) <= {rule.reason for rule in RULES}
    assert all(rule.favours.get("hybrid", 0) > 0 for rule in RULES if rule.reason in rec.reasons)


def test_no_needs_falls_back_to_the_default_and_says_so() -> None:
    rec = recommend(Needs())
    assert rec.stack == "fastapi"
    assert rec.reasons == (NO_NEEDS_REASON,)


def test_every_rule_favours_known_stacks_only() -> None:
    for rule in RULES:
        assert set(rule.favours) <= set(STACKS), rule.reason
        assert rule.reason.endswith(".")


def test_recommend_is_pure() -> None:
    needs = Needs(realtime=True, team="js")
    assert recommend(needs) == recommend(needs)
