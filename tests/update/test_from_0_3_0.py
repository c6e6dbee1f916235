"""Projects made by scaffold 0.3.0 keep working, and their resources follow the template.

One per stack (default features, SQLite), migrated and used as 0.3.0's README says (its
demo user wrote a row through the API), with a committed README edit of the team's:
it updates to this release; gets a teacher and a course with `scaffold add resource`;
the team writes a rule into a course module; then it updates to a later release that
improved every resource file. Both resources get the improvement, the team's rule stays,
their migrations stay as written, and the project installs, passes its own tests (the
resources' included) and serves the old rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scaffold.stacks import STACKS
from tests.support.past_releases import (
    THIS_RELEASE,
    edit_readme_and_commit,
    installs_passes_its_tests_and_serves_old_rows,
    update_to_this_release,
    used_as_released,
)
from tests.support.projects import install
from tests.support.resources import (
    COMMENT,
    add_teacher_and_course,
    first_module,
    kept_teams_rule,
    texts,
    write_teams_rule,
)
from tests.support.template_repos import commit_all, release

pytestmark = [pytest.mark.update, pytest.mark.spinup]

NEXT_RELEASE = f"{THIS_RELEASE}.post1"
IMPROVED = "Reviewed for the next template release."


@pytest.mark.parametrize("stack", list(STACKS))
def test_a_0_3_0_project_updates_and_its_resources_follow_the_template(
    stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, project = used_as_released(tmp_path, "v0.3.0", stack, monkeypatch)
    edit_readme_and_commit(project)

    update_to_this_release(project)
    install(project, stack)
    teacher, course = add_teacher_and_course(project)
    ours = write_teams_rule(course)
    commit_all(project, "teacher and course, with our rule")
    migrations = texts(teacher.path, teacher.migration, course.migration)
    release(repo, NEXT_RELEASE, improve_every_resource_file)
    update_to_this_release(project, NEXT_RELEASE)

    assert kept_teams_rule(ours)
    assert ours.read_text().endswith(f"{IMPROVED}\n")
    assert (teacher.path / first_module(teacher)).read_text().endswith(f"{IMPROVED}\n")
    assert texts(teacher.path, *migrations) == migrations
    installs_passes_its_tests_and_serves_old_rows(project, stack)


def improve_every_resource_file(repo: Path) -> None:
    for template in (repo / "templates" / "resource").rglob("*.jinja"):
        code = Path(template.name.removesuffix(".jinja")).suffix
        code = ".ts" if code == ".{{ language }}" else code  # Node modules: TypeScript
        if code in COMMENT and "migrations" not in template.parts:
            template.write_text(template.read_text() + f"{COMMENT[code]}{IMPROVED}\n")
