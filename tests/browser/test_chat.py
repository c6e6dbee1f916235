"""The node-express chat in a real browser: two people talk; what they type stays text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.projects import generate, install, serve

pytestmark = [pytest.mark.browser, pytest.mark.spinup]

MAX_MESSAGE_LENGTH = 500  # src/chat/schema.ts
XSS = "<img src=x onerror=window.__xss=1>"


@pytest.fixture(scope="module")
def chat_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = generate(tmp_path_factory.mktemp("chat"), "node-express", features=("chat",))
    install(project, "node-express")
    with serve(project, "node-express") as url:
        yield f"{url}/chat"


def join(context: BrowserContext, url: str, name: str) -> Page:
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#status")).to_have_text("Connected")
    page.fill("#name", name)
    return page


def say(page: Page, text: str) -> None:
    page.fill("#text", text)
    page.click("button[type=submit]")


def test_a_message_from_one_page_appears_in_the_other(
    context: BrowserContext, chat_url: str
) -> None:
    alice = join(context, chat_url, "Alice")
    bob = join(context, chat_url, "Bob")

    say(alice, "hello Bob")

    expect(bob.locator("#messages li").last).to_contain_text("Alice: hello Bob")
    expect(alice.locator("#text")).to_have_value("")  # sent, so the box was cleared


def test_markup_in_a_message_is_shown_as_text_and_runs_nothing(
    context: BrowserContext, chat_url: str
) -> None:
    mallory = join(context, chat_url, "Mallory")
    bob = join(context, chat_url, "Bob")

    say(mallory, XSS)

    expect(bob.locator("#messages li").last).to_contain_text(XSS)
    for page in (bob, mallory):
        assert page.locator("#messages img").count() == 0
        assert page.evaluate("typeof window.__xss") == "undefined"


def test_an_over_long_message_is_refused_with_a_visible_reason(
    context: BrowserContext, chat_url: str
) -> None:
    alice = join(context, chat_url, "Alice")
    bob = join(context, chat_url, "Bob")
    before = bob.locator("#messages li").count()

    say(alice, "x" * (MAX_MESSAGE_LENGTH + 1))

    status = alice.locator("#status")
    expect(status).to_have_text(f"Message is too long (max {MAX_MESSAGE_LENGTH} characters)")
    expect(status).to_have_class("error")
    expect(alice.locator("#text")).not_to_have_value("")  # kept, to be shortened
    say(alice, "short enough")
    expect(bob.locator("#messages li").last).to_contain_text("Alice: short enough")
    assert bob.locator("#messages li").count() == before + 1  # the long one never arrived
