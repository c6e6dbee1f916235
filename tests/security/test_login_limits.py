"""Every stack's login and request log, spun up: what docs/api-contract.md promises.

One project per stack (the hybrid: its Django backend), installed once for the module and
served with a short login window from its `.env`: wrong passwords get 429 with
Retry-After, the right one works again once the window has passed, and the request id a
client sends (or the one the server makes up) comes back in `X-Request-ID` and appears in
the server's JSON log line for that request.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from scaffold.stacks import STACKS, Service
from tests.support.projects import demo_login, generate, install, serve

pytestmark = [pytest.mark.security, pytest.mark.spinup]

ATTEMPTS = 3
# Long enough to hold three failed logins even where hashing is slow (Django's PBKDF2 on a
# busy machine); the test waits only what Retry-After says is left of it.
WINDOW_SECONDS = 6
SETTINGS = {
    "LOGIN_ATTEMPTS": str(ATTEMPTS),
    "LOGIN_WINDOW_SECONDS": str(WINDOW_SECONDS),
    "LOG_FORMAT": "json",
}


@dataclass(frozen=True)
class Served:
    url: str
    service: Service
    login: tuple[str, str]
    log: Path

    def token_request(self, password: str) -> httpx.Response:
        return httpx.post(
            self.url + self.service.path("/api/auth/token"),
            json={"username": self.login[0], "password": password},
            timeout=30,
            trust_env=False,
        )


def set_keys(dotenv: Path, values: dict[str, str]) -> None:
    """Set ``values`` in a .env file: replace the keys' lines, append the missing ones."""
    lines = [
        line
        for line in dotenv.read_text(encoding="utf-8").splitlines()
        if line.partition("=")[0].strip() not in values
    ]
    lines += [f"{key}={value}" for key, value in values.items()]
    dotenv.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module", params=list(STACKS))
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    stack: str = request.param
    project = generate(tmp_path_factory.mktemp(stack), stack, features=())
    install(project, stack)
    service = STACKS[stack].services[0]  # the hybrid's Django backend holds its logins
    set_keys(project / service.cwd / ".env", SETTINGS)
    log = project.parent / f"{project.name}-logs" / f"{service.name}.log"
    with serve(project, stack) as url:
        yield Served(url, service, demo_login(project / service.cwd), log)


def test_wrong_passwords_get_429_and_the_right_one_works_after_the_window(
    served: Served,
) -> None:
    right = served.login[1]
    # Successful logins never count towards the limit.
    assert all(served.token_request(right).status_code == 200 for _ in range(ATTEMPTS + 1))
    assert [served.token_request("wrong").status_code for _ in range(ATTEMPTS)] == [401] * ATTEMPTS

    refused = served.token_request(right)

    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_requests"
    retry_after = int(refused.headers["Retry-After"])
    assert 1 <= retry_after <= WINDOW_SECONDS
    time.sleep(retry_after + 0.2)
    assert served.token_request(right).status_code == 200


def test_request_ids_come_back_and_are_in_the_server_log(served: Served) -> None:
    health = served.url + served.service.health_path
    sent = f"spinup-{uuid.uuid4().hex[:12]}"

    echoed = httpx.get(health, headers={"X-Request-ID": sent}, timeout=30, trust_env=False)
    made_up = httpx.get(health, headers={"X-Request-ID": "no spaces"}, timeout=30, trust_env=False)

    assert echoed.headers["X-Request-ID"] == sent
    assert made_up.headers["X-Request-ID"] not in ("", "no spaces")
    for request_id in (sent, made_up.headers["X-Request-ID"]):
        line = log_line(served.log, request_id)
        assert line["method"] == "GET"
        assert line["path"] == served.service.health_path
        assert line["status"] == 200
        assert line["duration_ms"] >= 0


def log_line(log: Path, request_id: str, timeout: float = 5) -> dict[str, Any]:
    """The JSON log line of the request with this id (the server may write it just after
    it answers)."""
    deadline = time.monotonic() + timeout
    while True:
        for text in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if request_id in text and text.startswith("{"):
                line: dict[str, Any] = json.loads(text)
                if line.get("request_id") == request_id:
                    return line
        if time.monotonic() > deadline:
            raise AssertionError(f"no log line with request_id {request_id} in {log}")
        time.sleep(0.1)
