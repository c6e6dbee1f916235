"""django-drf and the hybrid's Django backend: `scaffold add resource`, spun up.

A project is rendered and installed; a teacher and a course (every field type, a reference)
are added as a user would, then more fields with `scaffold add field` (to the course and to
the students starter). Then the project's own tests (the resources' included), ruff,
`makemigrations --check` and the resources' formatting pass, and the server, started for
real, serves both resources under the contract over HTTP. `--pretend` writes nothing.
In a hybrid, `scaffold add resource` run at the top level puts the resources in backend/,
whose own tests (their chat events included) pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from scaffold import api
from scaffold.stacks import STACKS
from tests.support.contract import OPENAPI
from tests.support.projects import demo_authorization, generate, install, run, run_all, serve
from tests.support.resources import (
    add_more_fields,
    add_teacher_and_course,
    check_more_fields_served,
    pretend_to_add,
)
from tests.support.template_repos import commit_all, git

pytestmark = pytest.mark.spinup

STACK = "django-drf"
MAKEMIGRATIONS_CHECK = ("uv", "run", "python", "manage.py", "makemigrations", "--check")
LESSON = ["title:str:max=120", "minutes:int", "starts:date?", "price:decimal?", "online:bool"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = generate(tmp_path_factory.mktemp("django-resources"), STACK)
    install(path, STACK)
    add_teacher_and_course(path)
    commit_all(path, "a teacher and a course")
    add_more_fields(path)
    return path


@pytest.fixture(scope="module")
def base_url(project: Path) -> Iterator[str]:
    with serve(project, STACK) as url:
        yield url


@pytest.fixture
def http(project: Path, base_url: str) -> Iterator[httpx.Client]:
    """A client with the demo user's Bearer token."""
    service = STACKS[STACK].services[0]
    headers = demo_authorization(base_url, project, service)
    with httpx.Client(base_url=base_url, headers=headers, timeout=30) as client:
        yield client


def test_the_resources_are_django_apps_with_their_migrations(project: Path) -> None:
    for app_dir in ("teachers", "courses"):
        for rel in ("models.py", "admin.py", "api/views.py", "migrations/0001_initial.py"):
            assert (project / app_dir / rel).is_file(), f"{app_dir}/{rel}"
    settings = (project / "config/settings/base.py").read_text()
    assert '    "teachers",\n    "courses",\n    # scaffold: resource apps' in settings
    migration = (project / "courses/migrations/0001_initial.py").read_text()
    assert '("teachers", "0001_initial")' in migration
    assert "django.db.models.deletion.PROTECT" in migration


def test_a_five_field_resource_holds_only_what_is_its_own(tmp_path: Path) -> None:
    """CRUD, JSON as sent and the contract's tests are core's (core/api/, core/tests/
    contract.py): a resource's files are its fields, its migration and its field table."""
    project = generate(tmp_path, STACK)
    api.add_resource(path=project, name="lesson", fields=LESSON, migrate=False)
    git(project, "add", "-A")
    added = git(project, "diff", "--cached", "--numstat", "--", ".", ":!.scaffold")

    assert sum(int(row.split()[0]) for row in added.splitlines()) <= 250, added


def test_own_tests_lint_and_migration_checks_pass(project: Path) -> None:
    run_all(project, STACKS[STACK].test)
    run_all(project, STACKS[STACK].lint)
    run(project, *MAKEMIGRATIONS_CHECK, "--dry-run")
    run(project, "uv", "run", "ruff", "format", "--check", "teachers", "courses", "students")


def test_fields_added_later_have_their_own_migrations(project: Path) -> None:
    for app_dir, name in (
        ("courses", "0002_course_level_course_online_course_room.py"),
        ("students", None),
    ):
        migrations = sorted(p.name for p in (project / app_dir / "migrations").glob("0*.py"))
        assert len(migrations) == 2 and (name is None or migrations[-1] == name), migrations


def test_a_teacher_and_a_course_over_http(http: httpx.Client, base_url: str) -> None:
    teacher = http.post("/api/teachers/", json={"name": "Ada", "email": "ada@example.com"})
    assert teacher.status_code == 201, teacher.text
    assert teacher.json()["website"] is None
    course = http.post("/api/courses/", json=course_body("ALG-1", teacher.json()["id"]))
    assert course.status_code == 201, course.text
    assert course.headers["Location"] == f"/api/courses/{course.json()['id']}/"
    assert course.json()["price"] == "12.50"
    assert course.json()["opens_at"] == "2026-01-05T08:30:00Z"

    listed = httpx.get(f"{base_url}/api/courses/", timeout=30).json()  # anonymous read
    assert listed["count"] == 1 and listed["results"] == [course.json()]


def test_a_referenced_teacher_cannot_be_deleted(http: httpx.Client) -> None:
    teacher = http.post("/api/teachers/", json={"name": "Bo", "email": "bo@example.com"}).json()
    assert http.post("/api/courses/", json=course_body("BIO-1", teacher["id"])).status_code == 201

    answer = http.delete(f"/api/teachers/{teacher['id']}/")

    assert answer.status_code == 409, answer.text
    assert answer.json()["error"]["code"] == "conflict"
    assert http.get(f"/api/teachers/{teacher['id']}/").status_code == 200


def test_an_unknown_teacher_is_a_422(http: httpx.Client) -> None:
    answer = http.post("/api/courses/", json=course_body("CHE-1", 2_000_000))

    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["code"] == "invalid"
    assert set(answer.json()["error"]["fields"]) == {"teacher_id"}


def test_anonymous_writes_are_a_401(base_url: str) -> None:
    teacher = {"name": "Eve", "email": "eve@example.com"}

    answer = httpx.post(f"{base_url}/api/teachers/", json=teacher, timeout=30)

    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert answer.json()["error"]["code"] == "unauthorized"


def test_pretend_writes_nothing(project: Path) -> None:
    assert "rooms/models.py" in pretend_to_add(project, "room", ["number:int"])


def test_fields_added_later_are_served(http: httpx.Client) -> None:
    check_more_fields_served(
        http, STACKS[STACK].services[0].path, {}, course_body("PHY-1", 0), OPENAPI[STACK]
    )


def course_body(code: str, teacher_id: int) -> dict[str, object]:
    return {
        "title": "Algebra",
        "code": code,
        "credits": 5,
        "price": "12.50",
        "active": True,
        "starts_on": "2026-02-01",
        "opens_at": "2026-01-05T09:30:00+01:00",
        "teacher_id": teacher_id,
    }


# --- the hybrid: the resources live in backend/ ---------------------------------------------


@pytest.fixture(scope="module")
def hybrid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = generate(tmp_path_factory.mktemp("hybrid-resources"), "hybrid")
    install(path, "hybrid")
    add_teacher_and_course(path)  # at the top level: the engine finds backend/
    add_more_fields(path)
    return path


def test_a_hybrid_keeps_its_resources_in_the_backend(hybrid: Path) -> None:
    backend = hybrid / "backend"
    assert (backend / "courses/events.py").is_file()
    assert (backend / ".scaffold/resources/course.yml").is_file()
    assert not (hybrid / "courses").exists()
    run(backend, "uv", "run", "pytest", "-q", "-p", "no:cacheprovider")
    run(backend, "uv", "run", "ruff", "check", ".")
    run(backend, *MAKEMIGRATIONS_CHECK, "--dry-run")
