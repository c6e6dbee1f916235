"""One API in every stack: each stack is rendered, installed, given a teacher and a course
by `scaffold add resource` (every field type, a reference), migrated and started for real,
on SQLite and on PostgreSQL; each case of docs/contract/students.yaml and of
docs/contract/resources.yaml, sent over real HTTP, gets the answer the contract
(docs/api-contract.md) gives. The PostgreSQL variants then pass their own test suites
(the resources' included) against a database of the same real server.

A case's expectation names a status and, as they apply, the error code, the exact set of
offending fields, the body (ids checked, then set aside) and headers that must be there.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from scaffold.stacks import STACKS, Service
from tests.support import services
from tests.support.contract import API_STACKS, OPENAPI, auth_headers, check
from tests.support.generated_client import check_generated_client
from tests.support.openapi import differences, expected_document, reduced
from tests.support.projects import (
    demo_authorization,
    demo_login,
    generate,
    install,
    run_all,
    serve_all,
)
from tests.support.resources import COURSE, TEACHER, add_teacher_and_course
from tests.support.template_repos import ROOT

pytestmark = pytest.mark.spinup

CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "docs" / "contract" / "students.yaml").read_text()
)["cases"]
RESOURCES: dict[str, Any] = yaml.safe_load((ROOT / "docs/contract/resources.yaml").read_text())
FILLERS = {
    "name_100": "x" * 100,
    "name_101": "x" * 101,
    "name_10k": "x" * 10_240,
    "name_100k": "x" * 100_000,
    "emoji_100": "\N{GRINNING FACE}" * 100,
    "str_255": "x" * 255,
    "str_256": "x" * 256,
}
A_STUDENT = {"name": "Asha", "grade": "A-"}
_databases = itertools.count()
_numbers = itertools.count(1)


def each_string(value: Any, change: Callable[[str], Any]) -> Any:
    """``value`` (JSON-like) with ``change`` applied to every string in it."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {k: each_string(v, change) for k, v in value.items()}
    if isinstance(value, list):
        return [each_string(v, change) for v in value]
    return value


def replaced(text: str, fillers: dict[str, str]) -> str:
    for key, filler in fillers.items():
        text = text.replace("{" + key + "}", filler)
    return text


def encode(request: dict[str, Any], fill: Callable[[Any], Any]) -> tuple[dict[str, str], bytes]:
    """A case's body as (headers, bytes): ``raw`` exactly, ``json`` with its placeholders."""
    if "raw" in request:
        raw: str = request["raw"]
        return {"content-type": request["content_type"]}, raw.encode("utf-8", "surrogatepass")
    if "json" in request:
        return {"content-type": "application/json"}, json.dumps(fill(request["json"])).encode()
    return {}, b""


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
        headers, content = encode(request, self._fill)
        headers |= self.auth(request.get("auth"))
        return self.client.request(request["method"], path, content=content, headers=headers)

    def create(self, row: object, path: str = "/api/students") -> int:
        answer = self.client.post(self.service.path(path), json=row, headers=self.auth("token"))
        assert answer.status_code == 201, answer.text
        return int(answer.json()["id"])

    def auth(self, kind: str | None) -> dict[str, str]:
        return auth_headers(kind, self.authorization, self.username, self.password)

    def _fill(self, value: Any) -> Any:
        login = {"admin_username": self.username, "admin_password": self.password}
        return each_string(value, lambda text: replaced(text, {**FILLERS, **login}))


def _params() -> list[Any]:
    served = [(stack, db, None) for stack in API_STACKS for db in ("sqlite", "postgres")]
    # Node's JavaScript is its TypeScript stripped at render time: both obey the contract.
    served.append(("node-express", "sqlite", "js"))
    return [
        pytest.param(
            (stack, db, language),
            id=f"{stack}-{db}" + (f"-{language}" if language else ""),
            marks=[pytest.mark.postgres] * (db == "postgres"),
        )
        for stack, db, language in served
    ]


