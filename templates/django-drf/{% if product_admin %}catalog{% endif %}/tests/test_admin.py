from decimal import Decimal

import pytest
from django.urls import reverse

from catalog.models import Product
from catalog.tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:catalog_product_changelist")


def test_staff_can_add_a_product(admin_client):
    response = admin_client.post(
        reverse("admin:catalog_product_add"),
        {"name": "Notebook", "description": "A5, dotted", "price": "4.50", "in_stock": "on"},
    )

    assert response.status_code == 302
    product = Product.objects.get(name="Notebook")
    assert product.price == Decimal("4.50")
    assert product.created_at is not None


def test_negative_price_is_rejected(admin_client):
    response = admin_client.post(
        reverse("admin:catalog_product_add"), {"name": "Refund", "price": "-1"}
    )

    assert response.status_code == 200  # the form again, with the error
    assert not Product.objects.filter(name="Refund").exists()


def test_changelist_shows_name_and_price(admin_client):
    ProductFactory(name="Desk lamp", price=Decimal("19.99"))

    response = admin_client.get(CHANGELIST)

    assert response.status_code == 200
    assert "Desk lamp" in response.text
    assert "19.99" in response.text


def test_changelist_search(admin_client):
    ProductFactory(name="Blue pen")
    ProductFactory(name="Red stapler")

    response = admin_client.get(CHANGELIST, {"q": "stapler"})

    assert [str(p) for p in response.context["cl"].result_list] == ["Red stapler"]


def test_changelist_filter_by_stock(admin_client):
    ProductFactory(name="Available", in_stock=True)
    ProductFactory(name="Sold out", in_stock=False)

    response = admin_client.get(CHANGELIST, {"in_stock__exact": "0"})

    assert [str(p) for p in response.context["cl"].result_list] == ["Sold out"]


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(CHANGELIST)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
