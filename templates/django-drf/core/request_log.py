"""One log line per request, tagged with a request id that the response echoes.

The id comes from the caller's ``X-Request-ID`` (a proxy or another service) when it is a
sane token, else a fresh UUID; it goes back in the response's ``X-Request-ID`` so a
client can quote it. ``LOG_FORMAT=json`` (settings.LOGGING) writes each line as JSON.
"""

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# What a caller may choose: short, printable, nothing that could forge a log line.
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# The fields of a request line, beyond the message; JsonFormatter writes them as keys.
FIELDS = ("request_id", "method", "path", "status", "duration_ms")

logger = logging.getLogger(__name__)


def request_id(offered: str | None) -> str:
    """The caller's id when it is sane, else a new one."""
    if offered and SANE_ID.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """First in MIDDLEWARE, so its duration covers everything after it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request.request_id = request_id(request.headers.get(HEADER))
        response = self.get_response(request)
        response[HEADER] = request.request_id
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        # The path without its query string: queries can carry what logs must not keep.
        fields = {
            "request_id": request.request_id,
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": duration_ms,
        }
        logger.info(
            "%s %s %s %sms request_id=%s",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            request.request_id,
            extra=fields,
        )
        return response


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and request fields if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)
