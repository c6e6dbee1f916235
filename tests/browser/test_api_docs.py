"""The API docs pages in a real browser: fully rendered with nothing fetched from beyond
this machine, and "Try it out" on list students shows the starter data."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Route, expect

from tests.support.projects import generate, install, serve

pytestmark = [pytest.mark.browser, pytest.mark.spinup]

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# stack: (docs page, Swagger UI's element id for the "list students" operation)
DOCS = {
    "fastapi": ("/docs", "operations-students-listStudents"),
    "django-drf": ("/api/docs/", "operations-students-listStudents"),
}


@pytest.fixture(scope="module", params=list(DOCS))
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    stack: str = request.param
    project = generate(tmp_path_factory.mktemp(stack), stack, features=("students",))
    install(project, stack)
    with serve(project, stack) as url:
        yield stack, url


def test_docs_work_offline_and_try_it_out_lists_the_starter_students(
    context: BrowserContext, served: tuple[str, str]
) -> None:
    stack, url = served
    docs_path, operation_id = DOCS[stack]
    beyond_loopback: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            beyond_loopback.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    page = context.new_page()
    page.goto(url + docs_path)

    operation = page.locator(f"#{operation_id}")
    expect(page.locator(".swagger-ui .info .title")).to_be_visible()
    expect(operation).to_be_visible()
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()

    response = operation.locator(".live-responses-table .response-col_description pre").first
    expect(response).to_contain_text("Rahul")
    expect(response).to_contain_text("Priya")
    page.wait_for_load_state("networkidle")
    assert beyond_loopback == []
