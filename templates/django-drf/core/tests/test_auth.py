import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("api-token")


def test_token_for_valid_credentials(api_client):
    user = UserFactory(username="ada")

    response = api_client.post(
        TOKEN_URL, {"username": "ada", "password": "correct horse battery staple"}, format="json"
    )

    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=user).key}


@pytest.mark.parametrize(
    "body",
    [{"username": "ada", "password": "wrong"}, {"username": "ada"}, {}],
    ids=["wrong password", "no password", "empty"],
)
def test_no_token_without_valid_credentials(api_client, body):
    UserFactory(username="ada")

    response = api_client.post(TOKEN_URL, body, format="json")

    assert response.status_code == 400
    assert not Token.objects.exists()


def test_token_endpoint_rejects_malformed_json(api_client):
    response = api_client.post(TOKEN_URL, "{", content_type="application/json")

    assert response.status_code == 400


def test_superuser_can_log_in_to_admin(client):
    UserFactory(username="boss", is_staff=True, is_superuser=True)

    response = client.post(
        reverse("admin:login"),
        {"username": "boss", "password": "correct horse battery staple", "next": "/admin/"},
    )

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_refuses_ordinary_users(client):
    UserFactory(username="visitor")

    response = client.post(
        reverse("admin:login"),
        {"username": "visitor", "password": "correct horse battery staple"},
    )

    assert response.status_code == 200  # the login form again
    assert client.get(reverse("admin:index")).status_code == 302
