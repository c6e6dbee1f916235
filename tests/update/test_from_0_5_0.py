"""JavaScript projects made by scaffold 0.5.0 stay JavaScript, and keep working.

This release writes the Node code once, in TypeScript, and renders a JavaScript project's
modules by stripping the types. A node-express and a hybrid project made by 0.5.0 (SQLite),
migrated, a row written as 0.5.0's README says, a teacher and a course added with its
`scaffold add resource`, a team rule written into a course module and the README edited,
all committed, update to this release: the project's answers say `js`, not one `.ts` file
or tsconfig appears, the rule stays, a new resource is written in JavaScript, and the
project installs, passes its own tests and lint and serves the old rows. (Only the Node
templates changed in this release: Django and FastAPI projects meet the same template.)
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
from tests.support.projects import install, run_all
from tests.support.resources import add_teacher_and_course, kept_teams_rule, write_teams_rule

pytestmark = [pytest.mark.update, pytest.mark.spinup]

NODE_STACKS = [name for name, stack in STACKS.items() if "node" in stack.toolchain]


@pytest.mark.parametrize("stack", NODE_STACKS)
def test_a_0_5_0_javascript_project_updates_and_stays_javascript(
    stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, project = used_as_released(tmp_path, "v0.5.0", stack, monkeypatch)
    _, course = add_teacher_and_course(project)
    ours = write_teams_rule(course)
    edit_readme_and_commit(project)

    update_to_this_release(project)
    install(project, stack)
    api.add_resource(path=project, name="enrollment", fields=["course:ref", "student:ref"])

    node = project / "realtime" if stack == "hybrid" else project
    assert yaml.safe_load((node / ".copier-answers.yml").read_text())["language"] == "js"
    assert not [p for p in project.rglob("*.ts") if "node_modules" not in p.parts]
    assert not (node / "tsconfig.json").exists()
    if stack == "node-express":
        assert (project / "src" / "enrollments" / "schema.js").is_file()
    assert kept_teams_rule(ours)
    installs_passes_its_tests_and_serves_old_rows(project, stack)
    run_all(project, STACKS[stack].lint)
