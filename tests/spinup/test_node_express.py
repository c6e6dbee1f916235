"""node-express, spun up: every feature set renders, installs, passes its own checks and serves.

For each feature combination (SQLite), once per combination:
  render → `npm ci` → the project's own tests and lint → prepare (`npm run migrate`,
  `npm run ensure-admin`, `npm run seed`) → `node server.ts` (TypeScript, the default) on
  a free port.
Then, over real HTTP and real Socket.IO: the hello route, the health check, the demo user's
token, the students API (reads public, writes with the token; invalid, unknown ids,
oversized bodies; the one error shape) and the chat (two clients: a message from one
reaches the other; an over-long one is refused with its reason). Routes of features that
are off 404. The students API runs once more against a real PostgreSQL server (migrated
and seeded; a restart adds nothing), and the chat is scaled out: two processes of one
project share a real Redis, so a message sent to one process reaches a client of the other
(and the project's own scale-out test passes against that Redis).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import httpx
import pytest
import socketio  # type: ignore[import-untyped]

from scaffold.stacks import STACKS
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

STACK = "node-express"
MAX_MESSAGE_LENGTH = 500  # src/chat/schema.ts
BODY_LIMIT = 65_536  # src/app.ts

project, base_url, http = per_feature_set(STACK)


# --- the project checks itself ----------------------------------------------------------------


def test_own_tests_and_lint_pass(project: Project) -> None:
    run_all(project.path, STACKS[STACK].test)
    run_all(project.path, STACKS[STACK].lint)


def test_pre_commit_hooks_pass_offline(project: Project) -> None:
    run_pre_commit(project.path)


def test_install_and_run_leave_git_clean(project: Project, base_url: str) -> None:
    status = run(project.path, "git", "status", "--porcelain").stdout
    assert status == "", status


def test_migrate_and_ensure_admin_can_run_again(project: Project, base_url: str) -> None:
    assert "up to date" in run(project.path, "npm", "run", "migrate").stdout
    assert "left unchanged" in run(project.path, "npm", "run", "ensure-admin").stdout
    seeded = run(project.path, "npm", "run", "seed").stdout
    assert ("there already" if "students" in project.features else "No demo rows") in seeded


# --- over HTTP --------------------------------------------------------------------------------


def test_hello(http: httpx.Client) -> None:
    response = http.get("/")
    assert response.status_code == 200
    assert response.text == "Hello World from Node.js!"
    assert "script-src 'self'" in response.headers["content-security-policy"]  # helmet


def test_health_checks_the_database(http: httpx.Client) -> None:
    response = http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_unknown_routes_and_methods_answer_in_the_error_shape(http: httpx.Client) -> None:
    missing = http.get("/no-such-page")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    refused = http.delete("/")
    assert refused.status_code == 405
    assert refused.json()["error"]["code"] == "method_not_allowed"


def test_the_demo_user_gets_a_token(project: Project, http: httpx.Client) -> None:
    assert token_for(project.path, http)
    username, _ = demo_login(project.path)
    wrong = http.post("/api/auth/token", json={"username": username, "password": "wrong"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "invalid_credentials"


def test_features_that_are_off_are_absent(project: Project, http: httpx.Client) -> None:
    if "students" not in project.features:
        assert http.get("/api/students").status_code == 404
        assert http.get("/openapi.json").status_code == 404
    if "chat" not in project.features:
        assert http.get("/chat").status_code == 404
        assert http.get("/socket.io/socket.io.js").status_code == 404


def test_students_api(project: Project, http: httpx.Client) -> None:
    project.needs("students")
    exercise_students_api(http, token_for(project.path, http))


def test_chat_page_loads_only_local_scripts(project: Project, http: httpx.Client) -> None:
    project.needs("chat")
    page = http.get("/chat")
    assert page.status_code == 200
    assert "<script>" not in page.text  # the CSP forbids inline scripts
    assert 'id="name"' in page.text  # people choose their name (no sign-in here)
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    assert scripts == ["/socket.io/socket.io.js", "/chat/chat.js"]
    for asset in scripts + re.findall(r'href="([^"]+)"', page.text):
        assert asset.startswith("/"), asset
        assert http.get(asset).status_code == 200, asset


def test_chat_between_two_clients(project: Project, base_url: str) -> None:
    project.needs("chat")
    exercise_chat(sender_url=base_url, receiver_url=base_url)


# --- PostgreSQL and Redis ---------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_migrates_and_seeds_once(tmp_path: Path, postgres_url: str) -> None:
    path = generate(tmp_path, STACK, features=("students", "chat"), db="postgres")
    install(path, STACK)
    database = {"DATABASE_URL": postgres_url}
    with serve(path, STACK, env=database) as url, httpx.Client(base_url=url, timeout=30) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        token = token_for(path, http)
        exercise_students_api(http, token)
        created = http.post(
            "/api/students", json={"name": "Meera", "grade": "B"}, headers=bearer(token)
        )
        assert created.status_code == 201, created.text
    stored = psql(postgres_url, "SELECT name || ':' || grade FROM students ORDER BY id")
    assert stored[:2] == ["Rahul:A", "Priya:B+"] and stored[-1] == "Meera:B"
    assert psql(postgres_url, "SELECT name FROM schema_migrations ORDER BY name") == [
        "0001_users.sql",
        "0002_students.sql",
    ]
    # A restart migrates and seeds again: nothing new, and the same demo user still signs in.
    with serve(path, STACK, env=database) as url, httpx.Client(base_url=url, timeout=30) as http:
        names = [s["name"] for s in http.get("/api/students?limit=100").json()["results"]]
        assert token_for(path, http)
    assert names == [row.split(":")[0] for row in stored]
    assert psql(postgres_url, "SELECT count(*) FROM users") == ["1"]


@pytest.mark.redis
def test_chat_scales_out_through_redis(tmp_path: Path, redis_url: str) -> None:
    path = generate(tmp_path, STACK, features=("chat",))
    install(path, STACK)
    shared = {"REDIS_URL": redis_url}
    with serve(path, STACK, env=shared) as first, serve(path, STACK, env=shared) as second:
        assert first != second
        assert httpx.get(f"{first}/healthz", timeout=10).json() == {"status": "ok"}
        exercise_chat(sender_url=first, receiver_url=second)
    # The project's own scale-out test, which its CI runs against a Redis service.
    done = run(path, "npm", "test", env={"TEST_REDIS_URL": redis_url})
    assert "chat across two servers through Redis" in done.stdout
    assert "# set TEST_REDIS_URL" not in done.stdout, "skipped instead of run"


# --- scenarios --------------------------------------------------------------------------------


def token_for(project_path: Path, http: httpx.Client) -> str:
    """A Bearer token for the demo user whose login scaffold wrote to the project's .env."""
    username, password = demo_login(project_path)
    response = http.post("/api/auth/token", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    token: str = response.json()["token"]
    return token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    error: dict[str, object] = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str)
    return error


