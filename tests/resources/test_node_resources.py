"""node-express with resources of the user's own, spun up: a project (default features,
SQLite, TypeScript) is rendered and installed, then `scaffold add resource` adds a teacher
and a course that refers to it (every field type), in TypeScript, and `scaffold add field`
more fields to the course and to the students starter. The project's own tests
(the resources' included, after `tsc` checks them all) and lint pass, its migrations apply
once and then find nothing to do, and over real HTTP the server serves both resources
under the contract's rules: public reads, writes with the demo user's token, 422 for a
teacher that does not exist, 409 for deleting a teacher a course refers to. `--pretend`
writes nothing. (On PostgreSQL: tests/contract.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from scaffold import api
from scaffold.resources.engine import AddResult
from scaffold.stacks import STACKS
from tests.support.contract import OPENAPI
from tests.support.projects import (
    demo_authorization,
    generate,
    install,
    run,
    run_all,
    serve,
)
from tests.support.resources import (
    COURSE,
    TEACHER,
    add_more_fields,
    check_more_fields_served,
    post_ada,
    pretend_to_add,
)
from tests.support.template_repos import commit_all

pytestmark = pytest.mark.spinup

STACK = "node-express"
SERVICE = STACKS[STACK].services[0]
# Narrowed strs, as the students starter's name and grade are (a quote and a backslash in
# a choice must survive into the JavaScript), optional ones too, and a reference to the
# starter (its tests make students with the starter's own factory).
BADGE = (
    "badge",
    [
        "label:str:max=5",
        "level:str:choices=gold,silver,it's,back\\slash",
        "note:str?:max=20",
        "color:str?:choices=red,blue",
        "code:str:unique:max=3",
        "student:ref",
    ],
)
A_COURSE = {
    "title": "Algebra",
    "code": "ALG-1",
    "credits": 3,
    "price": "12.5",
    "active": True,
    "starts_on": "2026-09-01",
    "opens_at": "2026-09-01T11:00:00+02:00",
}


@dataclass(frozen=True)
class Project:
    path: Path
    added: list[AddResult]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    path = generate(tmp_path_factory.mktemp("node-resources"), STACK)
    install(path, STACK)
    added = []
    # As a user would: review and commit each resource before adding the next (scaffold
    # refuses to edit a registration file with uncommitted changes).
    for name, fields in (TEACHER, COURSE, BADGE):
        added.append(api.add_resource(path=path, name=name, fields=fields))
        commit_all(path, f"Add the {name} resource")
    add_more_fields(path)
    return Project(path, added)


@pytest.fixture(scope="module")
def http(project: Project) -> Iterator[httpx.Client]:
    with (
        serve(project.path, STACK) as url,
        httpx.Client(base_url=url, timeout=30, trust_env=False) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def token(project: Project, http: httpx.Client) -> dict[str, str]:
    return demo_authorization(str(http.base_url).rstrip("/"), project.path, SERVICE)


# --- what was written -------------------------------------------------------------------------


def test_each_resource_has_its_module_migrations_tests_and_registration(project: Project) -> None:
    for result, plural, number in zip(
        project.added, ("teachers", "courses", "badges"), ("0003", "0004", "0005"), strict=True
    ):
        assert result.migrated
        assert result.migration == f"migrations/sqlite/{number}_{plural}.sql"
        expected = {
            *(f"src/{plural}/{name}.ts" for name in ("index", "schema", "openapi")),
            f"migrations/postgres/{number}_{plural}.sql",
            f"test/{plural}.test.ts",
            f"test/factories/{plural}.ts",
        }
        assert expected <= set(result.files), result.files
    registry = (project.path / "src/resources.ts").read_text()
    assert "import teachers from './teachers/index.ts';" in registry
    assert "  courses,\n  badges,\n  // scaffold: resources" in registry


# --- the project checks itself ----------------------------------------------------------------


def test_own_tests_pass_with_the_resources(project: Project) -> None:
    output = run_tests(project.path)
    for suite in ("teachers API", "courses API", "badges API", "students API"):
        assert f"▶ {suite}" in output, suite


def test_lint_passes(project: Project) -> None:
    run_all(project.path, STACKS[STACK].lint)


def test_migrations_apply_once(project: Project) -> None:
    assert "up to date" in run(project.path, "npm", "run", "migrate").stdout
    assert "up to date" in run(project.path, "npm", "run", "migrate").stdout


def run_tests(path: Path, env: dict[str, str] | None = None) -> str:
    return "".join(run(path, *argv, cwd=cwd, env=env).stdout for cwd, argv in STACKS[STACK].test)


# --- over HTTP --------------------------------------------------------------------------------


def test_a_course_refers_to_a_teacher_that_then_cannot_be_deleted(
    http: httpx.Client, token: dict[str, str]
) -> None:
    teacher_id = post_ada(http, "/api/teachers", token)
    course = http.post("/api/courses", json={**A_COURSE, "teacher_id": teacher_id}, headers=token)
    assert course.status_code == 201, course.text
    assert course.headers["location"] == f"/api/courses/{course.json()['id']}"
    body = course.json()
    assert (body["price"], body["opens_at"], body["summary"]) == (
        "12.50",
        "2026-09-01T09:00:00.000Z",
        None,
    )

    refused = http.delete(f"/api/teachers/{teacher_id}", headers=token)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "conflict"
    assert http.get(f"/api/teachers/{teacher_id}").status_code == 200

    listed = http.get("/api/courses").json()
    assert listed["count"] >= 1 and body in listed["results"]


def test_an_unknown_teacher_is_refused(http: httpx.Client, token: dict[str, str]) -> None:
    answer = http.post(
        "/api/courses", json={**A_COURSE, "code": "ALG-2", "teacher_id": 2147483000}, headers=token
    )
    assert answer.status_code == 422
    assert answer.json()["error"] == {
        "code": "invalid",
        "message": answer.json()["error"]["message"],
        "fields": {"teacher_id": answer.json()["error"]["fields"]["teacher_id"]},
    }


def test_a_narrowed_str_takes_its_choices_and_its_length_only(
    http: httpx.Client, token: dict[str, str]
) -> None:
    badge = {"label": "Ace", "level": "it's", "code": "A1", "student_id": 1}
    created = http.post("/api/badges", json=badge, headers=token)
    assert created.status_code == 201, created.text
    assert created.json() == {"id": created.json()["id"], **badge, "note": None, "color": None}
    refused = http.post(
        "/api/badges",
        json={**badge, "label": "Sixsix", "level": "Gold", "code": "B1"},
        headers=token,
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"] == {
        "label": "Must be at most 5 characters.",
        "level": "Must be one of gold, silver, it's, back\\slash.",
    }
    # What a body may hold (a row's schema gives types and choices, not limits).
    schemas = http.get("/openapi.json").json()["components"]["schemas"]
    body = schemas["BadgeInput"]["properties"]
    assert body["level"]["enum"] == ["gold", "silver", "it's", "back\\slash"]
    assert body["label"]["maxLength"] == 5
    assert schemas["Badge"]["properties"]["level"]["enum"] == body["level"]["enum"]


def test_anonymous_writes_are_refused_and_reads_are_public(http: httpx.Client) -> None:
    for method, path in (("POST", "/api/teachers"), ("DELETE", "/api/courses/1")):
        answer = http.request(method, path, json={"name": "Eve", "email": "eve@example.com"})
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
    page = http.get("/api/teachers?limit=1")
    assert page.status_code == 200
    assert set(page.json()) == {"count", "limit", "offset", "results"}


def test_openapi_describes_the_resources(http: httpx.Client) -> None:
    document = http.get("/openapi.json").json()
    assert {"/api/teachers", "/api/teachers/{id}", "/api/courses/{id}"} <= set(document["paths"])
    assert document["components"]["schemas"]["CourseInput"]["required"] == [
        "title",
        "code",
        "credits",
        "price",
        "active",
        "starts_on",
        "opens_at",
        "teacher_id",
    ]


def test_fields_added_later_have_a_migration_per_dialect_and_are_served(
    project: Project, http: httpx.Client, token: dict[str, str]
) -> None:
    for dialect in ("sqlite", "postgres"):
        migrations = sorted(p.name for p in (project.path / "migrations" / dialect).iterdir())
        assert migrations[-2:] == [
            "0006_add_room_level_online_to_courses.sql",
            "0007_add_nickname_year_to_students.sql",
        ]
    check_more_fields_served(
        http, SERVICE.path, token, {**A_COURSE, "code": "PHY-1"}, OPENAPI["node-express"], [BADGE]
    )


# --- --pretend --------------------------------------------------------------------------------


def test_pretend_writes_nothing(project: Project) -> None:
    assert "src/rooms/schema.ts" in pretend_to_add(project.path, "room", ["number:int"])
