"""django-drf, spun up: every feature set renders, installs, passes its own checks and serves.

For each feature combination (SQLite), once per combination:
  render → `uv sync --locked` → the project's own tests and lint → the production deploy
  checklist → prepare (migrate, the demo superuser from `.env`) and start on a free port.
Then, over real HTTP: the hello view, health, the offline API docs, the students API
(anonymous read, Bearer-token writes from `/api/auth/token/`, the error body, concurrent
writers on SQLite) and the admin (a browser-style login that creates a Product). The
same scenario runs once more against a real PostgreSQL server, and once with Django's
built-in user (`custom_user_model=false`, what a project updated from 0.1.0 keeps).
(The whole contract, case by case, is tests/contract's.)
"""

from __future__ import annotations

import re
import secrets
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from scaffold import api
from scaffold.stacks import STACKS
from tests.support.django_admin import admin_login, api_token_header, submit_admin_form
from tests.support.per_feature_set import Project, per_feature_set
from tests.support.projects import (
    demo_login,
    generate,
    install,
    run,
    run_all,
    run_pre_commit,
    serve,
)

pytestmark = pytest.mark.spinup

STACK = "django-drf"

# What a deployment sets for production settings.
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
    "DJANGO_ALLOWED_HOSTS": "example.com",
}


project, base_url, http = per_feature_set(STACK)


# --- the project checks itself ----------------------------------------------------------------


def test_own_tests_and_lint_pass(project: Project) -> None:
    run_all(project.path, STACKS[STACK].test)
    run_all(project.path, STACKS[STACK].lint)


def test_pre_commit_hooks_pass_offline(project: Project) -> None:
    run_pre_commit(project.path)


def test_production_settings_pass_the_deploy_checklist(project: Project) -> None:
    run(
        project.path,
        *("uv", "run", "python", "manage.py", "check", "--deploy", "--fail-level", "WARNING"),
        env=PRODUCTION,
    )


def test_new_projects_have_their_own_user_model(project: Project) -> None:
    assert (project.path / "users" / "models.py").is_file()
    settings = (project.path / "config" / "settings" / "base.py").read_text()
    assert 'AUTH_USER_MODEL = "users.User"' in settings


def test_a_new_project_has_one_initial_migration_per_app(project: Project) -> None:
    """What makemigrations writes for its models, and no demo rows in a migration."""
    starters = {"students": "students", "admin": "catalog"}  # feature: its app
    apps = {"users", *(app for feature, app in starters.items() if feature in project.features)}
    migrations = {
        p.relative_to(project.path).as_posix() for p in project.path.glob("*/migrations/0*.py")
    }
    assert migrations == {f"{app}/migrations/0001_initial.py" for app in apps}


def test_seeding_again_adds_nothing(project: Project, base_url: str) -> None:
    seeded = run(project.path, "uv", "run", "python", "manage.py", "seed").stdout
    assert seeded.strip() == "Added 0 demo rows."


def test_install_and_migrate_leave_git_clean(project: Project, base_url: str) -> None:
    status = run(project.path, "git", "status", "--porcelain").stdout
    assert status == "", status


# --- over HTTP --------------------------------------------------------------------------------


def test_hello(http: httpx.Client) -> None:
    response = http.get("/")
    assert response.status_code == 200
    assert "Hello World" in response.text


def test_health_checks_the_database(http: httpx.Client) -> None:
    response = http.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_api_docs_load_only_local_assets(http: httpx.Client) -> None:
    assert http.get("/api/schema/").status_code == 200
    page = http.get("/api/docs/")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert http.get(asset).status_code == 200, asset


def test_unknown_api_paths_are_json_404s(http: httpx.Client) -> None:
    response = http.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_students_api(project: Project, http: httpx.Client) -> None:
    project.needs("students")
    exercise_students_api(http, *demo_login(project.path))


def test_concurrent_writers_all_succeed(project: Project, http: httpx.Client) -> None:
    """SQLite in WAL mode with a busy timeout: writers queue, none gets "database is locked"."""
    project.needs("students")
    auth = api_token_header(http, *demo_login(project.path))

    def create(n: int) -> int:
        body = {"name": f"Writer {n}", "grade": "B"}
        return http.post("/api/students/", json=body, headers=auth).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(create, range(48)))

    assert statuses == [201] * 48


def test_admin_creates_a_product(project: Project, http: httpx.Client) -> None:
    project.needs("admin")
    exercise_product_admin(http, *demo_login(project.path))


