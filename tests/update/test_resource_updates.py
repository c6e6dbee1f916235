"""Resources follow the template: a project with a teacher and a course, and an edit of
the team's in a course file, updates to a template release that improved every resource
file; both resources get the improvement, the team's edit stays, migrations stay as they
were written, and the project passes its own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from scaffold.resources.engine import AddResult
from scaffold.stacks import STACKS
from tests.support.past_releases import (
    THIS_RELEASE,
    edit_readme_and_commit,
    update_to_this_release,
)
from tests.support.projects import generate, install, run_all
from tests.support.resources import add_teacher_and_course
from tests.support.template_repos import commit_all, release, template_repo

pytestmark = [pytest.mark.update, pytest.mark.spinup]

COMMENT = {".py": "# ", ".js": "// "}
IMPROVED = "Reviewed for the next template release."
OURS = "Our team's rule: courses are reviewed by two people."


def improve_every_resource_file(repo: Path) -> None:
    for template in (repo / "templates" / "resource").rglob("*.jinja"):
        code = Path(template.name.removesuffix(".jinja")).suffix
        if code in COMMENT and "migrations" not in template.parts:
            template.write_text(template.read_text() + f"{COMMENT[code]}{IMPROVED}\n")


def first_code_file(added: AddResult) -> str:
    """The first module of a resource's own code (not a package marker, test or migration)."""
    return next(
        rel
        for rel in added.files
        if Path(rel).suffix in COMMENT
        and Path(rel).name not in ("__init__.py", "index.js")
        and "test" not in rel
        and "migrations" not in rel
    )


@pytest.mark.parametrize("stack", ["fastapi", "django-drf", "node-express"])
def test_resources_take_template_improvements_and_keep_the_teams_edits(
    stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = template_repo(tmp_path / "template", "v0.4.0.dev1")
    monkeypatch.setenv("SCAFFOLD_TEMPLATE", f"{repo}@v0.4.0.dev1")
    project = generate(tmp_path / "projects", stack)
    monkeypatch.delenv("SCAFFOLD_TEMPLATE")
    install(project, stack)
    teacher, course = add_teacher_and_course(project)
    edited = project / first_code_file(course)
    edited.write_text(f"{COMMENT[edited.suffix]}{OURS}\n" + edited.read_text())
    commit_all(project, "teacher and course, with our rule")
    edit_readme_and_commit(project)
    migrations = {
        rel: (project / rel).read_text() for rel in (teacher.migration, course.migration) if rel
    }
    release(repo, THIS_RELEASE, improve_every_resource_file)

    update_to_this_release(project)

    assert edited.read_text().startswith(f"{COMMENT[edited.suffix]}{OURS}\n")
    assert edited.read_text().endswith(f"{IMPROVED}\n")
    teacher_file = project / first_code_file(teacher)
    assert teacher_file.read_text().endswith(f"{IMPROVED}\n")
    assert {rel: (project / rel).read_text() for rel in migrations} == migrations
    install(project, stack)
    run_all(project, STACKS[stack].test)
