"""Hostile input: schemathesis attacks each generated API from its own OpenAPI schema,
once openapi-spec-validator has found that schema valid.

Every schemathesis phase runs (the schema's examples; boundary and schema-violating
"coverage" cases; random fuzzing; stateful create-read-update-delete sequences), with at
most 50 examples per operation and phase. Whatever comes in:
- no response is a server error (5xx);
- every response matches what the schema documents for it (body, content type, headers);
- FastAPI and Express document every status they answer, so an undocumented status code
  fails too. drf-spectacular documents only the success responses, so for django-drf the
  4xx answers are checked for being 4xx (not 5xx), not against the schema.
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
from tests.support.fuzzing import CONFORMANCE, STRICT, fuzz
from tests.support.projects import demo_authorization, generate, install, serve

pytestmark = [pytest.mark.security, pytest.mark.spinup]


RecordProperty = Callable[[str, object], None]
# stack: (features, the checks it must pass)
TARGETS = {
    "fastapi": (("students",), STRICT),
    "django-drf": (("students", "admin"), CONFORMANCE),
    # Built from its zod schemas.
    "node-express": (("students",), STRICT),
}


@pytest.fixture(scope="module", params=list(TARGETS))
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """A served project of the stack, and the demo user's Authorization header for it, so
    the write operations are reached, not just refused."""
    stack = request.param
    features, _ = TARGETS[stack]
    project = generate(tmp_path_factory.mktemp(f"fuzz-{stack}"), stack, features=features)
    install(project, stack)
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


def test_the_students_api_survives_schemathesis(
    target: tuple[str, str],
    request: pytest.FixtureRequest,
    tmp_path: Path,
    record_property: RecordProperty,
) -> None:
    url, authorization = target
    stack = request.node.callspec.params["target"]
    _, checks = TARGETS[stack]
    run = fuzz(
        url + OPENAPI[stack], tmp_path, checks=checks, headers=[f"Authorization: {authorization}"]
    )
    record_property("schemathesis_cases", run.cases)
    assert run.passed, run.output
