"""The public command-line contract: names, --json shapes, exit codes, and safety."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffold import __version__
from scaffold.cli import app
from scaffold.recommend import RULES
from scaffold.stacks import FEATURES, STACKS

pytestmark = pytest.mark.cli

runner = CliRunner()


def scaffold(*args: str, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    old = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def test_version() -> None:
    result = scaffold("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"scaffold {__version__}"


@pytest.mark.parametrize("command", [[], *([c.name] for c in app.registered_commands)])
def test_help_on_every_command(command: list[str]) -> None:
    result = scaffold(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_recommend_json_shape() -> None:
    result = scaffold("recommend", "--team", "python", "--realtime", "--admin", "--json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert set(payload) == {"stack", "reasons", "language"}
    assert payload["stack"] == "hybrid"
    assert payload["reasons"] and all(
        r in {rule.reason for rule in RULES} for r in payload["reasons"]
    )


def test_recommend_for_people_shows_the_stack_and_the_reasons() -> None:
    result = scaffold("recommend", "--api-only")
    assert result.exit_code == 0
    assert "FastAPI" in result.stdout and "pure API" in result.stdout
    assert "scaffold new NAME --stack fastapi" in result.stdout


def test_list_names_every_stack_and_feature_with_when_to_pick_it() -> None:
    text = scaffold("list").stdout
    for item in [*STACKS.values(), *FEATURES.values()]:
        assert item.name in text
    payload = json.loads(scaffold("list", "--json").stdout)
    assert [s["name"] for s in payload["stacks"]] == list(STACKS)
    assert all(s["when"] for s in payload["stacks"])


def test_unknown_flag_value_is_a_usage_error() -> None:
    assert scaffold("new", "x", "--stack", "rails").exit_code == 2
    assert scaffold("recommend", "--team", "cobol").exit_code == 2
    assert scaffold("new", "x", "--data", "no-equals-sign").exit_code == 2


@pytest.mark.parametrize("flag", ["--duration", "--connections", "--rounds", "--workers"])
def test_compare_with_a_zero_count_is_a_usage_error(flag: str) -> None:
    result = scaffold("compare", flag, "0")
    assert result.exit_code == 2
    assert flag in result.stderr


def test_new_renders_commits_and_shows_next_steps(tmp_path: Path) -> None:
    result = scaffold(
        "new", "shop", "--stack", "fastapi", "--defaults", "--no-install", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    project = tmp_path / "shop"
    assert (project / "README.md").is_file() and (project / ".env").is_file()
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True
    )
    assert status.stdout == "", "the first commit holds everything; .env is ignored"
    assert "next steps" in result.stdout and "uv run pytest" in result.stdout


def test_new_with_no_git_leaves_no_repository(tmp_path: Path) -> None:
    result = scaffold(
        "new",
        "shop",
        "--stack",
        "fastapi",
        "--defaults",
        "--no-install",
        "--no-git",
        "--dest",
        str(tmp_path / "elsewhere"),
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "elsewhere/README.md").is_file()
    assert not (tmp_path / "elsewhere/.git").exists()


def test_pretend_lists_files_and_writes_nothing(tmp_path: Path) -> None:
    result = scaffold("new", "shop", "--stack", "fastapi", "--defaults", "--pretend", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "README.md" in result.stdout and ".copier-answers.yml" in result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["1shop", "my shop", "../up", "class", "x" * 60, ""])
def test_invalid_names_exit_1_with_cause_and_fix(tmp_path: Path, name: str) -> None:
    result = scaffold("new", name, "--stack", "fastapi", "--defaults", "--no-install", cwd=tmp_path)
    assert result.exit_code == 1
    assert "Invalid project name" in result.stderr and "Fix:" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_non_empty_destination_is_refused_and_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "shop" / "notes.txt"
    mine.parent.mkdir()
    mine.write_text("mine")
    result = scaffold(
        "new", "shop", "--stack", "fastapi", "--defaults", "--no-install", cwd=tmp_path
    )
    assert result.exit_code == 1
    assert "not empty" in result.stderr
    assert [p.name for p in mine.parent.iterdir()] == ["notes.txt"] and mine.read_text() == "mine"


def test_dot_creates_the_project_in_this_empty_directory_named_after_it(tmp_path: Path) -> None:
    here = tmp_path / "shop"
    here.mkdir()
    result = scaffold("new", ".", "--stack", "fastapi", "-y", "--no-install", cwd=here)
    assert result.exit_code == 0, result.output
    assert "project_name: shop" in (here / ".copier-answers.yml").read_text()
    assert (here / ".git").is_dir()


def test_dot_in_a_non_empty_directory_is_refused_before_any_question(tmp_path: Path) -> None:
    here = tmp_path / "shop"
    here.mkdir()
    (here / "notes.txt").write_text("mine")
    result = scaffold("new", ".", "--no-install", cwd=here)
    assert result.exit_code == 1
    assert "not empty" in result.stderr and "Fix:" in result.stderr
    assert [p.name for p in here.iterdir()] == ["notes.txt"]


def test_json_prints_one_object_on_stdout_and_progress_on_stderr(tmp_path: Path) -> None:
    result = scaffold(
        "new", "shop", "--stack", "node-express", "--yes", "--no-install", "--json", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    stack = STACKS["node-express"]
    assert payload == {
        "path": str(tmp_path / "shop"),
        "stack": "node-express",
        "features": list(stack.features),
        "db": "sqlite",
        "language": "ts",  # the default of a stack with Node code
        "commands": {
            "install": "npm ci --no-audit --no-fund",
            "run": stack.quickstart[0],
            "test": stack.quickstart[1],
        },
        "urls": {
            "app": "http://127.0.0.1:3000/",
            "students API": "http://127.0.0.1:3000/api/students",
            "chat": "http://127.0.0.1:3000/chat",
        },
    }
    assert "Rendering the template" in result.stderr


def test_json_never_prompts_and_names_the_missing_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("scaffold.cli.new.is_interactive", lambda: True)
    result = scaffold("new", "shop", "--json", cwd=tmp_path)
    assert result.exit_code == 1
    assert "--stack" in result.stderr and result.stdout == ""


def test_force_adds_beside_existing_files_but_never_overwrites_them(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    project.mkdir()
    (project / "notes.txt").write_text("mine")
    ok = scaffold(
        "new", "shop", "--stack", "fastapi", "--defaults", "--no-install", "--force", cwd=tmp_path
    )
    assert ok.exit_code == 0, ok.output
    assert (project / "notes.txt").read_text() == "mine" and (project / "README.md").exists()
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=project, capture_output=True, text=True
    ).stdout
    assert "notes.txt" not in tracked.split(), "the user's own files are not committed for them"

    (project / "README.md").write_text("my readme")
    again = tmp_path / "again"
    again.mkdir()
    (again / "README.md").write_text("my readme")
    clash = scaffold(
        "new", "again", "--stack", "fastapi", "--defaults", "--no-install", "--force", cwd=tmp_path
    )
    assert clash.exit_code == 1 and "would be overwritten" in clash.stderr
    assert [p.name for p in again.iterdir()] == ["README.md"]


def test_unsupported_feature_is_a_user_error(tmp_path: Path) -> None:
    result = scaffold(
        "new", "shop", "--stack", "fastapi", "--features", "chat", "--defaults", cwd=tmp_path
    )
    assert result.exit_code == 1
    assert "does not offer chat" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_a_terminal_missing_answers_name_the_flags(tmp_path: Path) -> None:
    result = scaffold("new", "shop", cwd=tmp_path)
    assert result.exit_code == 1
    assert "--stack --features --db" in result.stderr and "--defaults" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_data_answers_template_questions(tmp_path: Path) -> None:
    result = scaffold(
        "new",
        "--data",
        "project_name=shop",
        "--data",
        "stack=fastapi",
        "--data",
        "features=",
        "--defaults",
        "--no-install",
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.output
    answers = (tmp_path / "shop/.copier-answers.yml").read_text()
    assert "features: []" in answers and "stack: fastapi" in answers


class TestQuestionnaire:
    """On a terminal, missing answers are asked; the recommendation comes with its reasons."""

    @pytest.fixture(autouse=True)
    def terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr("scaffold.cli.new.is_interactive", lambda: True)

    def test_recommendation_and_reasons_are_shown_before_the_stack_is_picked(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from scaffold import prompts
        from scaffold.recommend import Needs

        offered: list[str] = []
        monkeypatch.setattr(prompts, "ask_needs", lambda previous: Needs(api_only=True))
        monkeypatch.setattr(
            prompts, "ask_stack", lambda rec, current: offered.append(rec.stack) or rec.stack
        )
        monkeypatch.setattr(prompts, "ask_features", lambda stack, chosen=None: ["students"])
        monkeypatch.setattr(prompts, "ask_db", lambda default: default)
        monkeypatch.setattr(prompts, "ask_decision", lambda: "create")
        result = scaffold("new", "shop", "--no-install", cwd=tmp_path)
        assert result.exit_code == 0, result.output
        assert offered == ["fastapi"]
        assert "Recommended" in result.stdout and "pure API" in result.stdout

    def test_ctrl_c_mid_questionnaire_exits_130_and_leaves_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from scaffold import prompts

        def interrupted(previous: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(prompts, "ask_needs", interrupted)
        result = scaffold("new", "shop", cwd=tmp_path)
        assert result.exit_code == 130
        assert list(tmp_path.iterdir()) == []


def test_failed_install_keeps_the_project_and_prints_the_retry_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real failure: uv offline with an empty cache cannot fetch anything.
    monkeypatch.setenv("UV_OFFLINE", "1")
    monkeypatch.setenv("UV_CACHE_DIR", str(tmp_path / "empty-cache"))
    result = scaffold("new", "shop", "--stack", "fastapi", "--defaults", cwd=tmp_path)
    assert result.exit_code == 1
    assert "Installing dependencies failed" in result.stderr
    assert f"cd {tmp_path / 'shop'} && uv sync --locked" in result.stderr
    assert (tmp_path / "shop/README.md").is_file()


def test_the_installed_console_script_runs_without_a_terminal(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("scaffold")
    version = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and __version__ in version.stdout
    hang_check = subprocess.run(
        [script, "new", "shop"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert hang_check.returncode == 1 and "--defaults" in hang_check.stderr
    made = subprocess.run(
        [script, "new", "shop", "--stack", "fastapi", "--defaults", "--no-install"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "shop/.copier-answers.yml").is_file()
