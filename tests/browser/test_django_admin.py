"""The Django admin in a real browser: sign in, add Products, find one by search and by filter."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.django_admin import SUPERUSER
from tests.support.projects import generate, install, serve

pytestmark = [pytest.mark.browser, pytest.mark.spinup]

# The first superuser comes from these (ensure_superuser runs when the service is prepared).


@pytest.fixture(scope="module")
def admin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = generate(tmp_path_factory.mktemp("admin"), "django-drf", features=("admin",))
    install(project, "django-drf")
    with serve(project, "django-drf", env=SUPERUSER) as url:
        yield f"{url}/admin/"


def sign_in(context: BrowserContext, admin_url: str) -> Page:
    page = context.new_page()
    page.goto(admin_url)
    page.fill("#id_username", SUPERUSER["DJANGO_SUPERUSER_USERNAME"])
    page.fill("#id_password", SUPERUSER["DJANGO_SUPERUSER_PASSWORD"])
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    expect(page.locator("#user-tools")).to_contain_text(SUPERUSER["DJANGO_SUPERUSER_USERNAME"])
    return page


def add_product(page: Page, name: str, price: str, *, in_stock: bool) -> None:
    page.click("a.addlink[href$='/catalog/product/add/']")
    page.wait_for_url("**/catalog/product/add/")
    page.fill("#id_name", name)
    page.fill("#id_description", f"{name}, for the classroom")
    page.fill("#id_price", price)
    page.set_checked("#id_in_stock", in_stock)
    # On a loaded machine a keystroke can land before the form is ready: check what is sent.
    expect(page.locator("#id_name")).to_have_value(name)
    expect(page.locator("#id_price")).to_have_value(price)
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")


def expect_listed(page: Page, *names: str) -> None:
    expect(page.locator("#result_list tbody .field-name")).to_have_text(list(names))


def test_create_a_product_and_find_it_by_search_and_by_filter(
    context: BrowserContext, admin_url: str
) -> None:
    page = sign_in(context, admin_url)
    page.click("a[href$='/catalog/product/']")
    add_product(page, "Graph paper notebook", "3.75", in_stock=True)
    add_product(page, "Fountain pen", "12.00", in_stock=False)
    expect_listed(page, "Fountain pen", "Graph paper notebook")  # ordered by name

    page.fill("#searchbar", "graph paper")
    page.click("#changelist-search input[type=submit]")
    expect_listed(page, "Graph paper notebook")
    expect(page.locator("#result_list tbody tr")).to_contain_text("3.75")

    page.goto(admin_url + "catalog/product/")
    page.locator("#changelist-filter details[data-filter-title='in stock']").get_by_role(
        "link", name="No", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"in_stock__exact=0"))
    expect_listed(page, "Fountain pen")


def test_the_project_user_model_is_administered(context: BrowserContext, admin_url: str) -> None:
    """New projects' users.User, under its own app, with Django's user admin."""
    page = sign_in(context, admin_url)
    page.click("a[href$='/users/user/']")
    expect(page).to_have_url(re.compile(r"/admin/users/user/$"))
    expect(page.locator("#result_list tbody th.field-username")).to_have_text(
        [SUPERUSER["DJANGO_SUPERUSER_USERNAME"]]
    )
    page.click("a.addlink[href$='/users/user/add/']")
    expect(page.locator("#id_password1")).to_be_visible()
