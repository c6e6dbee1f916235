import json
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from core.api.throttling import LoginThrottle
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("api-token")
PASSWORD = "correct horse battery staple"


def error_code(response) -> str:
    return response.json()["error"]["code"]


# The token endpoint: POST /api/auth/token/ {"username", "password"} -> {"token"}.


def test_token_for_valid_credentials(api_client):
    user = UserFactory(username="ada")

    response = api_client.post(TOKEN_URL, {"username": "ada", "password": PASSWORD})

    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=user).key}
    assert response["Cache-Control"] == "no-store"


def test_the_same_token_every_time(api_client):
    UserFactory(username="ada")
    credentials = {"username": "ada", "password": PASSWORD}

    first = api_client.post(TOKEN_URL, credentials).json()
    second = api_client.post(TOKEN_URL, credentials).json()

    assert first == second


@pytest.mark.parametrize(
    ("username", "password"),
    [("ada", "wrong"), ("nobody", PASSWORD), ("inactive", PASSWORD)],
    ids=["wrong password", "unknown user", "inactive user"],
)
def test_wrong_credentials_are_a_401(api_client, username, password):
    UserFactory(username="ada")
    UserFactory(username="inactive", is_active=False)

    response = api_client.post(TOKEN_URL, {"username": username, "password": password})

    assert response.status_code == 401
    assert error_code(response) == "invalid_credentials"
    assert not Token.objects.exists()


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"username": "ada"}, {"password"}),
        ({}, {"username", "password"}),
        ({"username": "ada", "password": 12345678}, {"password"}),
        ({"username": ["ada"], "password": PASSWORD}, {"username"}),
    ],
    ids=["no password", "empty", "number password", "list username"],
)
def test_missing_or_non_string_credentials_are_a_422(api_client, body, fields):
    UserFactory(username="ada")

    response = api_client.post(TOKEN_URL, body)

    assert response.status_code == 422
    assert error_code(response) == "invalid"
    assert set(response.json()["error"]["fields"]) == fields


def test_token_endpoint_rejects_malformed_json(api_client):
    response = api_client.post(TOKEN_URL, "{", content_type="application/json")

    assert response.status_code == 400
    assert error_code(response) == "malformed_json"


def test_a_stale_token_does_not_block_a_new_one(api_client):
    UserFactory(username="ada")
    api_client.credentials(HTTP_AUTHORIZATION="Bearer revoked-0123456789abcdef")

    response = api_client.post(TOKEN_URL, {"username": "ada", "password": PASSWORD})

    assert response.status_code == 200


# Using the token: `Authorization: Bearer KEY`, on any view that needs a user.


class WhoAmI(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"username": request.user.username})


def who_am_i(authorization: str | None = None):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = WhoAmI.as_view()(APIRequestFactory().get("/api/me/", **headers))
    return response.render()


def test_a_bearer_token_authenticates(user):
    token = Token.objects.create(user=user)

    response = who_am_i(f"Bearer {token.key}")

    assert response.status_code == 200
    assert json.loads(response.content) == {"username": user.username}


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer forged-0123456789abcdef",
        "Bearer",
        "Bearer two words",
        "Token {key}",
        "Basic YWRhOnNlY3JldA==",
        "Bearer nul\x00byte",
        "Bearer " + "a" * 41,
    ],
    ids=[
        "none",
        "unknown token",
        "no token",
        "spaces",
        "DRF's Token scheme",
        "Basic",
        "NUL",
        "too long",
    ],
)
def test_anything_else_is_a_401_asking_for_bearer(user, header):
    key = Token.objects.create(user=user).key

    response = who_am_i(header and header.format(key=key))

    assert response.status_code == 401
    assert json.loads(response.content)["error"]["code"] == "unauthorized"
    assert response["WWW-Authenticate"] == "Bearer"


# The admin: sessions, staff only.


def test_superuser_can_log_in_to_admin(client):
    UserFactory(username="boss", is_staff=True, is_superuser=True)

    response = client.post(
        reverse("admin:login"), {"username": "boss", "password": PASSWORD, "next": "/admin/"}
    )

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_refuses_ordinary_users(client):
    UserFactory(username="visitor")

    response = client.post(reverse("admin:login"), {"username": "visitor", "password": PASSWORD})

    assert response.status_code == 200  # the login form again
    assert client.get(reverse("admin:index")).status_code == 302


def test_admin_lists_and_adds_users(admin_client):
    UserFactory(username="listed")
    opts = get_user_model()._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    assert "listed" in admin_client.get(changelist).text
    response = admin_client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_add"),
        {
            "username": "added",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "usable_password": "true",
        },
    )

    assert response.status_code == 302
    assert get_user_model().objects.get(username="added").check_password(PASSWORD)


# Failed logins are throttled per client: LOGIN_ATTEMPTS within LOGIN_WINDOW_SECONDS.


@pytest.fixture
def login_limit(settings):
    settings.LOGIN_ATTEMPTS = 3
    settings.LOGIN_WINDOW_SECONDS = 60
    return settings


def fail_login(api_client, times: int, **headers):
    for _ in range(times):
        response = api_client.post(TOKEN_URL, {"username": "ada", "password": "wrong"}, **headers)
        assert response.status_code == 401


def test_too_many_failed_logins_are_a_429_with_retry_after(api_client, login_limit):
    UserFactory(username="ada")
    fail_login(api_client, 3)

    response = api_client.post(TOKEN_URL, {"username": "ada", "password": PASSWORD})

    assert response.status_code == 429
    assert error_code(response) == "too_many_requests"
    assert 1 <= int(response["Retry-After"]) <= 60


def test_successful_logins_do_not_count(api_client, login_limit):
    UserFactory(username="ada")
    for _ in range(5):
        response = api_client.post(TOKEN_URL, {"username": "ada", "password": PASSWORD})
        assert response.status_code == 200
    fail_login(api_client, 2)

    response = api_client.post(TOKEN_URL, {"username": "ada", "password": PASSWORD})

    assert response.status_code == 200


def test_the_limit_is_per_client(api_client, login_limit):
    UserFactory(username="ada")
    fail_login(api_client, 3, REMOTE_ADDR="203.0.113.1")

    response = api_client.post(
        TOKEN_URL, {"username": "ada", "password": PASSWORD}, REMOTE_ADDR="203.0.113.2"
    )

    assert response.status_code == 200


def test_a_forwarded_for_header_does_not_reset_the_count(api_client, login_limit):
    UserFactory(username="ada")
    fail_login(api_client, 3)

    response = api_client.post(
        TOKEN_URL, {"username": "ada", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )

    assert response.status_code == 429


def test_logins_work_again_after_the_window(api_client, login_limit):
    UserFactory(username="ada")
    fail_login(api_client, 3)

    with mock.patch.object(LoginThrottle, "timer", return_value=time.time() + 61):
        response = api_client.post(TOKEN_URL, {"username": "ada", "password": PASSWORD})

    assert response.status_code == 200


def test_the_admin_login_is_throttled_too(client, login_limit):
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    login = reverse("admin:login")
    for _ in range(3):
        assert client.post(login, {"username": "boss", "password": "wrong"}).status_code == 200

    response = client.post(login, {"username": "boss", "password": PASSWORD})

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert client.get(login).status_code == 200  # the page itself stays readable
