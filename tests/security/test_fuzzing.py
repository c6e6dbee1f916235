"""Hostile input: schemathesis attacks each generated API from its own OpenAPI schema.

Every schemathesis phase runs (the schema's examples; boundary and schema-violating
"coverage" cases; random fuzzing; stateful create-read-update-delete sequences), with at
most 50 examples per operation and phase. Whatever comes in:
- no response is a server error (5xx);
- every response matches what the schema documents for it (body, content type, headers);
- FastAPI and Express document every status they answer, so an undocumented status code
  fails too. drf-spectacular documents only the success responses, so for django-drf the
  4xx answers are checked for being 4xx (not 5xx), not against the schema.
The number of cases each run made is in the "schemathesis cases" summary section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.django_admin import SUPERUSER, api_token_header
from tests.support.fuzzing import CONFORMANCE, STRICT, fuzz
from tests.support.projects import generate, install, serve

pytestmark = [pytest.mark.security, pytest.mark.spinup]


RecordProperty = Callable[[str, object], None]


def served(
    parent: Path, stack: str, features: tuple[str, ...], env: dict[str, str] | None = None
) -> Iterator[str]:
    project = generate(parent, stack, features=features)
    install(project, stack)
    with serve(project, stack, env=env) as url:
        yield url


@pytest.fixture(scope="module")
def fastapi_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from served(tmp_path_factory.mktemp("fuzz-fastapi"), "fastapi", ("students",))


@pytest.fixture(scope="module")
def django_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    parent = tmp_path_factory.mktemp("fuzz-django")
    yield from served(parent, "django-drf", ("students", "admin"), env=SUPERUSER)


@pytest.fixture(scope="module")
def express_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from served(tmp_path_factory.mktemp("fuzz-express"), "node-express", ("students",))


def test_fastapi_students_api(
    fastapi_url: str, tmp_path: Path, record_property: RecordProperty
) -> None:
    run = fuzz(f"{fastapi_url}/openapi.json", tmp_path, checks=STRICT)
    record_property("schemathesis_cases", run.cases)
    assert run.passed, run.output


def test_django_drf_students_api_with_a_token(
    django_url: str, tmp_path: Path, record_property: RecordProperty
) -> None:
    """Signed in with a DRF token, so the write operations are reached, not just refused."""
    with httpx.Client(base_url=django_url, timeout=30) as http:
        auth = api_token_header(http)
    run = fuzz(
        f"{django_url}/api/schema/",
        tmp_path,
        checks=CONFORMANCE,
        headers=[f"Authorization: {auth['Authorization']}"],
    )
    record_property("schemathesis_cases", run.cases)
    assert run.passed, run.output


def test_express_students_api(
    express_url: str, tmp_path: Path, record_property: RecordProperty
) -> None:
    """From the description the project serves at /openapi.json (built from its zod schemas)."""
    run = fuzz(f"{express_url}/openapi.json", tmp_path, checks=STRICT)
    record_property("schemathesis_cases", run.cases)
    assert run.passed, run.output
