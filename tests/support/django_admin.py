"""Talking to a generated Django backend as a browser does: the env-made superuser, the
admin login with its CSRF cookie and form field."""

from __future__ import annotations

import re
import secrets

import httpx

# The first superuser comes from these (ensure_superuser runs in the service's prepare).
SUPERUSER = {
    "DJANGO_SUPERUSER_USERNAME": "teacher",
    "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(16),
    "DJANGO_SUPERUSER_EMAIL": "teacher@example.com",
}
USERNAME = SUPERUSER["DJANGO_SUPERUSER_USERNAME"]
PASSWORD = SUPERUSER["DJANGO_SUPERUSER_PASSWORD"]


def csrf_field(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF field in the form"
    return match.group(1)


def admin_login(http: httpx.Client, username: str = USERNAME, password: str = PASSWORD) -> None:
    """GET the login form (sets the csrftoken cookie), POST it back with the field."""
    page = http.get("/admin/login/")
    assert page.status_code == 200
    assert "csrftoken" in http.cookies
    response = http.post(
        "/admin/login/",
        data={
            "csrfmiddlewaretoken": csrf_field(page.text),
            "username": username,
            "password": password,
            "next": "/admin/",
        },
    )
    assert response.status_code == 302, "admin login failed"
    assert response.headers["location"] == "/admin/"


def submit_admin_form(http: httpx.Client, url: str, fields: dict[str, str]) -> httpx.Response:
    """Fill an admin add/change form at ``url`` and save it; the admin answers 302."""
    form = http.get(url)
    saved = http.post(url, data={"csrfmiddlewaretoken": csrf_field(form.text), **fields})
    assert saved.status_code == 302, saved.text
    return saved


def api_token_header(
    http: httpx.Client, username: str = USERNAME, password: str = PASSWORD
) -> dict[str, str]:
    """The user's API token, as the Authorization header that carries it (Bearer)."""
    response = http.post("/api/auth/token/", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}
