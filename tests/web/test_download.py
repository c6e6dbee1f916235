"""A participant's whole path: answer, download, unzip, then the README's own commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from scaffold import api
from scaffold.toolchain import PREFER_CACHE_ENV
from tests.support.prerequisites import require_node
from tests.support.projects import run
from tests.web.conftest import unzip
from tests.web.test_page import RENDER, open_page

pytestmark = [pytest.mark.web, pytest.mark.browser, pytest.mark.spinup]


def readme_commands(project: Path) -> tuple[str, str]:
    """The README's first two lines of shell: (install and run, test), comments dropped."""
    block = re.search(r"```sh\n(.*?)```", (project / "README.md").read_text(), re.DOTALL)
    assert block, "the README starts with a sh block"
    first, second = (line.split("#", 1)[0].strip() for line in block.group(1).splitlines()[:2])
    return first, second


# FastAPI without its students API: the students API's own suite is the spin-up tier's
# (three times this tier's whole budget on a busy machine); here the zip is what's tested.
@pytest.mark.parametrize(
    "answers, stack, unchecked, features",
    [
        ("team=python&needs=api-only", "fastapi", ["Students REST API"], ""),
        ("team=js", "node-express", [], "students,chat"),
    ],
)
def test_the_downloaded_zip_installs_updates_and_passes_its_tests(
    context: BrowserContext,
    server: str,
    tmp_path: Path,
    answers: str,
    stack: str,
    unchecked: list[str],
    features: str,
) -> None:
    if stack == "node-express":
        require_node()
    page = open_page(context, server, answers)
    expect(page.locator("#rec-stack")).to_contain_text(f"({stack})")
    for label in unchecked:
        page.get_by_label(label).uncheck()
    expect(page.get_by_role("link", name="Download zip")).to_have_attribute(
        "href", re.compile(f"features={features}&")
    )
    expect(page.locator("#tree button[aria-current=true]")).to_have_count(1, timeout=RENDER)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download zip").click()
    archive = tmp_path / download.value.suggested_filename
    download.value.save_as(archive)
    project = unzip(archive, tmp_path)

    assert run(project, "git", "status", "--porcelain").stdout == ""
    assert len(run(project, "git", "log", "--oneline").stdout.splitlines()) == 1
    updated = api.update_project(path=project)  # what `scaffold update` does
    assert updated.conflicts == ()

    install_and_run, test = readme_commands(project)
    install = install_and_run.split("&&")[0]  # the rest migrates and starts a server
    run(project, *shlex.split(install), env=PREFER_CACHE_ENV)
    run(project, *shlex.split(test), env=PREFER_CACHE_ENV)
