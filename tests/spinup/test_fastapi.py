"""The generated FastAPI project installs from scratch, passes its own tests, and serves."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from scaffold.stacks import STACKS
from tests.support.projects import generate, install, run_all, serve

pytestmark = pytest.mark.spinup
STACK = STACKS["fastapi"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = generate(tmp_path_factory.mktemp("fastapi"), "fastapi")
    install(path, "fastapi")
    return path


@pytest.fixture(scope="module")
def api(project: Path) -> Iterator[httpx.Client]:
    with serve(project, "fastapi") as url, httpx.Client(base_url=url, timeout=10) as client:
        yield client


def test_its_own_tests_and_lint_pass(project: Path) -> None:
    run_all(project, STACK.test)
    run_all(project, STACK.lint)


def test_install_leaves_the_git_tree_clean(project: Path) -> None:
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True
    )
    assert status.stdout == ""


def test_hello(api: httpx.Client) -> None:
    response = api.get("/")
    assert response.status_code == 200
    assert "Hello" in response.text


def test_starter_students_are_rahul_and_priya(api: httpx.Client) -> None:
    students = api.get("/api/students").json()
    assert {(s["name"], s["grade"]) for s in students} >= {("Rahul", "A"), ("Priya", "B+")}


def test_students_crud_over_http(api: httpx.Client) -> None:
    created = api.post("/api/students", json={"name": "Asha", "grade": "A+"})
    assert created.status_code == 201
    student = created.json()
    url = f"/api/students/{student['id']}"
    assert api.get(url).json()["name"] == "Asha"
    assert api.put(url, json={"name": "Asha K", "grade": "B"}).json()["grade"] == "B"
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/students", {"name": "", "grade": "A"}),
        ("POST", "/api/students", {"name": "X", "grade": "Z"}),
        ("POST", "/api/students", {"grade": "A"}),
        ("POST", "/api/students", ["not", "an", "object"]),
        ("GET", "/api/students/99999999999999999999999", None),
        ("GET", "/api/students/abc", None),
        ("GET", "/api/students/-1", None),
    ],
)
def test_bad_input_is_422_never_500(
    api: httpx.Client, method: str, path: str, body: object
) -> None:
    response = api.request(method, path, json=body)
    assert response.status_code == 422, response.text


@pytest.mark.parametrize(
    "raw", [b"{not json", b"", b"\xff\xfe", b'{"name": "\\ud800", "grade": "A"}']
)
def test_malformed_bodies_are_422(api: httpx.Client, raw: bytes) -> None:
    response = api.post("/api/students", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422, response.text


def test_unknown_student_is_404(api: httpx.Client) -> None:
    assert api.get("/api/students/2147483000").status_code == 404


def test_docs_render_from_local_assets_only(api: httpx.Client) -> None:
    page = api.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text)
    assert assets, "the docs page loads its UI from somewhere"
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))], assets
    for asset in assets:
        assert api.get(asset).status_code == 200, asset
    assert api.get("/openapi.json").json()["paths"]["/api/students"]


def test_data_persists_across_restarts(project: Path) -> None:
    with serve(project, "fastapi") as url:
        created = httpx.post(f"{url}/api/students", json={"name": "Kept", "grade": "C"}).json()
    with serve(project, "fastapi") as url:
        assert httpx.get(f"{url}/api/students/{created['id']}").json()["name"] == "Kept"


@pytest.mark.postgres
def test_postgres_variant_against_a_real_server(tmp_path: Path, postgres_url: str) -> None:
    project = generate(tmp_path, "fastapi", db="postgres")
    install(project, "fastapi")
    run_all(project, STACK.test, env={"TEST_DATABASE_URL": postgres_url})
    with serve(project, "fastapi", env={"DATABASE_URL": postgres_url}) as url:
        names = {s["name"] for s in httpx.get(f"{url}/api/students").json()}
        assert {"Rahul", "Priya"} <= names
        assert (
            httpx.post(f"{url}/api/students", json={"name": "Pg", "grade": "A"}).status_code == 201
        )
    rows = subprocess.run(
        ["psql", postgres_url, "-tAc", "select name from students order by id"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "Pg" in rows, "the row lives in PostgreSQL, not in a SQLite file"


# `scaffold new --run` and Ctrl-C: tests/workshop/test_run.py (every stack).
