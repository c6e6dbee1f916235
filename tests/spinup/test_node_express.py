"""node-express, spun up: every feature set renders, installs, passes its own checks and serves.

For each feature combination (SQLite), once per combination:
  render → `npm ci` → the project's own tests and lint → `node server.js` on a free port.
Then, over real HTTP and real Socket.IO: the hello route, the students API (valid, invalid,
unknown ids, oversized bodies) and the chat (two clients: a message from one reaches the
other; an over-long one is refused with its reason). Routes of features that are off 404.
The students API runs once more against a real PostgreSQL server, and the chat is scaled
out: two processes of one project share a real Redis, so a message sent to one process
reaches a client of the other.
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
from tests.support.projects import generate, install, run, run_all, serve

pytestmark = pytest.mark.spinup

STACK = "node-express"
MAX_MESSAGE_LENGTH = 500  # src/chat/schema.js
JSON_BODY_LIMIT = 10 * 1024  # src/app.js


project, base_url, http = per_feature_set(STACK)


# --- the project checks itself ----------------------------------------------------------------


def test_own_tests_and_lint_pass(project: Project) -> None:
    run_all(project.path, STACKS[STACK].test)
    run_all(project.path, STACKS[STACK].lint)


def test_install_and_run_leave_git_clean(project: Project, base_url: str) -> None:
    status = run(project.path, "git", "status", "--porcelain").stdout
    assert status == "", status


# --- over HTTP --------------------------------------------------------------------------------


def test_hello(http: httpx.Client) -> None:
    response = http.get("/")
    assert response.status_code == 200
    assert response.text == "Hello World from Node.js!"
    assert "script-src 'self'" in response.headers["content-security-policy"]  # helmet


def test_unknown_routes_are_json_404s(http: httpx.Client) -> None:
    response = http.get("/no-such-page")
    assert response.status_code == 404
    assert response.json() == {"error": "Cannot GET /no-such-page"}


def test_features_that_are_off_are_absent(project: Project, http: httpx.Client) -> None:
    if "students" not in project.features:
        assert http.get("/api/students").status_code == 404
    if "chat" not in project.features:
        assert http.get("/chat").status_code == 404
        assert http.get("/socket.io/socket.io.js").status_code == 404


def test_students_api(project: Project, http: httpx.Client) -> None:
    project.needs("students")
    exercise_students_api(http)


def test_chat_page_loads_only_local_scripts(project: Project, http: httpx.Client) -> None:
    project.needs("chat")
    page = http.get("/chat")
    assert page.status_code == 200
    assert "<script>" not in page.text  # the CSP forbids inline scripts
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    assert "/socket.io/socket.io.js" in scripts
    for asset in scripts + re.findall(r'href="([^"]+)"', page.text):
        assert asset.startswith("/"), asset
        assert http.get(asset).status_code == 200, asset


def test_chat_between_two_clients(project: Project, base_url: str) -> None:
    project.needs("chat")
    exercise_chat(sender_url=base_url, receiver_url=base_url)


# --- PostgreSQL and Redis ---------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres(tmp_path: Path, postgres_url: str) -> None:
    path = generate(tmp_path, STACK, features=("students", "chat"), db="postgres")
    install(path, STACK)
    database = {"DATABASE_URL": postgres_url}
    with serve(path, STACK, env=database) as url, httpx.Client(base_url=url, timeout=30) as http:
        exercise_students_api(http)
        http.post("/api/students", json={"name": "Meera", "grade": "B"}).raise_for_status()
    stored = psql(postgres_url, "SELECT name || ':' || grade FROM students ORDER BY id")
    assert stored == ["Rahul:A", "Priya:B+", "Meera:B"]
    # A restart finds the data and does not seed again.
    with serve(path, STACK, env=database) as url:
        names = [s["name"] for s in httpx.get(f"{url}/api/students", timeout=30).json()]
    assert names == ["Rahul", "Priya", "Meera"]


@pytest.mark.redis
def test_chat_scales_out_through_redis(tmp_path: Path, redis_url: str) -> None:
    path = generate(tmp_path, STACK, features=("chat",))
    install(path, STACK)
    shared = {"REDIS_URL": redis_url}
    with serve(path, STACK, env=shared) as first, serve(path, STACK, env=shared) as second:
        assert first != second
        exercise_chat(sender_url=first, receiver_url=second)


# --- scenarios --------------------------------------------------------------------------------


def exercise_students_api(http: httpx.Client) -> None:
    """CRUD with the starter data; every kind of bad request is a 4xx with a JSON reason."""
    listing = http.get("/api/students")
    assert listing.status_code == 200
    assert [(s["name"], s["grade"]) for s in listing.json()] == [("Rahul", "A"), ("Priya", "B+")]

    created = http.post("/api/students", json={"name": "Asha", "grade": "A-"})
    assert created.status_code == 201, created.text
    student = created.json()
    student_url = created.headers["location"]
    assert student_url == f"/api/students/{student['id']}"
    assert http.get(student_url).json() == student
    assert http.put(student_url, json={"name": "Asha K", "grade": "B"}).json()["name"] == "Asha K"
    assert http.patch(student_url, json={"grade": "c+"}).json() == {
        "id": student["id"],
        "name": "Asha K",
        "grade": "C+",
    }

    invalid = http.post("/api/students", json={"name": "Asha", "grade": "Z"})
    assert invalid.status_code == 400
    assert [issue["path"] for issue in invalid.json()["issues"]] == ["grade"]
    not_a_student: list[object] = [{"grade": ["A"]}, {"name": "A", "grade": "A", "x": 1}, [], "A"]
    for body in not_a_student:
        assert http.post("/api/students", json=body).status_code == 400, body
    malformed = http.post(
        "/api/students", content=b'{"name": ', headers={"Content-Type": "application/json"}
    )
    assert malformed.status_code == 400
    assert "error" in malformed.json()
    oversized = http.post("/api/students", json={"name": "x" * JSON_BODY_LIMIT, "grade": "A"})
    assert oversized.status_code == 413

    for unknown in ("999999", "abc", "9" * 30, "-1"):
        assert http.get(f"/api/students/{unknown}").status_code == 404, unknown
        assert http.patch(f"/api/students/{unknown}", json={"grade": "A"}).status_code == 404

    assert http.delete(student_url).status_code == 204
    assert http.get(student_url).status_code == 404


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
