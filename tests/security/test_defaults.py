"""Secure by default: what a generated project does before anyone configures anything.

Also part of this contract, and not repeated here: Django's deploy checklist
(`check --deploy --fail-level WARNING` under production settings) in
tests/spinup/test_django_drf.py::test_production_settings_pass_the_deploy_checklist.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import socketio  # type: ignore[import-untyped]

from scaffold.envfile import is_secret
from tests.support.projects import generate, install, serve

pytestmark = [pytest.mark.security, pytest.mark.spinup]

FEATURES = {
    "node-express": ("students", "chat"),
    "fastapi": ("students",),
    "django-drf": ("students", "admin"),
}
# The variable that opens CORS to a list of origins, and a URL every stack answers.
CORS = {
    "node-express": ("CORS_ORIGINS", "/api/students"),
    "fastapi": ("CORS_ORIGINS", "/api/students"),
    "django-drf": ("DJANGO_CORS_ALLOWED_ORIGINS", "/api/students/"),
}
SECRET_KEYS = {
    "node-express": {"ADMIN_PASSWORD"},
    "fastapi": {"ADMIN_PASSWORD"},
    "django-drf": {"DJANGO_SECRET_KEY", "DJANGO_SUPERUSER_PASSWORD"},
}
APP = "https://app.example"
FOREIGN = "https://evil.example"


@pytest.fixture(scope="module", params=list(FEATURES))
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    stack: str = request.param
    path = generate(tmp_path_factory.mktemp(stack), stack, features=FEATURES[stack])
    install(path, stack)
    return path


@pytest.fixture(scope="module")
def express(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = generate(tmp_path_factory.mktemp("express"), "node-express", features=("chat",))
    install(path, "node-express")
    with serve(path, "node-express") as url:
        yield url


def stack_of(project: Path) -> str:
    return project.parent.name.rstrip("0123456789")  # tmp_path_factory numbers the dirs


# --- CORS: closed unless configured, for every stack --------------------------------------


def test_cors_is_closed_by_default_and_opened_by_configuration(project: Path) -> None:
    stack = stack_of(project)
    variable, path = CORS[stack]

    def allowed_origins(env: dict[str, str]) -> dict[str, str | None]:
        with serve(project, stack, env=env) as url, httpx.Client(timeout=30) as http:
            answers = {
                origin: http.get(url + path, headers={"Origin": origin})
                for origin in (APP, FOREIGN)
            }
        assert all(response.status_code == 200 for response in answers.values())
        return {o: r.headers.get("access-control-allow-origin") for o, r in answers.items()}

    assert allowed_origins({}) == {APP: None, FOREIGN: None}
    assert allowed_origins({variable: APP}) == {APP: APP, FOREIGN: None}


# --- secrets: only in .env, and .env never committed --------------------------------------


def test_secrets_live_only_in_the_git_ignored_env_file(project: Path) -> None:
    env = dict(
        line.split("=", 1)
        for line in (project / ".env").read_text().splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    )
    secrets = {key: value for key, value in env.items() if is_secret(key)}
    assert set(secrets) == SECRET_KEYS[stack_of(project)]
    assert all(len(value) >= 32 for value in secrets.values()), "scaffold filled them in"

    leaks = [
        (str(file.relative_to(project)), key)
        for file in project.rglob("*")
        if file.is_file()
        and file.name != ".env"
        and not {".git", ".venv", "node_modules"} & set(file.relative_to(project).parts)
        for key, value in secrets.items()
        if value in file.read_text(errors="replace")
    ]
    assert not leaks

    ignored = subprocess.run(["git", "check-ignore", "--quiet", ".env"], cwd=project, check=False)
    assert ignored.returncode == 0, ".env is git-ignored"
    tracked = subprocess.run(
        ["git", "ls-files", ".env"], cwd=project, capture_output=True, text=True, check=True
    )
    assert tracked.stdout == ""


# --- Express: helmet, body limits -----------------------------------------------------------


def test_express_sends_helmets_security_headers(express: str) -> None:
    headers = httpx.get(express, timeout=30).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'self'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["strict-transport-security"].startswith("max-age=")
    assert "x-powered-by" not in headers


def test_express_refuses_json_bodies_over_64_kib_on_any_path(express: str) -> None:
    """The contract's limit (docs/api-contract.md) holds before routing, not per route."""
    response = httpx.post(
        f"{express}/no-such-route",
        content=b'{"x": "' + b"x" * 65 * 1024 + b'"}',
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_socket_io_drops_a_client_that_sends_an_oversized_frame(express: str) -> None:
    """maxHttpBufferSize (16 kB): the server closes the connection rather than parse it."""
    mallory = socketio.Client(reconnection=False)
    dropped = threading.Event()
    mallory.on("disconnect", lambda *reason: dropped.set())
    mallory.connect(express, transports=["websocket"])
    try:
        mallory.emit("message", {"name": "Mallory", "text": "x" * 64 * 1024})
        assert dropped.wait(timeout=10)
    finally:
        mallory.disconnect()
