"""Projects made by scaffold 0.4.0, with resources added by it, keep working.

One per stack (default features, SQLite), migrated, a row written as 0.4.0's README says,
a teacher and a course added with 0.4.0's `scaffold add resource` (their answers files as
0.4.0 recorded them), a team rule written into a course module and the README edited, all
committed. It updates to this release, whose starters are rendered by the resource
templates: the rule stays, the resources' migrations stay as written, a resource using this
release's options (choices, a shorter str) and referring to the students starter can be
added (its migration applied), and the project installs and serves the old rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scaffold import api
from scaffold.resources.project import RESOURCES_DIR
from scaffold.stacks import STACKS
from tests.support.past_releases import (
    edit_readme_and_commit,
    installs_and_serves_old_rows,
    update_to_this_release,
    used_as_released,
)
from tests.support.projects import install
from tests.support.resources import add_teacher_and_course, kept_teams_rule, texts, write_teams_rule

pytestmark = [pytest.mark.update, pytest.mark.spinup]

# Keys a field's recorded answer gained after 0.4.0.
NEWER_FIELD_KEYS = ("max_length", "choices")


@pytest.mark.parametrize("stack", list(STACKS))
def test_a_0_4_0_project_with_resources_updates_and_takes_new_field_options(
    stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, project = used_as_released(tmp_path, "v0.4.0", stack, monkeypatch)
    teacher, course = add_teacher_and_course(project)
    recorded_as_0_4_0_did(teacher.path)
    ours = write_teams_rule(course)
    edit_readme_and_commit(project)
    migrations = texts(teacher.path, teacher.migration, course.migration)

    update_to_this_release(project)
    install(project, stack)
    api.add_resource(
        path=project,
        name="enrollment",
        fields=[
            "level:str:choices=beginner,advanced",
            "note:str:max=80?",
            "course:ref",
            "student:ref",
        ],
    )

    assert kept_teams_rule(ours)
    assert texts(teacher.path, *migrations) == migrations
    # The resources render as 0.6.0's teacher and course do (a missing key is none), whose
    # own tests test_from_0_6_0 (and, in JavaScript, test_from_0_5_0) runs.
    installs_and_serves_old_rows(project, stack)


def recorded_as_0_4_0_did(root: Path) -> None:
    """Drop the field keys 0.4.0 did not record, so the update meets its answers files."""
    for path in (root / RESOURCES_DIR).glob("*.yml"):
        answers = yaml.safe_load(path.read_text())
        for field in answers["resource"]["fields"]:
            for key in NEWER_FIELD_KEYS:
                del field[key]
        path.write_text(yaml.safe_dump(answers, sort_keys=False))