def test_admin_site_is_always_there(project: Project, http: httpx.Client) -> None:
    """Django's admin (users and tokens) comes with every feature set; the catalog only
    with `admin`."""
    admin_login(http, *demo_login(project.path))
    assert http.get("/admin/").status_code == 200
    assert http.get("/admin/users/user/").status_code == 200
    catalog = http.get("/admin/catalog/product/")
    assert catalog.status_code == (200 if "admin" in project.features else 404)


# --- PostgreSQL -------------------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres(tmp_path: Path, postgres_url: str) -> None:
    path = generate(tmp_path, STACK, features=("students", "admin"), db="postgres")
    install(path, STACK)
    database = {"DATABASE_URL": postgres_url}
    # Its own tests on PostgreSQL: tests/contract (on the project it installs there).
    with (
        serve(path, STACK, env=database) as url,
        httpx.Client(base_url=url, timeout=30) as http,
    ):
        assert http.get("/healthz/").json() == {"status": "ok"}
        exercise_students_api(http, *demo_login(path))
        exercise_product_admin(http, *demo_login(path))


# --- Django's built-in user -------------------------------------------------------------------


def test_a_project_with_djangos_built_in_user(tmp_path: Path) -> None:
    """custom_user_model=false (what a project updated from 0.1.0 answers): no users app,
    auth.User throughout, and everything else the same."""
    spec = api.make_spec(
        name="demo", stack=STACK, dest=tmp_path / "demo", extra={"custom_user_model": False}
    )
    path = api.create_project(spec=spec, install=False).path
    assert not (path / "users").exists()
    assert "AUTH_USER_MODEL" not in (path / "config" / "settings" / "base.py").read_text()
    install(path, STACK)
    run_all(path, STACKS[STACK].test)
    run_all(path, STACKS[STACK].lint)
    with serve(path, STACK) as url, httpx.Client(base_url=url, timeout=30) as http:
        exercise_students_api(http, *demo_login(path))
        exercise_product_admin(http, *demo_login(path))
        assert http.get("/admin/auth/user/").status_code == 200
    status = run(path, "git", "status", "--porcelain").stdout
    assert status == "", status


# --- scenarios --------------------------------------------------------------------------------


def exercise_students_api(http: httpx.Client, username: str, password: str) -> None:
    """Anonymous read; anonymous write refused; Bearer-token writes; errors in one shape."""
    listing = http.get("/api/students/")
    assert listing.status_code == 200
    page = listing.json()
    assert (page["limit"], page["offset"]) == (20, 0)
    assert [s["name"] for s in page["results"][:2]] == ["Rahul", "Priya"]

    new = {"name": "Asha", "grade": "A-"}
    refused = http.post("/api/students/", json=new)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert refused.json()["error"]["code"] == "unauthorized"

    wrong = http.post("/api/auth/token/", json={"username": username, "password": "wrong"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "invalid_credentials"
    auth = api_token_header(http, username, password)

    created = http.post("/api/students/", json=new, headers=auth)
    assert created.status_code == 201, created.text
    student = created.json()
    student_url = created.headers["location"]
    assert student_url == f"/api/students/{student['id']}/"
    assert http.get(student_url).json() == {"id": student["id"], **new}

    patched = http.patch(student_url, json={"grade": "D-"}, headers=auth)
    assert patched.json() == {"id": student["id"], "name": "Asha", "grade": "D-"}

    invalid = http.post("/api/students/", json={"name": 7, "grade": "E"}, headers=auth)
    assert invalid.status_code == 422
    assert set(invalid.json()["error"]["fields"]) == {"name", "grade"}
    malformed = http.post(
        "/api/students/",
        content=b'{"name": ',
        headers={**auth, "Content-Type": "application/json"},
    )
    assert malformed.status_code == 400
    assert malformed.json()["error"]["code"] == "malformed_json"
    too_big = http.post("/api/students/", json={"name": "x" * 70_000, "grade": "A"}, headers=auth)
    assert too_big.status_code == 413

    for missing in ("/api/students/999999/", f"/api/students/{'9' * 30}/", "/api/students/abc/"):
        assert http.get(missing).status_code == 404, missing
        assert http.patch(missing, json={"grade": "A"}, headers=auth).status_code == 404, missing

    deleted = http.delete(student_url, headers=auth)
    assert deleted.status_code == 204
    assert http.get(student_url).status_code == 404


def exercise_product_admin(http: httpx.Client, username: str, password: str) -> None:
    """A browser's path: log in, open the add form, submit it, find the product listed."""
    admin_login(http, username, password)
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
