"""`scaffold add field`: bad input is refused with its cause and fix, exit 1, and the project
stays exactly as it was; --pretend lists what would change and writes nothing. (Adding
fields for real, with each framework's migration tool, is in tests/resources/.)"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from scaffold import api
from scaffold.cli import app
from scaffold.cli.boundary import EXIT_USER_ERROR
from tests.support.projects import generate
from tests.support.template_repos import commit_all, status

pytestmark = pytest.mark.cli

runner = CliRunner()


def add_field(project: Path, *args: str) -> Result:
    return runner.invoke(app, ["add", "field", *args, "--path", str(project)])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed FastAPI project (not installed) with a course added."""
    path = generate(tmp_path_factory.mktemp("add-field"), "fastapi")
    api.add_resource(path=path, name="course", fields=["title:str", "credits:int"], migrate=False)
    commit_all(path, "course")
    return path


@pytest.fixture
def unchanged(project: Path) -> Iterator[Path]:
    """The project, checked to be exactly as it was after the test."""
    assert status(project) == ""
    yield project
    assert status(project) == ""


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["lesson", "room:str?"], "has no resource 'lesson'"),
        (["student", "name:text?"], "already has a field 'name'"),
        (["course", "room:str"], "Field 'room' is required"),
        (["course", "seats:int"], "Give it a default (seats:int:default=0)"),
        (["course", "seats:int:default=many"], "not a whole number"),
        (["course", "seats:int?:default=3"], "is never null"),
        (["course", "code:str:unique:default=A1"], "cannot have a default"),
        (["course", "title:str?"], "already has a field 'title'"),
        (["course", "room:place?"], "unknown type 'place'"),
        (["course", "teacher:ref?"], "the project has none"),
        (["course", "room:str?", "room:text?"], "another field already uses that name"),
        (["course", "Room:str?"], "lowercase letters"),
    ],
)
def test_bad_fields_are_refused_and_nothing_is_written(
    unchanged: Path, args: list[str], says: str
) -> None:
    result = add_field(unchanged, *args)

    assert result.exit_code == EXIT_USER_ERROR, result.output
    assert "Error:" in result.output and "Fix:" in result.output, result.output
    assert says in result.output, result.output


def test_a_project_with_uncommitted_changes_is_refused(project: Path) -> None:
    readme = project / "README.md"
    original = readme.read_text()
    readme.write_text(original + "\nours\n")
    try:
        result = add_field(project, "course", "room:str?")
        assert result.exit_code == EXIT_USER_ERROR, result.output
        assert "uncommitted changes" in result.output
        assert readme.read_text() == original + "\nours\n"
    finally:
        readme.write_text(original)


def test_a_required_field_with_a_default_is_planned(unchanged: Path) -> None:
    result = add_field(unchanged, "course", "seats:int:default=30", "--pretend", "--json")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["fields"] == ["seats"]


@pytest.mark.parametrize(
    ("resource", "recorded_in", "module"),
    [
        ("course", ".scaffold/resources/course.yml", "app/courses/models.py"),
        ("student", ".copier-answers.yml", "app/students/models.py"),
    ],
)
def test_pretend_lists_the_files_it_would_change_and_writes_nothing(
    unchanged: Path, resource: str, recorded_in: str, module: str
) -> None:
    result = add_field(unchanged, resource, "room:str:max=20?", "--pretend", "--json")

    assert result.exit_code == 0, result.output
    planned = json.loads(result.stdout)
    assert planned["fields"] == ["room"] and planned["pretend"] is True
    assert {recorded_in, module} <= set(planned["files"])
    assert planned["migration"] is None, "the migration is written by the tool, when run"