@pytest.fixture(scope="module", params=_params())
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    stack, db, language = request.param
    env: dict[str, str] = {}
    if db == "postgres":
        server = request.getfixturevalue("postgres_server_url")
        env["DATABASE_URL"] = services.create_database(server, f"contract_{next(_databases)}")
    project = generate(
        tmp_path_factory.mktemp(f"contract-{stack}-{db}"), stack, db=db, language=language
    )
    install(project, stack)
    add_teacher_and_course(project, migrate=db == "sqlite")  # PostgreSQL: migrated on start
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


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_contract(api: Api, case: dict[str, Any]) -> None:
    check(api.send(case["request"]), case["expect"])


def test_the_served_openapi_document_is_the_contracts(api: Api) -> None:
    """docs/contract/openapi.yaml: the same paths, operations, parameters, bodies, responses,
    security and named schemas in every stack, for the starter and the added resources."""
    answer = api.client.get(OPENAPI[api.stack])
    assert answer.status_code == 200, answer.text[:500]
    served = reduced(yaml.safe_load(answer.text))  # JSON, or drf-spectacular's YAML
    expected = expected_document([TEACHER, COURSE], chat_bridge=api.stack == "hybrid")
    wrong = differences(expected, served)
    assert not wrong, "\n".join(wrong)


@dataclass
class Placeholders:
    """One resource case's ``{seq}`` and the rows ``{teacher}`` / ``{course}`` name, each
    created once, on first use."""

    api: Api
    seq: str = field(default_factory=lambda: str(next(_numbers)))
    rows: dict[str, int] = field(default_factory=dict)

    def row(self, kind: str) -> int:
        if kind not in self.rows:
            row = (
                {"name": f"Teacher {self.seq}", "email": f"teacher{self.seq}@example.com"}
                if kind == "teacher"
                else self.fill(RESOURCES["course"])
            )
            self.rows[kind] = self.api.create(row, f"/api/{kind}s")
        return self.rows[kind]

    def fill(self, value: Any) -> Any:
        return each_string(value, self._text)

    def _text(self, text: str) -> Any:
        if text in ("{teacher}", "{course}"):
            return self.row(text[1:-1])
        text = replaced(text, {**FILLERS, "seq": self.seq})
        for kind in ("teacher", "course"):
            if "{" + kind + "}" in text:
                text = text.replace("{" + kind + "}", str(self.row(kind)))
        return text

    def send(self, request: dict[str, Any], auth: str | None) -> httpx.Response:
        headers, content = encode(request, self.fill)
        headers |= self.api.auth(auth)
        path = self.api.service.path(self.fill(request["path"]))
        return self.api.client.request(request["method"], path, content=content, headers=headers)


@pytest.mark.parametrize(
    "case", RESOURCES["cases"], ids=[f"resources: {c['name']}" for c in RESOURCES["cases"]]
)
def test_resource_contract(api: Api, case: dict[str, Any]) -> None:
    placeholders = Placeholders(api)
    for setup in case.get("setup", []):
        answer = placeholders.send(setup, "token")
        assert answer.status_code == 201, answer.text
    answer = placeholders.send(case["request"], case["request"].get("auth"))
    check(answer, placeholders.fill(case["expect"]))


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


def test_a_client_generated_from_the_document_passes_the_contract(api: Api, tmp_path: Path) -> None:
    """tests/support/client/check.ts, written once against the SDK @hey-api/openapi-ts
    generates, type-checks against the client of this stack's document and passes its
    cases against this stack: one client program for every stack. Last in the module: it
    adds rows the cases above count."""
    if api.db != "sqlite":
        pytest.skip("the document is the same on every database; SQLite's run proves it")
    document = yaml.safe_load(api.client.get(OPENAPI[api.stack]).text)
    check_generated_client(
        document, str(api.client.base_url).rstrip("/"), (api.username, api.password), tmp_path
    )
