"""Hostile input: schemathesis attacks each generated API, with a teacher and a course
added (every field type and a reference), from its own OpenAPI schema, once
openapi-spec-validator has found that schema valid.

Every schemathesis phase runs (the schema's examples; boundary and schema-violating
"coverage" cases; random fuzzing; stateful create-read-update-delete sequences), with at
most MAX_EXAMPLES examples per operation and phase, and every check (tests/support/
fuzzing.py says which one is left out, and why). Whatever comes in:
- no response is a server error (5xx), every status is documented, every response matches
  what the schema documents for it (body, content type, headers);
- schema-violating requests are refused; a method the path does not serve is a 405 whose
  `Allow` lists the path's methods.
Every run sends the demo user's Bearer token, so writes are fuzzed too, not just refused.
The number of cases each run made is in the "schemathesis cases" summary section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from scaffold.stacks import STACKS
from tests.support import prerequisites
from tests.support.contract import OPENAPI
from tests.support.fuzzing import fuzz
from tests.support.projects import demo_authorization, generate, install, serve
from tests.support.resources import add_teacher_and_course

pytestmark = [pytest.mark.security, pytest.mark.spinup]


RecordProperty = Callable[[str, object], None]
# stack: its features (Django's admin has its own pages, not in the API's schema)
TARGETS = {
    "fastapi": ("students",),
    "django-drf": ("students", "admin"),
    "node-express": ("students",),
}


@pytest.fixture(scope="module", params=list(TARGETS))
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """A served project of the stack with a teacher and a course added, and the demo user's
    Authorization header for it, so the write operations are reached, not just refused."""
    stack = request.param
    project = generate(tmp_path_factory.mktemp(f"fuzz-{stack}"), stack, features=TARGETS[stack])
    install(project, stack)
    add_teacher_and_course(project)
    with serve(project, stack) as url:
        yield url, demo_authorization(url, project, STACKS[stack].services[0])["Authorization"]


def test_the_openapi_document_passes_openapi_spec_validator(
    target: tuple[str, str], request: pytest.FixtureRequest
) -> None:
    validator = prerequisites.require_module("openapi_spec_validator")
    url, _ = target
    answer = httpx.get(
        url + OPENAPI[request.node.callspec.params["target"]], timeout=30, trust_env=False
    )
    assert answer.status_code == 200, answer.text
    validator.validate(yaml.safe_load(answer.text))  # JSON, or drf-spectacular's YAML


def test_the_api_survives_schemathesis(
    target: tuple[str, str],
    request: pytest.FixtureRequest,
    tmp_path: Path,
    record_property: RecordProperty,
) -> None:
    url, authorization = target
    stack = request.node.callspec.params["target"]
    run = fuzz(url + OPENAPI[stack], tmp_path, headers=[f"Authorization: {authorization}"])
    record_property("schemathesis_cases", run.cases)
    assert run.passed, run.output
