"""`scaffold add resource` in a FastAPI project: a teacher and a course (every field type, a
reference) added to an installed project, then more fields added with `scaffold add field`
(to the course and to the students starter), pass the project's own tests, lint, format and
`alembic check` (on PostgreSQL: tests/contract), and are served over real HTTP under the
contract's rules; `--pretend` writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from scaffold.stacks import STACKS
from tests.support.contract import OPENAPI
from tests.support.projects import demo_authorization, generate, install, run, run_all, serve
from tests.support.resources import (
    add_more_fields,
    add_teacher_and_course,
    check_more_fields_served,
    post_ada,
    pretend_to_add,
)

pytestmark = pytest.mark.spinup
STACK = STACKS["fastapi"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An installed project with a teacher and a course, added one after the other, then
    fields added to the course and to the students."""
    path = generate(tmp_path_factory.mktemp("fastapi-resources"), "fastapi")
    install(path, "fastapi")
    add_teacher_and_course(path)
    add_more_fields(path)
    return path


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[str]:
    with serve(project, "fastapi") as url:
        yield url


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30, trust_env=False) as client:
        yield client


@pytest.fixture(scope="module")
def auth(server: str, project: Path) -> dict[str, str]:
    return demo_authorization(server, project, STACK.services[0])


def test_each_resource_is_a_package_a_migration_tests_and_a_registration(project: Path) -> None:
    for plural in ("teachers", "courses"):
        modules = {p.name for p in (project / "app" / plural).glob("*.py")}
        assert modules == {"__init__.py", "models.py", "schemas.py", "router.py"}
        assert (project / f"tests/test_{plural}.py").is_file()
        assert (project / f"tests/factories/{plural}.py").is_file()
    migrations = sorted(p.name for p in (project / "migrations/versions").glob("*.py"))
    assert migrations[-4:] == [
        "0003_teachers.py",
        "0004_courses.py",
        "0005_add_room_level_online_to_courses.py",
        "0006_add_nickname_year_to_students.py",
    ]
    registry = (project / "app/resources.py").read_text()
    assert "from app.courses.router import router as courses_router" in registry
    assert "    teachers_router,\n    courses_router,\n" in registry
    # Alembic's registry of models: the one module migrations/env.py imports.
    models = (project / "app/models.py").read_text()
    assert "from app.courses.models import Course\n# scaffold: resource models" in models
    assert '    "Teacher",\n    "Course",\n' in models
    assert "import app.resources" not in models


def test_its_own_tests_lint_format_and_migration_check_pass(project: Path) -> None:
    run_all(project, STACK.test)
    run_all(project, STACK.lint)
    run(project, "uv", "run", "ruff", "format", "--check", ".")
    run(project, "uv", "run", "alembic", "check")


def test_a_teacher_and_a_course_over_http(client: httpx.Client, auth: dict[str, str]) -> None:
    teacher_id = post_ada(client, "/api/teachers", auth)
    course = client.post("/api/courses", json=_course(teacher_id), headers=auth)
    assert course.status_code == 201, course.text
    assert course.headers["location"].endswith(f"/api/courses/{course.json()['id']}")
    assert course.json()["price"] == "12.50"
    assert course.json()["opens_at"] == "2026-09-01T07:30:00Z"
    assert course.json()["summary"] is None

    refused = client.delete(f"/api/teachers/{teacher_id}", headers=auth)
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"]["code"] == "conflict"
    assert client.get(f"/api/teachers/{teacher_id}").status_code == 200

    page = client.get("/api/courses").json()
    assert page["count"] >= 1
    assert course.json() in page["results"]


def test_an_unknown_teacher_is_invalid(client: httpx.Client, auth: dict[str, str]) -> None:
    response = client.post("/api/courses", json=_course(999_999), headers=auth)

    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert (error["code"], set(error["fields"])) == ("invalid", {"teacher_id"})


@pytest.mark.parametrize("path", ["/api/teachers", "/api/courses"])
def test_anonymous_writes_are_401(client: httpx.Client, path: str) -> None:
    response = client.post(path, json={})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


def test_the_openapi_document_describes_both(client: httpx.Client) -> None:
    document = client.get("/openapi.json").json()

    assert {"/api/teachers", "/api/courses/{id}"} <= set(document["paths"])
    assert "teacher_id" in document["components"]["schemas"]["CourseInput"]["properties"]


def test_fields_added_later_are_served(client: httpx.Client, auth: dict[str, str]) -> None:
    check_more_fields_served(client, STACK.services[0].path, auth, _course(0), OPENAPI["fastapi"])


def test_pretend_writes_nothing(project: Path) -> None:
    assert "app/rooms/router.py" in pretend_to_add(project, "room", ["name:str"])


def _course(teacher_id: int) -> dict[str, object]:
    return {
        "title": "Algebra",
        "code": f"ALG-{teacher_id}",
        "credits": 6,
        "price": 12.5,
        "active": True,
        "starts_on": "2026-09-14",
        "opens_at": "2026-09-01T09:30:00+02:00",
        "teacher_id": teacher_id,
    }
