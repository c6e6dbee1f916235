"""Projects made by scaffold 0.6.0 keep their history, and their resources follow the template.

This release gives new projects clean migrations (one initial migration per app, demo rows
from a `seed` command) and moves every resource onto shared building blocks. A project made
by 0.6.0 (one per stack, default features, SQLite), migrated, a row written as 0.6.0's
README says, a teacher and a course added with its `scaffold add resource`, a team rule
written into a course module and the README edited, all committed, updates to this
release: its answers record that it keeps the starter migrations it has, every migration
file stays byte for byte, the team's rule stays, a resource can be added on the new
building blocks, and the project installs, passes its own tests and serves the old rows
(seeding adds no second Rahul or Priya).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scaffold import api
from scaffold.stacks import STACKS
from tests.support.past_releases import (
    edit_readme_and_commit,
    installs_passes_its_tests_and_serves_old_rows,
    update_to_this_release,
    used_as_released,
)
from tests.support.projects import install
from tests.support.resources import add_teacher_and_course, kept_teams_rule, write_teams_rule

pytestmark = [pytest.mark.update, pytest.mark.spinup]


@pytest.mark.parametrize("stack", list(STACKS))
def test_a_0_6_0_project_keeps_its_migrations_and_its_resources_follow_the_template(
    stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, project = used_as_released(tmp_path, "v0.6.0", stack, monkeypatch)
    _, course = add_teacher_and_course(project)
    ours = write_teams_rule(course)
    edit_readme_and_commit(project)
    migrations = migration_files(project)

    update_to_this_release(project)
    install(project, stack)
    api.add_resource(path=project, name="enrollment", fields=["course:ref", "student:ref"])

    assert all(answers["starter_history"] for answers in database_answers(project))
    assert {path: path.read_bytes() for path in migrations} == migrations
    assert kept_teams_rule(ours)
    installs_passes_its_tests_and_serves_old_rows(project, stack)


def migration_files(project: Path) -> dict[Path, bytes]:
    """Every migration file of the project (starters' and resources'), by path."""
    found = [
        path
        for path in project.rglob("*")
        if "migrations" in path.parts
        and path.is_file()
        and path.name[:1].isdigit()
        and not {".venv", "node_modules"} & set(path.parts)
    ]
    assert found, "a project with students has migrations"
    return {path: path.read_bytes() for path in found}


def database_answers(project: Path) -> list[dict[str, object]]:
    """The answers of each render that owns a database (the hybrid's: backend/)."""
    files = [project / ".copier-answers.yml", project / "backend" / ".copier-answers.yml"]
    loaded = [yaml.safe_load(path.read_text()) for path in files if path.is_file()]
    return [answers for answers in loaded if answers.get("part", "backend") == "backend"]
