"""hybrid, spun up: Django and Node side by side, and the seam between them is real.

Render (root, backend/ and realtime/ parts) → install both → both parts' own tests and
lint → start both services on free ports, wired to each other. Then, over real HTTP and a
real Socket.IO client: a user signed in to Django gets a chat token, joins the Node chat
with it, and sees a Product added in the admin, its price change and a Student added
through the API arrive as system messages; forged and missing tokens are refused, and
so is the internal events endpoint without its secret. The Redis variant: events go
through Redis pub/sub to two Node processes, and each client receives each event once.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import socketio  # type: ignore[import-untyped]

from scaffold import runner
from scaffold.stacks import STACKS
from tests.support.django_admin import (
    SUPERUSER,
    admin_login,
    api_token_header,
    csrf_field,
    submit_admin_form,
)
from tests.support.projects import (
    free_port,
    generate,
    run,
    run_pre_commit,
    serve_all,
)

pytestmark = pytest.mark.spinup

STACK = "hybrid"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Installed, migrated and seeded by the root's `npm run setup`, as its README and
    AGENTS.md say."""
    path = generate(tmp_path_factory.mktemp("hybrid"), STACK)
    run(path, "npm", "run", "setup", timeout=900)
    return path


@pytest.fixture(scope="module")
def urls(project: Path) -> Iterator[dict[str, str]]:
    with serve_all(project, STACK, env=SUPERUSER) as urls:
        yield urls


