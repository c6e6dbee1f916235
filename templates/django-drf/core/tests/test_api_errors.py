"""The API's one error body, {"error": {"code", "message", "fields"?}}, for every failure
that is not about a particular resource (the token endpoint stands in for any write)."""

import json

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.exceptions import ValidationError

from core.api.exceptions import exception_handler
from core.views import server_error

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("api-token")


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    return error


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"username": ', b"\xff\xfe{}", b"", b"NaN", b"[" * 60_000],
    ids=["bad syntax", "cut short", "not UTF-8", "empty", "NaN", "nested too deeply"],
)
def test_a_body_that_is_not_json_is_a_400(api_client, body):
    response = api_client.generic("POST", TOKEN_URL, body, content_type="application/json")

    error = assert_error(response, 400, "malformed_json")
    assert "fields" not in error


@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", ""],
)
def test_a_body_that_is_not_declared_json_is_a_415(api_client, content_type):
    response = api_client.generic("POST", TOKEN_URL, b"username=ada", content_type=content_type)

    assert_error(response, 415, "unsupported_media_type")


@pytest.mark.parametrize("body", [b"[1, 2]", b'"ada"', b"null", b"42"])
def test_json_that_is_not_an_object_is_a_422_with_no_fields(api_client, body):
    response = api_client.generic("POST", TOKEN_URL, body, content_type="application/json")

    error = assert_error(response, 422, "invalid")
    assert error["fields"] == {}


def test_a_body_over_64_kib_is_a_413(api_client):
    body = b'{"username": "' + b"x" * 65_536 + b'", "password": "x"}'

    response = api_client.generic("POST", TOKEN_URL, body, content_type="application/json")

    assert_error(response, 413, "payload_too_large")


def test_a_body_of_exactly_64_kib_is_read(api_client):
    head, tail = b'{"username": "', b'", "password": "x"}'
    body = head + b"x" * (65_536 - len(head) - len(tail)) + tail

    response = api_client.generic("POST", TOKEN_URL, body, content_type="application/json")

    assert_error(response, 401, "invalid_credentials")


def test_a_method_the_path_does_not_offer_is_a_405(api_client):
    assert_error(api_client.get(TOKEN_URL), 405, "method_not_allowed")


@pytest.mark.parametrize("path", ["/api/no-such-thing/", "/api/no/such/thing", "/api/x.json"])
def test_an_unknown_api_path_is_a_json_404(api_client, path):
    assert_error(api_client.get(path), 404, "not_found")
    assert_error(api_client.post(path, {}), 404, "not_found")


@override_settings(DEBUG=True)
def test_an_unknown_api_path_is_a_json_404_while_debugging(api_client):
    assert_error(api_client.get("/api/no-such-thing/"), 404, "not_found")


def test_other_unknown_paths_get_django_pages(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_crash_under_api_is_a_json_500(rf):
    response = server_error(rf.get("/api/students/"))

    assert response.status_code == 500
    assert json.loads(response.content)["error"]["code"] == "server_error"


def test_nested_errors_give_their_first_message():
    detail = {"items": [{}, {"name": ["Too long."]}], "non_field_errors": ["Check the items."]}

    response = exception_handler(ValidationError(detail), {})

    assert response.status_code == 422
    assert response.data == {
        "error": {
            "code": "invalid",
            "message": "Check the items.",
            "fields": {"items": "Too long."},
        }
    }
