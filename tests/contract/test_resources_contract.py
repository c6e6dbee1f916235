"""Resources a user adds obey one contract in every stack: `scaffold add resource` adds a
teacher and a course (every field type, a reference) to each stack rendered, installed and
started for real, on SQLite and on PostgreSQL, and each case of
docs/contract/resources.yaml, sent over real HTTP, gets the contract's answer."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import yaml

from scaffold.stacks import Service
from tests.support import services
from tests.support.contract import API_STACKS, auth_headers, check
from tests.support.projects import demo_authorization, demo_login, generate, install, serve_all
from tests.support.resources import add_teacher_and_course
from tests.support.template_repos import ROOT

pytestmark = pytest.mark.spinup

CONTRACT: dict[str, Any] = yaml.safe_load((ROOT / "docs/contract/resources.yaml").read_text())
CASES: list[dict[str, Any]] = CONTRACT["cases"]
FILLERS = {"str_255": "x" * 255, "str_256": "x" * 256}
_numbers = itertools.count(1)
_databases = itertools.count()


@dataclass
class Api:
    client: httpx.Client
    service: Service
    login: tuple[str, str]
    authorization: str

    def auth(self, kind: str | None) -> dict[str, str]:
        return auth_headers(kind, self.authorization, *self.login)

    def post(self, path: str, body: object) -> int:
        answer = self.client.post(self.service.path(path), json=body, headers=self.auth("token"))
        assert answer.status_code == 201, answer.text
        return int(answer.json()["id"])


@dataclass
class Case:
    """One case's placeholders: ``{seq}`` and the rows ``{teacher}`` / ``{course}`` name,
    each created once, on first use."""

    api: Api
    seq: str = field(default_factory=lambda: str(next(_numbers)))
    rows: dict[str, int] = field(default_factory=dict)

    def row(self, kind: str) -> int:
        if kind not in self.rows:
            self.rows[kind] = (
                self.api.post(
                    "/api/teachers",
                    {"name": f"Teacher {self.seq}", "email": f"teacher{self.seq}@example.com"},
                )
                if kind == "teacher"
                else self.api.post("/api/courses", self.fill(CONTRACT["course"]))
            )
        return self.rows[kind]

    def fill(self, value: Any) -> Any:
        if isinstance(value, str):
            if value in ("{teacher}", "{course}"):
                return self.row(value[1:-1])
            for key, text in {**FILLERS, "seq": self.seq}.items():
                value = value.replace("{" + key + "}", text)
            for kind in ("teacher", "course"):
                if "{" + kind + "}" in value:
                    value = value.replace("{" + kind + "}", str(self.row(kind)))
            return value
        if isinstance(value, dict):
            return {k: self.fill(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.fill(v) for v in value]
        return value

    def send(self, request: dict[str, Any], *, auth: str | None) -> httpx.Response:
        path = self.api.service.path(self.fill(request["path"]))
        headers = self.api.auth(auth)
        if "raw" in request:
            headers["content-type"] = request["content_type"]
            content = str(request["raw"]).encode()
        elif "json" in request:
            headers["content-type"] = "application/json"
            content = json.dumps(self.fill(request["json"])).encode()
        else:
            content = b""
        return self.api.client.request(request["method"], path, content=content, headers=headers)


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
        env["DATABASE_URL"] = services.create_database(server, f"resources_{next(_databases)}")
    project = generate(tmp_path_factory.mktemp(f"resources-{stack}-{db}"), stack, db=db)
    install(project, stack)
    add_teacher_and_course(project, migrate=db == "sqlite")  # PostgreSQL: migrated on start
    service = API_STACKS[stack]
    with (
        serve_all(project, stack, env=env) as urls,
        httpx.Client(base_url=urls[service.name], timeout=30, trust_env=False) as client,
    ):
        authorization = demo_authorization(urls[service.name], project, service)
        yield Api(
            client, service, demo_login(project / service.cwd), authorization["Authorization"]
        )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_contract(api: Api, case: dict[str, Any]) -> None:
    placeholders = Case(api)
    for setup in case.get("setup", []):
        answer = placeholders.send(setup, auth="token")
        assert answer.status_code == 201, answer.text
    answer = placeholders.send(case["request"], auth=case["request"].get("auth"))
    check(answer, placeholders.fill(case["expect"]))
