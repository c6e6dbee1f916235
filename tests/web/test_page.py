"""The `scaffold web` page in headless Chromium, as a workshop participant uses it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from typer.testing import CliRunner

from scaffold.cli import app as cli_app
from scaffold.recommend import Needs, recommend

pytestmark = [pytest.mark.web, pytest.mark.browser]

RENDER = 30_000  # ms: a new configuration renders in a second, more on a busy machine
NODE_DEFAULTS = (
    "scaffold new my-project --stack node-express --features students,chat --db sqlite --lang ts"
)


def open_page(context: BrowserContext, server: str, query: str = "") -> Page:
    """The page at ``?query``, once Explore shows a file."""
    page = context.new_page()
    page.goto(f"{server}/{'?' + query if query else ''}")
    expect(page.locator("#tree button[aria-current=true]")).to_have_count(1, timeout=RENDER)
    return page


def explored(page: Page) -> set[str]:
    return set(page.locator("#tree button").evaluate_all("bs => bs.map(b => b.dataset.path)"))


def listed(server: str, query: str) -> set[str]:
    answer = httpx.get(f"{server}/api/files?{query}", trust_env=False, timeout=60).json()
    return {f["path"] for f in answer["files"]}


def test_answers_show_the_recommendation_with_every_reason(
    context: BrowserContext, server: str
) -> None:
    page = open_page(context, server)
    page.get_by_label("JavaScript / TypeScript").check()
    page.get_by_label("Real-time features").check()
    expect(page.locator("#rec-stack")).to_contain_text("(node-express)")
    reasons = recommend(Needs(team="js", realtime=True)).reasons
    expect(page.locator("#rec-reasons li")).to_have_text(list(reasons))
    expect(page.get_by_label("Node.js + Express (recommended)")).to_be_checked()


def test_changing_a_feature_or_the_stack_updates_explore(
    context: BrowserContext, server: str
) -> None:
    page = open_page(context, server, "team=js&needs=realtime")
    expect(page.locator("#use-recommended")).to_be_hidden()
    chat_files = {p for p in explored(page) if "chat" in p}
    assert chat_files
    page.get_by_label("Socket.IO chat").uncheck()
    expect(page.locator("#tree button[data-path*=chat]")).to_have_count(0, timeout=RENDER)
    assert explored(page) == listed(server, "stack=node-express&features=students&name=my-project")

    page.get_by_label("FastAPI").check()  # pick another
    expect(page.locator("#tree button[data-path='alembic.ini']")).to_have_count(1, timeout=RENDER)
    expect(page.locator("#use-recommended")).to_be_visible()
    page.locator("#use-recommended").click()
    expect(page.get_by_label("Node.js + Express (recommended)")).to_be_checked()
    expect(page.locator("#use-recommended")).to_be_hidden()
    expect(page.locator("#tree button[data-path*=chat]").first).to_be_attached(timeout=RENDER)


def test_opening_a_file_shows_its_text_highlighted(context: BrowserContext, server: str) -> None:
    page = open_page(context, server, "team=js")
    page.locator("#tree button[data-path='src/app.ts']").click()
    expect(page.locator("#file-path")).to_contain_text("src/app.ts")
    expect(page.locator("#tree button[aria-current=true]")).to_have_text("app.ts")
    text = httpx.get(
        f"{server}/api/file?stack=node-express&name=my-project&path=src/app.ts", trust_env=False
    ).text
    expect(page.locator("#file")).to_have_text(text)
    assert page.locator("#file .k").count() > 5  # keywords
    assert page.locator("#file .s").count() > 0  # strings
    assert "file=src/app.ts" in page.url


def test_copy_puts_the_exact_command_on_the_clipboard_and_it_works(
    context: BrowserContext, server: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = open_page(context, server, "team=js")
    page.get_by_role("button", name="Copy command").click()
    expect(page.locator("#copied")).to_contain_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == NODE_DEFAULTS
    dest = tmp_path_factory.mktemp("copied") / "my-project"
    made = CliRunner().invoke(
        cli_app, [*shlex.split(copied)[1:], "--no-install", "--dest", str(dest)]
    )
    assert made.exit_code == 0, made.output
    assert {p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()} >= explored(
        page
    )


def test_a_shared_link_restores_every_answer(
    context: BrowserContext, browser: Browser, server: str
) -> None:
    page = open_page(context, server)
    page.get_by_label("Python", exact=True).check()
    page.get_by_label("No frontend (API only)").check()
    page.get_by_label("An admin panel over the data").check()
    page.get_by_label("AI / machine learning").check()
    expect(page.locator("#rec-stack")).to_contain_text("(django-drf)")
    expect(page.locator("#lang")).to_be_hidden()  # Django has no Node code
    page.get_by_label("Hybrid").check()  # pick another
    page.get_by_label("Product admin").uncheck()
    page.get_by_label("JavaScript", exact=True).check()  # its realtime/ in JavaScript
    page.get_by_label("postgres").check()
    page.get_by_label("Project name").fill("shop")
    expect(page.locator("#command")).to_have_value(
        "scaffold new shop --stack hybrid --features students,chat --db postgres --lang js",
        timeout=RENDER,
    )
    page.locator("#tree button[data-path='backend/manage.py']").click()
    expect(page.locator("#file-path")).to_contain_text("backend/manage.py")
    shared = page.url

    fresh = open_page(browser.new_context(), server, urlsplit(shared).query)
    for label in ("Python", "No frontend (API only)", "An admin panel over the data"):
        expect(fresh.get_by_label(label, exact=label == "Python")).to_be_checked()
    expect(fresh.get_by_label("AI / machine learning")).to_be_checked()
    expect(fresh.get_by_label("Real-time features")).not_to_be_checked()
    expect(fresh.get_by_label("Hybrid")).to_be_checked()
    expect(fresh.get_by_label("Product admin")).not_to_be_checked()
    expect(fresh.get_by_label("Socket.IO chat")).to_be_checked()
    expect(fresh.get_by_label("JavaScript", exact=True)).to_be_checked()
    expect(fresh.get_by_label("postgres")).to_be_checked()
    expect(fresh.get_by_label("Project name")).to_have_value("shop")
    expect(fresh.locator("#file-path")).to_contain_text("backend/manage.py")
    expect(fresh.locator("#command")).to_have_value(
        "scaffold new shop --stack hybrid --features students,chat --db postgres --lang js"
    )
    fresh.context.close()


def test_a_bad_name_shows_the_clis_message_and_fix_and_blocks_the_download(
    context: BrowserContext, server: str
) -> None:
    page = open_page(context, server)
    page.get_by_label("Project name").fill("My Shop")
    expect(page.get_by_role("alert")).to_have_text(
        "Invalid project name 'My Shop': it contains spaces. Use 1-50 lowercase letters, "
        "digits and single dashes, starting with a letter (e.g. my-shop)."
    )
    expect(page.get_by_role("link", name="Download zip")).to_have_attribute("aria-disabled", "true")
    page.get_by_label("Project name").fill("my-shop")
    expect(page.get_by_role("alert")).to_be_hidden()
    expect(page.locator("#command")).to_have_value(
        re.compile("^scaffold new my-shop "), timeout=RENDER
    )


def test_the_page_fits_a_phone_uses_only_scaffold_and_labels_every_control(
    context: BrowserContext, server: str
) -> None:
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server)
    expect(page.locator("#tree button[aria-current=true]")).to_have_count(1, timeout=RENDER)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert all(url.startswith(server) or url.startswith("data:") for url in requested)
    unlabelled = page.evaluate(
        """[...document.querySelectorAll('input, select, textarea')]
             .filter(el => !el.labels?.length && !el.getAttribute('aria-label'))
             .map(el => el.id)"""
    )
    assert unlabelled == []
    nameless = page.evaluate(
        "[...document.querySelectorAll('button, a')].filter(el => !el.textContent.trim())"
        ".map(el => el.outerHTML)"
    )
    assert nameless == []


def test_the_keyboard_alone_answers_and_downloads(context: BrowserContext, server: str) -> None:
    page = open_page(context, server)
    page.get_by_label("JavaScript / TypeScript").focus()
    page.keyboard.press("Space")
    expect(page.locator("#rec-stack")).to_contain_text("(node-express)")
    chat = page.get_by_label("Socket.IO chat")
    chat.focus()
    page.keyboard.press("Space")  # off: Explore follows, the focus stays where it was
    expect(page.locator("#tree button[data-path*=chat]")).to_have_count(0, timeout=RENDER)
    expect(chat).to_be_focused()
    expect(chat).not_to_be_checked()
    page.locator("#download").focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "my-project.zip"


@pytest.mark.parametrize("scheme, width", [("light", 1280), ("dark", 375)])
def test_axe_finds_no_accessibility_violation(
    browser: Browser, server: str, axe_script: Path, scheme: str, width: int
) -> None:
    context = browser.new_context(  # axe is injected: the page's own CSP would refuse it
        bypass_csp=True, color_scheme=scheme, viewport={"width": width, "height": 900}
    )
    page = open_page(context, server, "team=js&needs=realtime&file=src/app.js")
    page.add_script_tag(path=axe_script)
    rules = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    result = page.evaluate("rules => axe.run(document, {runOnly: rules})", rules)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    context.close()