@pytest.fixture
def backend(urls: dict[str, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=urls["backend"], timeout=30) as client:
        yield client


# --- the project checks itself ----------------------------------------------------------------


def test_both_parts_pass_their_own_tests_and_lint(project: Path) -> None:
    """Through the root's scripts, which run each part's (scaffold/stacks.py)."""
    run(project, "npm", "test")
    run(project, "npm", "run", "lint")


def test_pre_commit_hooks_pass_offline(project: Path) -> None:
    run_pre_commit(project)


def test_the_root_only_holds_scripts(project: Path) -> None:
    package = json.loads((project / "package.json").read_text())
    assert not {"dependencies", "devDependencies"} & set(package)
    assert {"setup", "dev", "test", "lint"} <= set(package["scripts"])
    assert (project / "backend/.copier-answers.yml").is_file()
    assert (project / "realtime/.copier-answers.yml").is_file()
    assert not (project / "realtime/.github").exists()
    assert not (project / "realtime/src/students").exists()


def test_install_and_run_leave_git_clean(project: Path, urls: dict[str, str]) -> None:
    status = run(project, "git", "status", "--porcelain").stdout
    assert status == "", status


# --- the seam -----------------------------------------------------------------------------


def test_events_reach_signed_in_chat_clients(backend: httpx.Client, urls: dict[str, str]) -> None:
    auth = api_token_header(backend)
    with chat_client(urls["realtime"], chat_token(backend, auth)) as client:
        created = backend.post("/api/students/", json={"name": "Asha", "grade": "A-"}, headers=auth)
        assert created.status_code == 201, created.text
        event = next_system_message(client)
        assert event["type"] == "student.created"
        assert event["text"] == "New student: Asha"
        assert event["data"]["id"] == created.json()["id"]

        admin_login(backend)
        product_id = add_product(backend, name="Graph paper", price="3.75")
        event = next_system_message(client)
        assert (event["type"], event["text"]) == (
            "product.created",
            "New product: Graph paper at 3.75",
        )

        change_price(backend, product_id, name="Graph paper", price="2.99")
        event = next_system_message(client)
        assert event["type"] == "product.price_changed"
        assert event["text"] == "Graph paper: price changed from 3.75 to 2.99"


def test_chat_names_come_from_the_token(backend: httpx.Client, urls: dict[str, str]) -> None:
    token = chat_token(backend, api_token_header(backend))
    with chat_client(urls["realtime"], token) as alice, chat_client(urls["realtime"], token) as bob:
        assert alice.call("message", {"text": "hello"}, timeout=10) == {"ok": True}
        event, message = bob.receive(timeout=10)
        assert event == "message"
        assert (message["name"], message["text"]) == (
            SUPERUSER["DJANGO_SUPERUSER_USERNAME"],
            "hello",
        )


def test_the_chat_page_hands_over_a_working_token(
    backend: httpx.Client, urls: dict[str, str]
) -> None:
    """A browser's path: /chat/ → sign in → back to /chat/ → redirect with #token=…"""
    to_login = backend.get("/chat/")
    assert to_login.status_code == 302
    login_url = to_login.headers["location"]
    page = backend.get(login_url)
    assert page.status_code == 200
    signed_in = backend.post(
        login_url,
        data={
            "csrfmiddlewaretoken": csrf_field(page.text),
            "username": SUPERUSER["DJANGO_SUPERUSER_USERNAME"],
            "password": SUPERUSER["DJANGO_SUPERUSER_PASSWORD"],
        },
    )
    assert signed_in.status_code == 302
    assert signed_in.headers["location"] == "/chat/"
    handed_over = backend.get("/chat/")
    assert handed_over.status_code == 302
    chat_page, _, fragment = handed_over.headers["location"].partition("#token=")
    assert chat_page == f"{urls['realtime']}/chat"
    assert httpx.get(chat_page, timeout=10).status_code == 200
    with chat_client(urls["realtime"], fragment) as client:
        assert client.connected
    # The page's sign-in link leads back to the backend.
    sign_in = httpx.get(f"{urls['realtime']}/chat/sign-in", timeout=10)
    assert sign_in.headers["location"] == f"{urls['backend']}/chat/"


def test_anonymous_users_get_no_chat_token(backend: httpx.Client) -> None:
    assert backend.get("/api/chat/token/").status_code == 401


@pytest.mark.parametrize(
    "token",
    [
        None,
        "not-a-token",
        # Well-formed, but signed with a secret the service does not know.
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        ".eyJzdWIiOiIxIiwidXNlcm5hbWUiOiJtYWxsb3J5IiwiYXVkIjoiY2hhdCIsImV4cCI6NDEwMjQ0NDgwMH0"
        ".c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZS0wMTIzNDU2Nzg5YWJjZGVm",
    ],
    ids=["no token", "garbage", "forged"],
)
def test_the_chat_refuses_clients_without_a_valid_token(
    urls: dict[str, str], token: str | None
) -> None:
    client = socketio.SimpleClient()
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(
            urls["realtime"], transports=["websocket"], auth={"token": token} if token else None
        )
    client.disconnect()


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong-secret", "Basic dXNlcjpwYXNz"], ids=str
)
def test_the_internal_endpoint_needs_the_shared_secret(
    urls: dict[str, str], authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = httpx.post(
        f"{urls['realtime']}/internal/events",
        json={"type": "product.created", "text": "Free products for everyone"},
        headers=headers,
        timeout=10,
    )
    assert response.status_code == 401


# --- Redis ------------------------------------------------------------------------------------


@pytest.mark.redis
def test_events_through_redis_reach_every_process_once(project: Path, redis_url: str) -> None:
    shared = {**SUPERUSER, "REDIS_URL": redis_url}
    with (
        serve_all(project, STACK, env=shared) as urls,
        another_realtime_process(project, urls["backend"], env=shared) as second,
        httpx.Client(base_url=urls["backend"], timeout=30) as backend,
    ):
        auth = api_token_header(backend)
        token = chat_token(backend, auth)
        with (
            chat_client(urls["realtime"], token) as first_client,
            chat_client(second, token) as second_client,
        ):
            for name in ("Meera", "Arjun"):
                created = backend.post(
                    "/api/students/", json={"name": name, "grade": "B"}, headers=auth
                )
                assert created.status_code == 201, created.text
                for client in (first_client, second_client):
                    assert next_system_message(client)["data"] == {"id": created.json()["id"]}
            for client in (first_client, second_client):
                with pytest.raises(socketio.exceptions.TimeoutError):
                    client.receive(timeout=1)  # no second copy of either event

            # The chat itself is shared through the Socket.IO Redis adapter.
            assert first_client.call("message", {"text": "across"}, timeout=10)["ok"]
            event, message = second_client.receive(timeout=10)
            assert (event, message["text"]) == ("message", "across")


@contextlib.contextmanager
def another_realtime_process(project: Path, backend_url: str, env: dict[str, str]) -> Iterator[str]:
    service = next(s for s in STACKS[STACK].services if s.name == "realtime")
    ports = {"realtime": free_port(), "backend": int(backend_url.rsplit(":", 1)[1])}
    log = project.parent / f"{project.name}-logs" / "realtime-2.log"
    running = runner.start(project, service, ports=ports, env=env, log=log)
    try:
        runner.wait_ready(running, timeout=60)
        yield running.url
    finally:
        runner.stop(running)


# --- helpers ----------------------------------------------------------------------------------


def chat_token(backend: httpx.Client, auth: dict[str, str]) -> str:
    response = backend.get("/api/chat/token/", headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["expires_in"] == 300
    return str(response.json()["token"])


@contextlib.contextmanager
def chat_client(url: str, token: str) -> Iterator[socketio.SimpleClient]:
    with socketio.SimpleClient() as client:
        client.connect(url, transports=["websocket"], auth={"token": token})
        yield client


def next_system_message(client: socketio.SimpleClient, timeout: float = 10) -> dict[str, Any]:
    while True:
        event, data = client.receive(timeout=timeout)
        if event == "system":
            return dict(data)


def add_product(backend: httpx.Client, *, name: str, price: str) -> int:
    submit_admin_form(backend, "/admin/catalog/product/add/", {"name": name, "price": price})
    listing = backend.get("/admin/catalog/product/", params={"q": name})
    match = re.search(r'href="/admin/catalog/product/(\d+)/change/', listing.text)
    assert match, "the new product is not listed"
    return int(match.group(1))


def change_price(backend: httpx.Client, product_id: int, *, name: str, price: str) -> None:
    url = f"/admin/catalog/product/{product_id}/change/"
    submit_admin_form(backend, url, {"name": name, "price": price})
