import jwt
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from realtime.tokens import issue_chat_token

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("realtime:chat-token")
CHAT_URL = reverse("realtime:chat")


def decode(token: str, secret: str) -> dict:
    return jwt.decode(token, secret, algorithms=["HS256"], audience="chat")


def test_signed_in_users_get_a_five_minute_token(token_client, user, settings):
    response = token_client.get(TOKEN_URL)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["expires_in"] == 300
    claims = decode(body["token"], settings.CHAT_TOKEN_SECRET)
    assert claims["username"] == user.username
    assert claims["sub"] == str(user.pk)
    assert claims["exp"] - claims["iat"] == 300


def test_session_users_get_one_too(api_client, user, settings):
    api_client.force_login(user)

    response = api_client.get(TOKEN_URL)

    assert response.status_code == 200
    assert decode(response.json()["token"], settings.CHAT_TOKEN_SECRET)["username"] == user.username


def test_anonymous_users_get_none(api_client):
    response = api_client.get(TOKEN_URL)

    assert response.status_code == 401
    assert "token" not in response.json()


def test_another_secret_does_not_verify_the_token(token_client):
    token = token_client.get(TOKEN_URL).json()["token"]

    with pytest.raises(jwt.InvalidSignatureError):
        decode(token, "some-other-secret-that-is-long-enough-0123456789")


def test_no_token_is_signed_without_a_secret(user, settings):
    settings.CHAT_TOKEN_SECRET = ""

    with pytest.raises(ImproperlyConfigured):
        issue_chat_token(user)


def test_the_chat_page_asks_anonymous_users_to_sign_in(client):
    response = client.get(CHAT_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('rest_framework:login')}?next={CHAT_URL}"


def test_signing_in_leads_back_to_the_chat(client, user):
    response = client.post(
        reverse("rest_framework:login"),
        {"username": user.username, "password": "correct horse battery staple", "next": CHAT_URL},
    )

    assert response.status_code == 302
    assert response.url == CHAT_URL


def test_the_chat_page_hands_signed_in_users_to_the_realtime_service(client, user, settings):
    client.force_login(user)

    response = client.get(CHAT_URL)

    assert response.status_code == 302
    page, _, fragment = response.url.partition("#")
    assert page == "http://realtime.test/chat"
    assert fragment.startswith("token=")
    claims = decode(fragment.removeprefix("token="), settings.CHAT_TOKEN_SECRET)
    assert claims["username"] == user.username
