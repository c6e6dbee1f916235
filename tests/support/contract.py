"""Checking an answer against a contract case's ``expect`` (docs/contract/*.yaml)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from scaffold.stacks import STACKS

FORGED = "Bearer forged-0123456789abcdef0123456789abcdef"
# Stacks with a service serving the starter API (and the resources a user adds), and that service.
API_STACKS = {
    name: next(s for s in stack.services for u in s.urls if u.feature == "students")
    for name, stack in STACKS.items()
    if "students" in stack.features
}
# Where each stack's API service serves its OpenAPI document (drf-spectacular's is YAML).
OPENAPI = {"django-drf": "/api/schema/", "hybrid": "/api/schema/"} | dict.fromkeys(
    ("fastapi", "node-express"), "/openapi.json"
)


def auth_headers(
    kind: str | None, authorization: str, username: str, password: str
) -> dict[str, str]:
    """A case's ``auth``: token (the demo user's), forged, other-scheme, or none."""
    scheme = {
        None: None,
        "token": authorization,
        "forged": FORGED,
        "other-scheme": f"Basic {username}:{password}",
    }[kind]
    return {"authorization": scheme} if scheme else {}


def without_ids(value: Any) -> Any:
    """The body with every object's ``id`` checked to be a positive int, then removed, and
    every datetime (which must be UTC, ``…Z``) turned into the instant it names."""
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    if isinstance(value, dict):
        if "id" in value:
            assert isinstance(value["id"], int) and value["id"] > 0, value
        return {k: without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, str) and len(value) > 10 and value[10:11] == "T" and value[:4].isdigit():
        assert value.endswith("Z"), f"{value} is not in UTC"
        return datetime.fromisoformat(value).astimezone(UTC)
    return value


def check(response: httpx.Response, expect: dict[str, Any]) -> None:
    """Status, error code and message, the exact set of ``fields``, the body, headers, and
    the methods a 405's ``Allow`` lists."""
    assert response.status_code == expect["status"], response.text[:500]
    if expect["status"] == 204:
        assert response.content == b""
        return
    body = response.json()
    if "code" in expect:
        assert set(body) == {"error"}, body
        assert body["error"]["code"] == expect["code"], body
        assert isinstance(body["error"]["message"], str) and body["error"]["message"], body
    if "fields" in expect:
        assert set(body["error"].get("fields", {})) == set(expect["fields"]), body
    if "body" in expect:
        assert without_ids(body) == without_ids(expect["body"]), body
    if expect.get("token"):
        assert set(body) == {"token"} and isinstance(body["token"], str) and body["token"], body
    for header in expect.get("headers", []):
        assert header in response.headers, dict(response.headers)
    if "allow" in expect:
        assert allowed(response) == set(expect["allow"]), dict(response.headers)


# Served by the framework for every path (Django and Express list them), never documented.
IMPLICIT_METHODS = frozenset({"HEAD", "OPTIONS"})


def allowed(response: httpx.Response) -> set[str]:
    """The methods the ``Allow`` header lists, HEAD and OPTIONS aside."""
    listed = {method.strip().upper() for method in response.headers.get("allow", "").split(",")}
    return listed - IMPLICIT_METHODS - {""}
