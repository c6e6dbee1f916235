"""The summary's "Change an answer": only what depends on the changed answer is asked again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scaffold import prompts
from scaffold.cli import questionnaire
from scaffold.cli.questionnaire import Answers
from scaffold.recommend import Needs

pytestmark = pytest.mark.cli


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Scripted prompts: each records its name; the summary changes "needs", then creates."""
    log: list[str] = []
    decisions = iter(["change", "create"])

    def record(name: str, value: object) -> object:
        log.append(name)
        return value

    monkeypatch.setattr(prompts, "ask_decision", lambda: next(decisions))
    monkeypatch.setattr(prompts, "ask_which", lambda _: "needs")
    monkeypatch.setattr(
        prompts, "ask_needs", lambda previous: record("needs", Needs(team="js", realtime=True))
    )
    monkeypatch.setattr(
        prompts, "ask_stack", lambda rec, current: record(f"stack:{rec.stack}", rec.stack)
    )
    monkeypatch.setattr(
        prompts, "ask_features", lambda stack, chosen=None: record("features", list(chosen or []))
    )
    monkeypatch.setattr(prompts, "ask_name", lambda default: record("name", "shop"))
    monkeypatch.setattr(prompts, "ask_db", lambda default: record("db", default))
    monkeypatch.setattr(prompts, "ask_language", lambda default: record("language", default))
    monkeypatch.setattr(questionnaire.output, "recommendation", lambda rec: None)
    monkeypatch.setattr(questionnaire.output, "panel", lambda title, rows: None)
    yield log


def test_new_needs_rerun_the_recommendation_and_keep_the_other_answers(
    asked: list[str],
) -> None:
    answers = Answers(name="shop", stack="fastapi", features=["students"], db="postgres")
    questionnaire.review(answers)
    assert asked == ["needs", "stack:node-express", "features", "language"]
    assert answers.stack == "node-express"
    assert answers.features == ["students"]  # kept: Express offers it too
    assert answers.language == "ts"  # Node code: its language is asked, TypeScript first
    assert (answers.name, answers.db) == ("shop", "postgres")


def test_a_node_stack_is_asked_its_language_after_its_starter_examples(
    asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "ask_decision", lambda: "create")
    answers = Answers()
    questionnaire.ask(answers)
    assert asked == ["name", "needs", "stack:node-express", "features", "language", "db"]
    assert answers.language == "ts"


def test_a_python_stack_is_not_asked_a_language(
    asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "ask_decision", lambda: "create")
    monkeypatch.setattr(prompts, "ask_needs", lambda previous: Needs(team="python"))
    answers = Answers()
    questionnaire.ask(answers)
    assert asked == ["name", "stack:django-drf", "features", "db"]
    assert answers.language is None


def test_a_new_stack_without_node_code_drops_the_language_without_asking(
    asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "ask_needs", lambda previous: Needs(team="python", api_only=True))
    answers = Answers(
        name="shop", stack="node-express", features=["students"], db="sqlite", language="js"
    )
    questionnaire.review(answers)
    assert asked == ["stack:fastapi", "features"]
    assert answers.stack == "fastapi" and answers.language is None


def test_a_node_stack_keeps_its_language_when_the_stack_changes_to_another_node_stack(
    asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        prompts, "ask_needs", lambda previous: Needs(team="python", realtime=True, admin=True)
    )
    answers = Answers(
        name="shop", stack="node-express", features=["chat"], db="sqlite", language="js"
    )
    questionnaire.review(answers)
    assert asked == ["stack:hybrid", "features"]
    assert answers.stack == "hybrid" and answers.language == "js"


def test_the_language_can_be_changed_only_for_a_stack_with_node_code() -> None:
    assert "language" in questionnaire.changeable(Answers(stack="node-express"))
    assert "language" in questionnaire.changeable(Answers(stack="hybrid"))
    assert "language" not in questionnaire.changeable(Answers(stack="django-drf"))
    assert "language" not in questionnaire.changeable(Answers(stack="fastapi"))


def test_the_summary_lists_every_answer() -> None:
    answers = Answers(name="shop", stack="hybrid", features=["students", "chat"], db="sqlite")
    rows = dict(questionnaire.summary(answers))
    assert rows["name"] == "shop" and rows["destination"] == "./shop"
    assert "hybrid" in rows["stack"] and rows["language"] == "Python and TypeScript (Node.js)"
    assert rows["features"] == "students, chat" and rows["database"] == "sqlite"


@pytest.mark.parametrize(
    ("stack", "language", "shown"),
    [
        ("node-express", None, "TypeScript (Node.js)"),
        ("node-express", "js", "JavaScript (Node.js)"),
        ("hybrid", "js", "Python and JavaScript (Node.js)"),
        ("fastapi", None, "Python"),
    ],
)
def test_the_summary_names_the_language_of_the_code(
    stack: str, language: str | None, shown: str
) -> None:
    answers = Answers(name="shop", stack=stack, features=[], db="sqlite", language=language)
    assert dict(questionnaire.summary(answers))["language"] == shown
