"""What the CLI shows fits the terminal: panels wrap, never crop; plain text without one."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

from scaffold.cli import app, output
from scaffold.recommend import NO_NEEDS_REASON, RULES, Needs, Recommendation, recommend
from scaffold.stacks import STACKS

pytestmark = pytest.mark.cli

EVERY_REASON = (*(rule.reason for rule in RULES), NO_NEEDS_REASON)
BOX = "│╭╮╰╯─•"


def words(text: str) -> str:
    """The text as a person reads it: box drawing removed, line breaks and runs of
    spaces collapsed."""
    return re.sub(r"\s+", " ", text.translate({ord(c): " " for c in BOX})).strip()


def on_terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> io.StringIO:
    screen = io.StringIO()
    console = Console(
        file=screen, force_terminal=True, width=width, highlight=False, soft_wrap=True
    )
    monkeypatch.setattr(output, "_console", lambda stderr: console)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return screen


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_every_reason_is_shown_in_full_at_any_width(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    screen = on_terminal(monkeypatch, width)
    output.recommendation(Recommendation("hybrid", EVERY_REASON, {}))
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen.getvalue())
    assert all(len(line) <= width for line in plain.splitlines())
    assert "╭" in plain  # a box, on a terminal
    assert f"Recommended: {STACKS['hybrid'].title} (hybrid)" in words(plain)
    for reason in EVERY_REASON:
        assert reason in words(plain)


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_panel_values_wrap_instead_of_being_cut(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    screen = on_terminal(monkeypatch, width)
    long = "http://127.0.0.1:8000/api/students/?search=a-rather-long-query " * 3
    output.panel("Created shop — next steps", [("cd", "/tmp/shop"), ("open", long.strip())])
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen.getvalue())
    assert all(len(line) <= width for line in plain.splitlines())
    assert long.strip().replace(" ", "") in words(plain).replace(" ", "")


def test_without_a_terminal_the_recommendation_is_plain_lines_in_full() -> None:
    result = CliRunner().invoke(app, ["recommend", "--team", "python", "--realtime", "--admin"])
    assert result.exit_code == 0
    assert not set(BOX[:-1]) & set(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == f"Recommended: {STACKS['hybrid'].title} (hybrid)"
    expected = recommend(Needs(team="python", realtime=True, admin=True)).reasons
    assert [f"  - {reason}" for reason in expected] == lines[1 : 1 + len(expected)]


def test_no_color_on_a_terminal_gives_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = on_terminal(monkeypatch, 60)
    monkeypatch.setenv("NO_COLOR", "1")
    output.recommendation(Recommendation("fastapi", (NO_NEEDS_REASON,), {}))
    assert not set(BOX) & set(screen.getvalue())
    assert f"  - {NO_NEEDS_REASON}" in screen.getvalue()


def test_list_without_a_terminal_is_aligned_plain_columns_in_full() -> None:
    result = CliRunner().invoke(app, ["list"])
    assert result.exit_code == 0
    assert not set(BOX[:-1]) & set(result.stdout) and "┃" not in result.stdout
    for stack in STACKS.values():
        assert any(
            line.startswith(stack.name) and stack.when in line
            for line in result.stdout.splitlines()
        )


@pytest.mark.parametrize("width", [60, 200])
def test_list_tables_wrap_to_the_terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    screen = on_terminal(monkeypatch, width)
    CliRunner().invoke(app, ["list"])
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen.getvalue())
    assert all(len(line) <= width for line in plain.splitlines())
    for word in " ".join(stack.when for stack in STACKS.values()).split():
        assert word in plain
