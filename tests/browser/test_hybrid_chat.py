"""The hybrid in a real browser: sign in at Django, land in the Node chat, and see a
Product created in the Django admin arrive there as a system message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.support.django_admin import PASSWORD, SUPERUSER, USERNAME
from tests.support.projects import generate, install, serve_all

pytestmark = [pytest.mark.browser, pytest.mark.spinup]


@pytest.fixture(scope="module")
def urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    project = generate(tmp_path_factory.mktemp("hybrid"), "hybrid")
    install(project, "hybrid")
    with serve_all(project, "hybrid", env=SUPERUSER) as urls:
        yield urls


def test_a_product_created_in_the_admin_appears_in_the_open_chat_page(
    context: BrowserContext, urls: dict[str, str]
) -> None:
    chat = context.new_page()
    chat.goto(f"{urls['backend']}/chat/")  # Django asks us to sign in first
    chat.fill("#id_username", USERNAME)
    chat.fill("#id_password", PASSWORD)
    chat.click("input[type=submit], button[type=submit]")
    chat.wait_for_url(f"{urls['realtime']}/chat*")
    expect(chat.locator("#status")).to_have_text("Connected")
    assert "token=" not in chat.url, "the token is removed from the address bar"

    admin = context.new_page()  # same browser session: already signed in
    admin.goto(f"{urls['backend']}/admin/catalog/product/add/")
    admin.fill("#id_name", "Protractor set")
    admin.fill("#id_price", "4.20")
    admin.click("input[name=_save]")
    expect(admin.locator(".messagelist")).to_contain_text("Protractor set")

    expect(chat.locator("#messages li.system").last).to_contain_text("Protractor set")


def test_the_chat_page_without_signing_in_offers_the_sign_in_link_and_no_chat(
    context: BrowserContext, urls: dict[str, str]
) -> None:
    page = context.new_page()
    page.goto(f"{urls['realtime']}/chat")
    expect(page.locator("#sign-in")).to_be_visible()
    expect(page.locator("#status")).not_to_have_text("Connected")
