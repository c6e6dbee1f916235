"""The page's assets, shipped inside the package (no CDN: the page works offline).

Read once, served from memory; only the files in ``static/`` exist, so an asset name can
never reach anything else.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files

from starlette.exceptions import HTTPException
from starlette.responses import Response

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}
# The page talks to this server only: no inline script, no third-party anything.
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@cache
def load() -> dict[str, bytes]:
    """Every asset by file name."""
    folder = files("scaffold.web") / "static"
    return {item.name: item.read_bytes() for item in folder.iterdir() if item.is_file()}


def response(name: str) -> Response:
    body = load().get(name)
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if body is None or suffix not in _TYPES:
        raise HTTPException(404, f"No asset {name[:80]!r}.")
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    # Revalidated on every load (an upgraded scaffold serves new assets), cheap with ETag.
    headers = {**HEADERS, "ETag": etag, "Cache-Control": "no-cache"}
    return Response(body, media_type=_TYPES[suffix], headers=headers)


def page_weight() -> int:
    """Bytes the page loads: every asset (the benchmark's figure)."""
    return sum(len(body) for body in load().values())
