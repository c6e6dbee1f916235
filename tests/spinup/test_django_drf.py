"""django-drf, spun up: every feature set renders, installs, passes its own checks and serves.

For each feature combination (SQLite), once per combination:
  render → `uv sync --locked` → the project's own tests and lint → the production deploy
  checklist → prepare (migrate, superuser from env vars) and start on a free port.
Then, over real HTTP: the hello view, the offline API docs, the students API (anonymous
read, token write, bad input) and the admin (a browser-style login that creates a Product).
The same scenario runs once more against a real PostgreSQL server.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import httpx
import pytest

from scaffold.stacks import STACKS
from tests.support.django_admin import SUPERUSER, admin_login, api_token_header, submit_admin_form
from tests.support.per_feature_set import Project, per_feature_set
from tests.support.projects import generate, install, run, run_all, serve

pytestmark = pytest.mark.spinup

STACK = "django-drf"

# What a deployment sets for production settings.
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
    "DJANGO_ALLOWED_HOSTS": "example.com",
}


project, base_url, http = per_feature_set(STACK, env=SUPERUSER)


# --- the project checks itself ----------------------------------------------------------------


def test_own_tests_and_lint_pass(project: Project) -> None:
    run_all(project.path, STACKS[STACK].test)
    run_all(project.path, STACKS[STACK].lint)


def test_production_settings_pass_the_deploy_checklist(project: Project) -> None:
    run(
        project.path,
        "uv",
        "run",
        "python",
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=PRODUCTION,
    )


def test_install_and_migrate_leave_git_clean(project: Project, base_url: str) -> None:
    status = run(project.path, "git", "status", "--porcelain").stdout
    assert status == "", status


# --- over HTTP --------------------------------------------------------------------------------


def test_hello(http: httpx.Client) -> None:
    response = http.get("/")
    assert response.status_code == 200
    assert "Hello World" in response.text


def test_api_docs_load_only_local_assets(http: httpx.Client) -> None:
    assert http.get("/api/schema/").status_code == 200
    page = http.get("/api/docs/")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert http.get(asset).status_code == 200, asset


def test_students_api(project: Project, http: httpx.Client) -> None:
    project.needs("students")
    exercise_students_api(http)


def test_admin_creates_a_product(project: Project, http: httpx.Client) -> None:
    project.needs("admin")
    exercise_product_admin(http)


def test_admin_site_is_always_there(project: Project, http: httpx.Client) -> None:
    """Django's admin (and auth) come with every feature set; the catalog only with `admin`."""
    admin_login(http)
    assert http.get("/admin/").status_code == 200
    catalog = http.get("/admin/catalog/product/")
    assert catalog.status_code == (200 if "admin" in project.features else 404)


# --- PostgreSQL -------------------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres(tmp_path: Path, postgres_url: str) -> None:
    path = generate(tmp_path, STACK, features=("students", "admin"), db="postgres")
    install(path, STACK)
    database = {"DATABASE_URL": postgres_url}
    run(path, "uv", "run", "pytest", env=database)  # its test database sits beside this one
    with (
        serve(path, STACK, env={**database, **SUPERUSER}) as url,
        httpx.Client(base_url=url, timeout=30) as http,
    ):
        exercise_students_api(http)
        exercise_product_admin(http)


# --- scenarios --------------------------------------------------------------------------------


def exercise_students_api(http: httpx.Client) -> None:
    """Anonymous read; anonymous write refused; token write; bad input is a 4xx."""
    listing = http.get("/api/students/")
    assert listing.status_code == 200
    assert {"Rahul", "Priya"} <= {s["name"] for s in listing.json()["results"]}

    new = {"name": "Asha", "grade": "A-", "email": "asha@example.com"}
    assert http.post("/api/students/", json=new).status_code == 401

    auth = api_token_header(http)

    created = http.post("/api/students/", json=new, headers=auth)
    assert created.status_code == 201, created.text
    student_url = f"/api/students/{created.json()['id']}/"
    assert http.get(student_url).json()["name"] == "Asha"

    assert (
        http.post("/api/students/", json={"name": "Asha", "grade": "Z"}, headers=auth).status_code
        == 400
    )
    assert http.post("/api/students/", json={"grade": ["A"]}, headers=auth).status_code == 400
    assert (
        http.post(
            "/api/students/",
            content=b'{"name": ',
            headers={**auth, "Content-Type": "application/json"},
        ).status_code
        == 400
    )

    assert http.get("/api/students/999999/").status_code == 404
    assert http.get(f"/api/students/{'9' * 30}/").status_code == 404
    assert (
        http.patch(f"/api/students/{'9' * 30}/", json={"grade": "A"}, headers=auth).status_code
        == 404
    )

    assert http.delete(student_url, headers=auth).status_code == 204


def exercise_product_admin(http: httpx.Client) -> None:
    """A browser's path: log in, open the add form, submit it, find the product listed."""
    admin_login(http)
    fields = {
        "name": "Graph paper notebook",
        "description": "A4, 5 mm squares",
        "price": "3.75",
        "in_stock": "on",
        "_save": "Save",
    }
    saved = submit_admin_form(http, "/admin/catalog/product/add/", fields)
    assert saved.headers["location"] == "/admin/catalog/product/"

    listing = http.get("/admin/catalog/product/", params={"q": "graph paper"})
    assert "Graph paper notebook" in listing.text
    assert "3.75" in listing.text
