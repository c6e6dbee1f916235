"""`scaffold add resource`: bad input is refused with its cause and fix, exit 1, and the
project stays exactly as it was; --pretend and --json report without surprises."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from scaffold.cli import app
from scaffold.cli.boundary import EXIT_USER_ERROR
from tests.support.past_releases import generate_at, template_history
from tests.support.projects import generate
from tests.support.template_repos import commit_all, status

pytestmark = pytest.mark.cli

runner = CliRunner()


def add(project: Path, *args: str) -> Result:
    return runner.invoke(app, ["add", "resource", *args, "--path", str(project)])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("add-resource"), "fastapi")


@pytest.fixture
def unchanged(project: Path) -> Iterator[Path]:
    """The project, checked to be exactly as it was after the test."""
    assert status(project) == ""
    yield project
    assert status(project) == ""


def refused(result: Result, says: str) -> None:
    assert result.exit_code == EXIT_USER_ERROR, result.output
    assert "Error:" in result.output and "Fix:" in result.output, result.output
    assert says in result.output, result.output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["class", "title:str"], "reserved word"),
        (["select", "title:str"], "reserved word"),
        (["user", "title:str"], "already has"),
        (["users", "title:str"], "already has"),
        (["students", "title:str"], "already has"),
        (["1abc", "title:str"], "starts with a digit"),
        (["a-b", "title:str"], "single underscores"),
        (["", "title:str"], "it is empty"),
        (["course", "class:str"], "Invalid field name 'class'"),
        (["course", "id:int"], "Invalid field name 'id'"),
        (["course", "2nd:str"], "starts with a digit"),
        (["course", "title:str", "title:int"], "another field already uses that name"),
        (
            ["course", "title:string"],
            "str, text, int, decimal, bool, date, datetime, email, url, ref",
        ),
        (["course", "teacher:ref"], "scaffold add resource teacher"),
        (["course", "level:str:choices=low,low"], "distinct, non-empty values"),
        (["course", "title:str:max=300"], "max=300 is out of range"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    unchanged: Path, args: list[str], says: str
) -> None:
    refused(add(unchanged, *args), says)


def test_a_resource_can_refer_to_the_students_starter(unchanged: Path) -> None:
    result = add(unchanged, "enrollment", "student:ref", "--pretend", "--json")
    assert result.exit_code == 0, result.output
    assert "app/enrollments/models.py" in json.loads(result.stdout)["files"]


def test_starters_that_predate_resources_cannot_be_referred_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = template_history(tmp_path / "template", "v0.4.0")
    project = generate_at(repo, "v0.4.0", tmp_path / "projects", "fastapi", monkeypatch)
    refused(add(project, "enrollment", "student:ref"), "predates resources")
    assert status(project) == ""


def test_outside_a_scaffold_project_it_says_where_to_run(tmp_path: Path) -> None:
    refused(add(tmp_path, "course", "title:str"), "not a scaffold project")


def test_uncommitted_edits_to_the_registration_file_stop_it(unchanged: Path) -> None:
    main = unchanged / "app" / "resources.py"
    original = main.read_text()
    main.write_text(original + "# mine\n")
    try:
        refused(add(unchanged, "course", "title:str"), "uncommitted edits")
        assert main.read_text() == original + "# mine\n"
    finally:
        main.write_text(original)


def test_a_moved_marker_stops_it_with_the_lines_to_add(tmp_path: Path, project: Path) -> None:
    main = project / "app" / "resources.py"
    original = main.read_text()
    main.write_text(original.replace("# scaffold: resource routers", "# moved"))
    commit_all(project, "move the marker")
    try:
        refused(add(project, "course", "title:str"), "courses_router,")
        assert status(project) == ""
    finally:
        main.write_text(original)
        commit_all(project, "put the marker back")


def test_pretend_lists_files_and_lines_and_writes_nothing(unchanged: Path) -> None:
    result = add(unchanged, "course", "title:str", "--pretend")
    assert result.exit_code == 0, result.output
    assert "app/courses/router.py" in result.output
    assert "app/resources.py: courses_router," in result.output


def test_json_describes_what_was_added(project: Path) -> None:
    result = add(project, "lab_session", "topic:str", "--json", "--no-migrate")
    assert result.exit_code == 0, result.output
    described = json.loads(result.stdout)
    assert described["resource"] == "lab_session"
    assert described["path"] == str(project)
    assert "app/lab_sessions/router.py" in described["files"]
    assert described["migration"].startswith("migrations/versions/")
    assert described["migrated"] is False
    assert set(described["commands"]) >= {"test"}
    assert "lab_sessions_router," in (project / "app" / "resources.py").read_text()
    # Never committed: the user reviews it.
    assert status(project)
    subprocess.run(["git", "stash", "-u", "-q"], cwd=project, check=True)


def test_a_failed_migration_puts_everything_back(unchanged: Path) -> None:
    alembic = unchanged / ".venv" / "bin" / "alembic"
    alembic.parent.mkdir(parents=True)
    alembic.write_text("#!/bin/sh\necho 'database is locked' >&2\nexit 1\n")
    os.chmod(alembic, 0o755)
    try:
        refused(add(unchanged, "course", "title:str"), "database is locked")
    finally:
        alembic.unlink()
