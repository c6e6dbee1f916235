"""One students API in every stack: each case of docs/contract/students.yaml, sent over real
HTTP to each stack rendered, installed, migrated and started for real, on SQLite and on
PostgreSQL, gets the answer the contract (docs/api-contract.md) gives. The PostgreSQL
variants then pass their own test suites against a database of the same real server.

A case's expectation names a status and, as they apply, the error code, the exact set of
offending fields, the body (ids checked, then set aside) and headers that must be there.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from scaffold.stacks import STACKS, Service
from tests.support import services
from tests.support.projects import (
    demo_authorization,
    demo_login,
    generate,
    install,
    run_all,
    serve_all,
)
from tests.support.template_repos import ROOT

pytestmark = pytest.mark.spinup

CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "docs" / "contract" / "students.yaml").read_text()
)["cases"]
# Stacks with a service serving the students API, and that service.
API_STACKS = {
    name: next(s for s in stack.services for u in s.urls if u.feature == "students")
    for name, stack in STACKS.items()
    if "students" in stack.features
}
FILLERS = {
    "name_100": "x" * 100,
    "name_101": "x" * 101,
    "name_10k": "x" * 10_240,
    "name_100k": "x" * 100_000,
    "emoji_100": "\N{GRINNING FACE}" * 100,
}
A_STUDENT = {"name": "Asha", "grade": "A-"}
_databases = itertools.count()


@dataclass
class Api:
    """A running stack's students API, with the demo user's credentials and token."""

    client: httpx.Client
    service: Service
    username: str
    password: str
    authorization: str  # the demo user's "Bearer …"
    project: Path
    stack: str
    db: str

    def send(self, request: dict[str, Any]) -> httpx.Response:
        path = self.service.path(request["path"])
        if "{id}" in path:
            path = path.replace("{id}", str(self.create(A_STUDENT)))
        headers = self._auth(request.get("auth"))
        if "raw" in request:
            headers["content-type"] = request["content_type"]
            raw: str = request["raw"]
            content = raw.encode("utf-8", "surrogatepass")
            return self.client.request(request["method"], path, content=content, headers=headers)
        if "json" in request:
            body = json.dumps(self._fill(request["json"])).encode()
            headers["content-type"] = "application/json"
            return self.client.request(request["method"], path, content=body, headers=headers)
        return self.client.request(request["method"], path, headers=headers)

    def create(self, student: dict[str, str]) -> int:
        answer = self.client.post(
            self.service.path("/api/students"), json=student, headers=self._auth("token")
        )
        assert answer.status_code == 201, answer.text
        return int(answer.json()["id"])

    def _auth(self, kind: str | None) -> dict[str, str]:
        scheme = {
            None: None,
            "token": self.authorization,
            "forged": "Bearer forged-0123456789abcdef0123456789abcdef",
            "other-scheme": f"Basic {self.username}:{self.password}",
        }[kind]
        return {"authorization": scheme} if scheme else {}

    def _fill(self, value: Any) -> Any:
        if isinstance(value, str):
            fillers = {**FILLERS, "admin_username": self.username, "admin_password": self.password}
            for key, text in fillers.items():
                value = value.replace("{" + key + "}", text)
            return value
        if isinstance(value, dict):
            return {k: self._fill(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._fill(v) for v in value]
        return value


def _params() -> list[Any]:
    return [
        pytest.param(
            (stack, db), id=f"{stack}-{db}", marks=[pytest.mark.postgres] * (db == "postgres")
        )
        for stack in API_STACKS
        for db in ("sqlite", "postgres")
    ]


@pytest.fixture(scope="module", params=_params())
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    stack, db = request.param
    env: dict[str, str] = {}
    if db == "postgres":
        server = request.getfixturevalue("postgres_server_url")
        env["DATABASE_URL"] = services.create_database(server, f"contract_{next(_databases)}")
    project = generate(tmp_path_factory.mktemp(f"contract-{stack}-{db}"), stack, db=db)
    install(project, stack)
    service = API_STACKS[stack]
    username, password = demo_login(project / service.cwd)
    with (
        serve_all(project, stack, env=env) as urls,
        httpx.Client(base_url=urls[service.name], timeout=30, trust_env=False) as client,
    ):
        authorization = demo_authorization(urls[service.name], project, service)
        yield Api(
            client,
            service,
            username,
            password,
            authorization["Authorization"],
            project,
            stack,
            db,
        )


def _without_ids(value: Any) -> Any:
    """The body with every object's ``id`` checked to be a positive int, then removed."""
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    if isinstance(value, dict):
        if "id" in value:
            assert isinstance(value["id"], int) and value["id"] > 0, value
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_contract(api: Api, case: dict[str, Any]) -> None:
    expect = case["expect"]
    response = api.send(case["request"])

    assert response.status_code == expect["status"], response.text[:500]
    if expect["status"] == 204:
        assert response.content == b""
        return
    body = response.json()
    if "code" in expect:
        assert set(body) == {"error"}, body
        assert body["error"]["code"] == expect["code"], body
        assert isinstance(body["error"]["message"], str) and body["error"]["message"], body
    if "fields" in expect:
        assert set(body["error"].get("fields", {})) == set(expect["fields"]), body
    if "body" in expect:
        assert _without_ids(body) == expect["body"]
    if expect.get("token"):
        assert set(body) == {"token"} and isinstance(body["token"], str) and body["token"], body
    for header in expect.get("headers", []):
        assert header in response.headers, dict(response.headers)


def test_its_own_tests_pass_against_the_real_postgresql(
    api: Api, request: pytest.FixtureRequest
) -> None:
    """On a database of its own (the server above keeps its data): Django's test database is
    created beside it, FastAPI and Express run their suites in it (TEST_DATABASE_URL)."""
    if api.db != "postgres":
        pytest.skip("on SQLite the spin-up tier runs the project's own tests")
    server = request.getfixturevalue("postgres_server_url")
    url = services.create_database(server, f"own_tests_{next(_databases)}")
    run_all(
        api.project, STACKS[api.stack].test, env={"DATABASE_URL": url, "TEST_DATABASE_URL": url}
    )
