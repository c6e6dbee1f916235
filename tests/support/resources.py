"""The two resources every resource test adds: one refers to the other, and between them
they hold every field type (docs/contract/resources.yaml)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
import yaml
from typer.testing import CliRunner

from scaffold import api
from scaffold.cli import app
from scaffold.resources.add_field import FieldsAdded
from scaffold.resources.engine import AddResult
from scaffold.resources.project import locate
from scaffold.stacks import STACKS
from tests.support.openapi import differences, expected_document, reduced
from tests.support.projects import run
from tests.support.template_repos import commit_all, git

TEACHER = ("teacher", ["name:str", "email:email:unique", "website:url?"])
COURSE = (
    "course",
    [
        "title:str",
        "code:str:unique",
        "summary:text?",
        "credits:int",
        "price:decimal",
        "active:bool",
        "starts_on:date",
        "opens_at:datetime",
        "contact:email?",
        "homepage:url?",
        "teacher:ref",
    ],
)


def add_teacher_and_course(project: Path, *, migrate: bool = True) -> list[AddResult]:
    """``scaffold add resource`` twice, as a user would (the course refers to the teacher)."""
    return [
        api.add_resource(path=project, name=name, fields=fields, migrate=migrate)
        for name, fields in (TEACHER, COURSE)
    ]


# What `scaffold add field` adds in the resource tests: to the course (a narrowed str, a
# choice, a bool with a default) and to the students starter (a default the starter rows,
# stored before, get from the migration).
MORE_FIELDS = {
    "course": ["room:str:max=20?", "level:str:choices=low,high?", "online:bool:default=false"],
    "student": ["nickname:str:max=30?", "year:int:default=1"],
}


def add_more_fields(project: Path) -> list[FieldsAdded]:
    """``scaffold add field`` on the course, then on the students starter (its starter rows
    seeded first), each on a committed project as the command asks; the result committed."""
    target = locate(project)
    for service in STACKS[target.template_stack].services:
        for argv in service.seed:
            run(target.root, *argv, cwd=service.cwd)
    added = []
    for resource, fields in MORE_FIELDS.items():
        git(project, "add", "-A")
        git(project, "commit", "-q", "--allow-empty", "-m", f"before fields for {resource}")
        added.append(api.add_field(path=project, resource=resource, fields=fields))
    commit_all(project, "fields added")
    return added


def check_more_fields_served(
    client: httpx.Client,
    path: Callable[[str], str],
    headers: dict[str, str],
    course: dict[str, object],
    document: str,
    others: Sequence[tuple[str, list[str]]] = (),
) -> None:
    """The fields ``add_more_fields`` added are taken, trimmed and checked like the others:
    a student's nickname and year, a course's room, level and online (``course``: a valid
    course but for its teacher, made here; ``path``: a contract path as the stack spells
    it). A field left out takes its default, which the rows stored before have too. The
    OpenAPI document (served at ``document``) is the contract's for them all (and the
    project's ``others``)."""
    check_document(client, document, others)
    stored = client.get(path("/api/students"), params={"limit": 100}).json()["results"]
    assert stored and {row["year"] for row in stored} == {1}, stored
    student = {"name": "Ann", "grade": "A", "nickname": "Annie"}
    created = client.post(path("/api/students"), json=student, headers=headers)
    assert created.status_code == 201, created.text
    assert (created.json()["nickname"], created.json()["year"]) == ("Annie", 1)
    teacher = {"name": "Cy", "email": "cy@example.com"}
    teacher_id = client.post(path("/api/teachers"), json=teacher, headers=headers).json()["id"]
    body = {**course, "teacher_id": teacher_id, "room": " B12 ", "level": "low"}
    created = client.post(path("/api/courses"), json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert (created.json()["room"], created.json()["level"]) == ("B12", "low")
    assert created.json()["online"] is False
    url = path(f"/api/courses/{created.json()['id']}")
    for bad in ({"level": "medium"}, {"online": None}):
        refused = client.patch(url, json=bad, headers=headers)
        assert refused.status_code == 422 and set(refused.json()["error"]["fields"]) == set(bad)


def post_ada(client: httpx.Client, path: str, headers: dict[str, str]) -> int:
    """Create the teacher Ada (her name sent with spaces around it); return her id."""
    teacher = client.post(path, json={"name": " Ada ", "email": "ada@example.com"}, headers=headers)
    assert teacher.status_code == 201, teacher.text
    assert teacher.json() == {
        "id": teacher.json()["id"],
        "name": "Ada",
        "email": "ada@example.com",
        "website": None,
    }
    return int(teacher.json()["id"])


def pretend_to_add(project: Path, name: str, fields: Sequence[str]) -> list[str]:
    """``scaffold add resource NAME FIELDS --pretend --json``: the files it would write,
    checked to have written nothing (no new file, no edit)."""
    before = _work_tree(project)
    result = CliRunner().invoke(
        app, ["add", "resource", name, *fields, "--pretend", "--json", "--path", str(project)]
    )
    assert result.exit_code == 0, result.output
    assert _work_tree(project) == before
    files: list[str] = json.loads(result.stdout)["files"]
    return files


def _work_tree(project: Path) -> tuple[str, str]:
    return (
        git(project, "status", "--porcelain", "--untracked-files=all"),
        git(project, "diff", "--binary"),
    )


COMMENT = {".py": "# ", ".js": "// ", ".ts": "// "}
TEAMS_RULE = "Our team's rule: courses are reviewed by two people."


def first_module(added: AddResult) -> str:
    """The first module of a resource's own code (not a package marker, test or migration)."""
    return next(
        rel
        for rel in added.files
        if Path(rel).suffix in COMMENT
        and Path(rel).name not in ("__init__.py", "index.js", "index.ts")
        and "test" not in rel
        and "migrations" not in rel
    )


def write_teams_rule(added: AddResult) -> Path:
    """A comment of the team's atop the resource's first module; returns the module."""
    module = added.path / first_module(added)
    module.write_text(f"{COMMENT[module.suffix]}{TEAMS_RULE}\n" + module.read_text())
    return module


def kept_teams_rule(module: Path) -> bool:
    return module.read_text().startswith(f"{COMMENT[module.suffix]}{TEAMS_RULE}\n")


def texts(root: Path, *files: str | None) -> dict[str, str]:
    """Each named file's text (None names are skipped: a stack without that file)."""
    return {rel: (root / rel).read_text() for rel in files if rel}


def check_document(
    client: httpx.Client, where: str, others: Sequence[tuple[str, list[str]]]
) -> None:
    """The OpenAPI document served at ``where`` is docs/contract/openapi.yaml's for the
    students, the teacher and the course, with the fields ``add_more_fields`` added, and
    ``others``."""
    expected = expected_document(
        [TEACHER, ("course", [*COURSE[1], *MORE_FIELDS["course"]]), *others],
        student_fields=MORE_FIELDS["student"],
    )
    wrong = differences(expected, reduced(yaml.safe_load(client.get(where).text)))
    assert not wrong, "\n".join(wrong)
