"""The language flag on the command line: `new --lang ts|js` for stacks with Node code,
a usage error elsewhere; `update` keeps the language a project was made with."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml

from scaffold import render, updating
from tests.cli.test_cli import scaffold
from tests.support.template_repos import git

pytestmark = pytest.mark.cli


def recorded(project: Path, answers_file: str = ".copier-answers.yml") -> dict[str, object]:
    return dict(yaml.safe_load((project / answers_file).read_text()))


def test_new_records_the_language_asked_for(tmp_path: Path) -> None:
    result = scaffold(
        "new", "shop", "--stack", "node-express", "--lang", "js", "-y", "--no-install", "--json",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == "js"
    assert recorded(tmp_path / "shop")["language"] == "js"


def test_new_writes_typescript_by_default(tmp_path: Path) -> None:
    result = scaffold(
        "new", "shop", "--stack", "hybrid", "-y", "--no-install", "--no-git", "--json", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == "ts"
    assert recorded(tmp_path / "shop")["language"] == "ts"
    assert recorded(tmp_path / "shop", "realtime/.copier-answers.yml")["language"] == "ts"
    assert "language" not in recorded(tmp_path / "shop", "backend/.copier-answers.yml")


@pytest.mark.parametrize(
    "how", [("--lang", "ts"), ("--data", "language=js")], ids=["--lang", "--data"]
)
@pytest.mark.parametrize("stack", ["django-drf", "fastapi"])
def test_a_language_for_a_python_stack_is_a_usage_error(
    tmp_path: Path, stack: str, how: tuple[str, str]
) -> None:
    result = scaffold("new", "shop", "--stack", stack, *how, "-y", "--no-install", cwd=tmp_path)
    assert result.exit_code == 2
    assert "--lang" in result.stderr and "no Node code" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_python_project_says_it_has_no_language(tmp_path: Path) -> None:
    result = scaffold(
        "new", "shop", "--stack", "fastapi", "-y", "--pretend", "--json", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] is None


def test_pretend_names_the_language(tmp_path: Path) -> None:
    result = scaffold(
        "new", "shop", "--stack", "node-express", "--lang", "js", "-y", "--pretend", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    assert "node-express; students, chat features; sqlite; JavaScript)" in result.stdout


def test_list_shows_the_languages_of_the_node_stacks() -> None:
    payload = json.loads(scaffold("list", "--json").stdout)
    assert {s["name"]: s["languages"] for s in payload["stacks"]}["hybrid"] == ["ts", "js"]
    assert [lang["name"] for lang in payload["languages"]] == ["ts", "js"]
    shown = scaffold("list").stdout
    assert "Languages of the Node code (node-express, hybrid; --lang)" in shown
    assert "TypeScript" in shown and "JavaScript" in shown


def test_recommend_shows_the_language_of_a_node_stack() -> None:
    shown = scaffold("recommend", "--team", "js", "--realtime").stdout
    assert "scaffold new NAME --stack node-express --lang ts" in shown
    assert "TypeScript" in shown
    assert "--lang" not in scaffold("recommend", "--team", "python").stdout


# --- update -----------------------------------------------------------------------------


@pytest.fixture
def js_project(tmp_path: Path) -> Path:
    result = scaffold(
        "new", "shop", "--stack", "node-express", "--lang", "js", "-y", "--no-install", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    return tmp_path / "shop"


def test_update_refuses_lang_and_touches_nothing(js_project: Path) -> None:
    head = git(js_project, "rev-parse", "HEAD")
    result = scaffold("update", str(js_project), "--lang", "ts")
    assert result.exit_code == 2
    assert "--lang" in result.stderr and "language is fixed at creation" in result.stderr
    assert git(js_project, "rev-parse", "HEAD") == head
    assert git(js_project, "status", "--porcelain") == ""


def test_update_refuses_a_new_language_given_as_data(js_project: Path) -> None:
    result = scaffold("update", str(js_project), "--data", "language=ts")
    assert result.exit_code == 1
    assert "language is fixed at creation; this one's is js" in result.stderr
    assert git(js_project, "status", "--porcelain") == ""


def _replayed(monkeypatch: pytest.MonkeyPatch, project: Path) -> dict[str, Mapping[str, object]]:
    """The answers `scaffold update` hands copier for each answers file (copier not run)."""
    seen: dict[str, Mapping[str, object]] = {}

    def update(
        where: Path, answers: Mapping[str, object], ref: object, *, answers_file: str
    ) -> None:
        part = where.name if where.name in ("backend", "realtime") else "."  # else: the worktree
        seen[f"{part}/{answers_file}"] = dict(answers)

    monkeypatch.setattr(render, "update", update)
    updating.update(project, to=None, data={})
    return seen


def _forget_language(project: Path, *answers_files: str) -> None:
    """Make the project look made before the language question existed."""
    for answers_file in answers_files:
        path = project / answers_file
        path.write_text(
            "".join(
                line
                for line in path.read_text().splitlines(True)
                if not line.startswith("language:")
            )
        )
    git(project, "commit", "-qam", "as made by 0.5.0")


def test_update_keeps_a_node_project_made_before_languages_in_javascript(
    js_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forget_language(js_project, ".copier-answers.yml")
    assert _replayed(monkeypatch, js_project) == {"./.copier-answers.yml": {"language": "js"}}


def test_update_keeps_every_node_part_of_an_old_hybrid_in_javascript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        scaffold("new", "shop", "--stack", "hybrid", "-y", "--no-install", cwd=tmp_path).exit_code
        == 0
    )
    project = tmp_path / "shop"
    _forget_language(project, ".copier-answers.yml", "realtime/.copier-answers.yml")
    assert _replayed(monkeypatch, project) == {
        "./.copier-answers.yml": {"language": "js"},
        "backend/.copier-answers.yml": {},
        "realtime/.copier-answers.yml": {"language": "js"},
    }


def test_update_leaves_a_recorded_language_to_copier(
    js_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _replayed(monkeypatch, js_project) == {"./.copier-answers.yml": {}}
