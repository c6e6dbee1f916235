"""Request limits, before any route runs: the API only reads, with short queries."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

from .params import MAX_QUERY

_READ = {"GET", "HEAD"}


class LimitRequests:
    """Refuse request bodies (413), other methods than GET/HEAD (405) and long query
    strings (414) with the API's error shape."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = _refusal(scope)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        status, message = refusal
        body = json.dumps({"error": {"message": message, "fix": "Use GET with short answers."}})
        headers = [(b"content-type", b"application/json"), (b"allow", b"GET, HEAD")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body.encode()})


def _refusal(scope: Scope) -> tuple[int, str] | None:
    if scope["method"] not in _READ:
        return 405, f"Method {scope['method'][:10]} is not allowed; the API only reads."
    if len(scope.get("query_string", b"")) > MAX_QUERY:
        return 414, f"The query string is longer than {MAX_QUERY} bytes."
    headers = dict(scope["headers"])
    if headers.get(b"content-length", b"0") not in {b"0", b""} or b"transfer-encoding" in headers:
        return 413, "Requests carry no body here."
    return None
