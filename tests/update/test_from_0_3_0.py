"""Projects made by scaffold 0.3.0 keep working: one per stack (default features, SQLite),
migrated and used as 0.3.0's README says (its demo user wrote a row through the API), with
a committed README edit of the team's, update to this release, then — now that they have
the resource generator — get a teacher and a course with `scaffold add resource`, pass
their own tests (the new resources' included) and serve the old rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scaffold.stacks import STACKS
from tests.support.past_releases import (
    edit_readme_and_commit,
    generate_at,
    installs_passes_its_tests_and_serves_old_rows,
    template_history,
    update_to_this_release,
    write_a_row_as_released,
)
from tests.support.projects import install
from tests.support.resources import add_teacher_and_course

pytestmark = [pytest.mark.update, pytest.mark.spinup]


@pytest.mark.parametrize("stack", list(STACKS))
def test_a_0_3_0_project_updates_takes_resources_and_passes_its_tests(
    stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = template_history(tmp_path / "template", "v0.3.0")
    project = generate_at(repo, "v0.3.0", tmp_path / "projects", stack, monkeypatch)
    install(project, stack)
    write_a_row_as_released(project, stack)
    edit_readme_and_commit(project)

    update_to_this_release(project)
    install(project, stack)
    add_teacher_and_course(project)

    installs_passes_its_tests_and_serves_old_rows(project, stack)
