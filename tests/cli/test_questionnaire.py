"""The questionnaire in a real pseudo-terminal, keystroke by keystroke, as a person uses it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from scaffold.cli.questionnaire import CHANGEABLE
from scaffold.recommend import Needs, recommend

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.cli

SCAFFOLD = str(Path(sys.executable).with_name("scaffold"))
DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[pexpect.spawn]:
    """`scaffold new --no-install --no-git` at a 100x40 terminal in an empty directory."""
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(
        SCAFFOLD,
        ["new", "--no-install", "--no-git"],
        cwd=str(tmp_path),
        env=env,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=60,
    )
    yield child
    child.close(force=True)


def answer_everything(child: pexpect.spawn, name_keys: str) -> None:
    """Name, then a Python team with no frontend preference and no needs: defaults after."""
    child.expect("Project name")
    child.send(name_keys)
    child.expect("language does your team write")
    child.send(DOWN + ENTER)  # Python
    child.expect("What is the frontend")
    child.send(ENTER)
    child.expect("What does the project need")
    child.send(ENTER)
    child.expect("Stack:")
    child.send(ENTER)  # the recommended one
    child.expect("Starter examples")
    child.send(ENTER)
    child.expect("Database")
    child.send(ENTER)
    child.expect("Create this project")


def change(child: pexpect.spawn, answer: str) -> None:
    child.send(DOWN + ENTER)  # "Change an answer"
    child.expect("Change which answer")
    child.send(DOWN * list(CHANGEABLE).index(answer) + ENTER)


def recorded(project: Path) -> dict[str, object]:
    return dict(yaml.safe_load((project / ".copier-answers.yml").read_text()))


def test_typing_replaces_the_placeholder_and_answers_can_be_changed_before_creating(
    terminal: pexpect.spawn, tmp_path: Path
) -> None:
    recommended = recommend(Needs(team="python", frontend="react")).stack
    assert recommended == "django-drf"  # the stack order below relies on it
    answer_everything(terminal, "shop" + ENTER)
    summary = terminal.before
    assert "shop" in summary and "my-projectshop" not in summary
    assert "django-drf" in summary and "Python" in summary

    change(terminal, "stack")
    terminal.expect("Stack:")
    terminal.send(DOWN + ENTER)  # the next stack after the recommended one: node-express
    terminal.expect("Starter examples")  # a new stack asks its examples again
    terminal.send(ENTER)  # keeps students, which Express offers too
    terminal.expect("Language of the Node code")  # and, with Node code, its language
    terminal.send(ENTER)  # TypeScript, the default
    terminal.expect("Create this project")
    assert "node-express" in terminal.before and "students" in terminal.before

    change(terminal, "features")
    terminal.expect("Starter examples")
    terminal.send(DOWN + SPACE + ENTER)  # tick the chat
    terminal.expect("Create this project")
    terminal.send(ENTER)
    terminal.expect(pexpect.EOF)
    terminal.close()

    assert terminal.exitstatus == 0, terminal.before
    assert [p.name for p in tmp_path.iterdir()] == ["shop"]
    answers = recorded(tmp_path / "shop")
    assert answers["project_name"] == "shop"
    assert answers["stack"] == "node-express"
    assert answers["features"] == ["students", "chat"]
    assert answers["db"] == "sqlite"
    assert answers["language"] == "ts"


def test_enter_on_the_empty_name_accepts_the_placeholder(
    terminal: pexpect.spawn, tmp_path: Path
) -> None:
    answer_everything(terminal, ENTER)
    terminal.send(ENTER)
    terminal.expect(pexpect.EOF)
    terminal.close()
    assert terminal.exitstatus == 0
    assert recorded(tmp_path / "my-project")["project_name"] == "my-project"


@pytest.mark.parametrize("how", ["ctrl-c", "cancel"])
def test_stopping_at_the_summary_leaves_nothing(
    terminal: pexpect.spawn, tmp_path: Path, how: str
) -> None:
    answer_everything(terminal, "shop" + ENTER)
    terminal.send(CTRL_C if how == "ctrl-c" else DOWN + DOWN + ENTER)
    terminal.expect(pexpect.EOF)
    terminal.close()
    assert terminal.exitstatus == 130
    assert list(tmp_path.iterdir()) == []
