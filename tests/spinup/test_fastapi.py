"""The generated FastAPI project installs from scratch, passes its own tests, migrates and
serves: reads public, writes with the demo user's token (the full contract, case by case,
is tests/contract/)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from scaffold.stacks import STACKS
from tests.support.projects import (
    demo_authorization,
    generate,
    install,
    run,
    run_all,
    run_pre_commit,
    serve,
)

pytestmark = pytest.mark.spinup
STACK = STACKS["fastapi"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = generate(tmp_path_factory.mktemp("fastapi"), "fastapi")
    install(path, "fastapi")
    return path


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[str]:
    # serve() runs the stack's prepare steps first: alembic upgrade head, ensure-admin.
    with serve(project, "fastapi") as url:
        yield url


@pytest.fixture(scope="module")
def api(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=10) as client:
        yield client


@pytest.fixture(scope="module")
def auth(server: str, project: Path) -> dict[str, str]:
    return demo_authorization(server, project, STACK.services[0])


def test_its_own_tests_and_lint_pass(project: Path) -> None:
    run_all(project, STACK.test)
    run_all(project, STACK.lint)


def test_pre_commit_hooks_pass_offline(project: Path) -> None:
    run_pre_commit(project)


def test_migrations_match_the_models(project: Path, server: str) -> None:
    run(project, "uv", "run", "alembic", "check")


def test_the_git_tree_stays_clean_after_install_and_migrations(project: Path, server: str) -> None:
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True
    )
    assert status.stdout == ""


def test_ensure_admin_is_idempotent(project: Path, server: str) -> None:
    again = run(project, "uv", "run", "python", "-m", "app.users", "ensure-admin")
    assert "already exists; left unchanged" in again.stdout


def test_a_new_project_has_no_history_and_seeds_its_rows_once(project: Path, server: str) -> None:
    versions = project / "migrations/versions"
    assert sorted(p.name for p in versions.glob("*.py")) == [
        "0001_users_and_tokens.py",
        "0002_students.py",
    ]
    for migration in versions.glob("*.py"):
        assert not re.search(r"bulk_insert|has_table|Rahul", migration.read_text()), migration
    again = run(project, "uv", "run", "python", "-m", "app", "seed")
    assert again.stdout.strip() == "Nothing to add."


def test_hello_and_health(api: httpx.Client) -> None:
    assert "Hello" in api.get("/").text
    health = api.get("/healthz")
    assert (health.status_code, health.json()) == (200, {"status": "ok"})


def test_starter_students_are_rahul_and_priya(api: httpx.Client) -> None:
    page = api.get("/api/students").json()
    assert {(s["name"], s["grade"]) for s in page["results"]} >= {("Rahul", "A"), ("Priya", "B+")}
    assert page["limit"] == 20
    assert page["offset"] == 0


def test_students_crud_over_http(api: httpx.Client, auth: dict[str, str]) -> None:
    created = api.post("/api/students", json={"name": "Asha", "grade": "A-"}, headers=auth)
    assert created.status_code == 201
    student = created.json()
    url = f"/api/students/{student['id']}"
    assert created.headers["location"].endswith(url)
    assert api.get(url).json()["name"] == "Asha"
    replaced = api.put(url, json={"name": "Asha K", "grade": "B-"}, headers=auth)
    assert replaced.json()["grade"] == "B-"
    assert api.patch(url, json={"grade": "D+"}, headers=auth).json()["grade"] == "D+"
    assert api.delete(url, headers=auth).status_code == 204
    assert api.get(url).status_code == 404


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer forged"}, {"Authorization": "Basic YTpi"}]
)
def test_writes_without_a_valid_token_are_401(api: httpx.Client, headers: dict[str, str]) -> None:
    response = api.post("/api/students", json={"name": "Asha", "grade": "A"}, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("POST", "/api/students", {"name": "", "grade": "A"}, 422, "invalid"),
        ("POST", "/api/students", {"name": "X", "grade": "Z"}, 422, "invalid"),
        ("POST", "/api/students", {"grade": "A"}, 422, "invalid"),
        ("POST", "/api/students", {"name": 7, "grade": "A"}, 422, "invalid"),
        ("POST", "/api/students", ["not", "an", "object"], 422, "invalid"),
        ("GET", "/api/students?limit=0", None, 422, "invalid"),
        ("GET", "/api/students/99999999999999999999999", None, 404, "not_found"),
        ("GET", "/api/students/abc", None, 404, "not_found"),
        ("GET", "/api/students/-1", None, 404, "not_found"),
        ("GET", "/api/no-such-thing", None, 404, "not_found"),
        ("DELETE", "/api/students", None, 405, "method_not_allowed"),
    ],
)
def test_bad_requests_get_the_error_body_never_a_500(
    api: httpx.Client,
    auth: dict[str, str],
    method: str,
    path: str,
    body: object,
    status: int,
    code: str,
) -> None:
    response = api.request(method, path, json=body, headers=auth)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


@pytest.mark.parametrize(
    ("raw", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"", "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b'{"name": "\\ud800", "grade": "A"}', "application/json", 422),
        (b"name=X&grade=A", "application/x-www-form-urlencoded", 415),
        (b'{"name": "' + b"x" * 70_000 + b'", "grade": "A"}', "application/json", 413),
    ],
)
def test_bodies_that_are_not_a_student(
    api: httpx.Client, auth: dict[str, str], raw: bytes, content_type: str, status: int
) -> None:
    headers = {**auth, "content-type": content_type}
    response = api.post("/api/students", content=raw, headers=headers)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"]


def test_docs_render_from_local_assets_only(api: httpx.Client) -> None:
    page = api.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text)
    assert assets, "the docs page loads its UI from somewhere"
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))], assets
    for asset in assets:
        assert api.get(asset).status_code == 200, asset
    assert api.get("/openapi.json").json()["paths"]["/api/students"]


def test_data_persists_across_restarts(project: Path, server: str) -> None:
    with serve(project, "fastapi") as url:
        created = httpx.post(
            f"{url}/api/students",
            json={"name": "Kept", "grade": "C"},
            headers=demo_authorization(url, project, STACK.services[0]),
        ).json()
    with serve(project, "fastapi") as url:
        assert httpx.get(f"{url}/api/students/{created['id']}").json()["name"] == "Kept"


def test_two_workers_write_to_sqlite_at_once_without_errors(project: Path, server: str) -> None:
    """WAL and the busy timeout: 64 concurrent writers wait for each other, never fail."""
    with serve(project, "fastapi", env={"WEB_CONCURRENCY": "2"}) as url:
        headers = demo_authorization(url, project, STACK.services[0])
        limits = httpx.Limits(max_connections=64)
        with httpx.Client(base_url=url, headers=headers, timeout=60, limits=limits) as client:
            ids = [
                client.post("/api/students", json={"name": f"Base {i}", "grade": "C"}).json()["id"]
                for i in range(64)
            ]

            def write(i: int) -> int:
                student = f"/api/students/{ids[i % len(ids)]}"
                if i % 3 == 0:
                    return client.post(
                        "/api/students", json={"name": f"W{i}", "grade": "B"}
                    ).status_code
                if i % 3 == 1:
                    return client.put(student, json={"name": f"W{i}", "grade": "A"}).status_code
                return client.patch(student, json={"grade": "D-"}).status_code

            with ThreadPoolExecutor(max_workers=64) as pool:
                statuses = list(pool.map(write, range(600)))
    assert sorted(set(statuses)) == [200, 201], statuses


@pytest.mark.postgres
def test_postgres_variant_against_a_real_server(tmp_path: Path, postgres_url: str) -> None:
    project = generate(tmp_path, "fastapi", db="postgres")
    install(project, "fastapi")
    # Its own tests on PostgreSQL: tests/contract (on the project it installs there).
    with serve(project, "fastapi", env={"DATABASE_URL": postgres_url}) as url:
        names = {s["name"] for s in httpx.get(f"{url}/api/students").json()["results"]}
        assert {"Rahul", "Priya"} <= names
        headers = demo_authorization(url, project, STACK.services[0])
        created = httpx.post(
            f"{url}/api/students", json={"name": "Pg", "grade": "A"}, headers=headers
        )
        assert created.status_code == 201
        assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}
    run(project, "uv", "run", "alembic", "check", env={"DATABASE_URL": postgres_url})
    rows = subprocess.run(
        ["psql", postgres_url, "-tAc", "select name from students order by id"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "Pg" in rows, "the row lives in PostgreSQL, not in a SQLite file"


# `scaffold new --run` and Ctrl-C: tests/workshop/test_run.py (every stack).
# The contract, case by case, on SQLite and PostgreSQL: tests/contract/.