def exercise_students_api(
    http: httpx.Client,
    token: str,
    starter: list[tuple[str, str]] | None = None,
) -> None:
    """CRUD with the starter data and a token; every bad request is a 4xx in the one shape."""
    listing = http.get("/api/students")
    assert listing.status_code == 200
    page = listing.json()
    expected = starter or [("Rahul", "A"), ("Priya", "B+")]
    assert (page["count"], page["limit"], page["offset"]) == (len(expected), 20, 0)
    assert [(s["name"], s["grade"]) for s in page["results"]] == expected
    assert_error(http.get("/api/students", params={"limit": 0}), 422, "invalid")

    anonymous = http.post("/api/students", json={"name": "Asha", "grade": "A-"})
    assert_error(anonymous, 401, "unauthorized")
    assert anonymous.headers["www-authenticate"] == "Bearer"
    forged = http.post(
        "/api/students", json={"name": "Asha", "grade": "A-"}, headers=bearer("forged")
    )
    assert_error(forged, 401, "unauthorized")

    auth = bearer(token)
    created = http.post("/api/students", json={"name": " Asha ", "grade": "A-"}, headers=auth)
    assert created.status_code == 201, created.text
    student = created.json()
    assert student == {"id": student["id"], "name": "Asha", "grade": "A-"}
    student_url = created.headers["location"]
    assert student_url == f"/api/students/{student['id']}"
    assert http.get(student_url).json() == student
    replaced = http.put(student_url, json={"name": "Asha K", "grade": "B"}, headers=auth)
    assert replaced.json()["name"] == "Asha K"
    patched = http.patch(student_url, json={"grade": "C+"}, headers=auth)
    assert patched.json() == {"id": student["id"], "name": "Asha K", "grade": "C+"}

    invalid = http.post("/api/students", json={"name": "Asha", "grade": "E+"}, headers=auth)
    fields = assert_error(invalid, 422, "invalid")["fields"]
    assert isinstance(fields, dict)
    assert list(fields) == ["grade"]
    not_a_student: list[object] = [{"grade": ["A"]}, {"name": "A", "grade": "A", "id": 1}, [], "A"]
    for body in not_a_student:
        assert_error(http.post("/api/students", json=body, headers=auth), 422, "invalid")
    malformed = http.post(
        "/api/students", content=b'{"name": ', headers={**auth, "Content-Type": "application/json"}
    )
    assert_error(malformed, 400, "malformed_json")
    form = http.post("/api/students", data={"name": "A", "grade": "A"}, headers=auth)
    assert_error(form, 415, "unsupported_media_type")
    oversized = http.post(
        "/api/students", json={"name": "x" * BODY_LIMIT, "grade": "A"}, headers=auth
    )
    assert_error(oversized, 413, "payload_too_large")

    for unknown in ("999999", "abc", "9" * 30, "-1", "0"):
        assert_error(http.get(f"/api/students/{unknown}"), 404, "not_found")
        patch = http.patch(f"/api/students/{unknown}", json={"grade": "A"}, headers=auth)
        assert_error(patch, 404, "not_found")
    assert_error(http.delete("/api/students", headers=auth), 405, "method_not_allowed")

    assert http.delete(student_url, headers=auth).status_code == 204
    assert_error(http.get(student_url), 404, "not_found")


def exercise_chat(*, sender_url: str, receiver_url: str) -> None:
    """Alice (on sender_url) talks; Bob (on receiver_url) hears her, as text, untouched."""
    with socketio.SimpleClient() as alice, socketio.SimpleClient() as bob:
        alice.connect(sender_url, transports=["websocket"])
        bob.connect(receiver_url, transports=["websocket"])

        assert alice.call("message", {"name": "Alice", "text": "hello Bob"}, timeout=10) == {
            "ok": True
        }
        assert_next_message(bob, name="Alice", text="hello Bob")

        refused = alice.call(
            "message", {"name": "Alice", "text": "x" * (MAX_MESSAGE_LENGTH + 1)}, timeout=10
        )
        assert refused["ok"] is False
        assert "too long" in refused["error"]

        payload = "<script>alert(1)</script>"
        assert alice.call("message", {"name": "Mallory", "text": payload}, timeout=10)["ok"]
        assert_next_message(bob, name="Mallory", text=payload)  # the refused one never came


def assert_next_message(client: socketio.SimpleClient, *, name: str, text: str) -> None:
    event, message = client.receive(timeout=10)
    assert event == "message"
    assert (message["name"], message["text"]) == (name, text)
    assert message["sentAt"]


def psql(url: str, sql: str) -> list[str]:
    done = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()
