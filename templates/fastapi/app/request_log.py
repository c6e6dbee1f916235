"""One log line per request, tagged with a request id that the response echoes.

The id comes from the caller's ``X-Request-ID`` (a proxy or another service) when it is a
sane token, else a fresh UUID; it goes back in the response's ``X-Request-ID`` so a
client can quote it. ``LOG_FORMAT=json`` writes every log line as a JSON object.
"""

import json
import logging
import logging.config
import re
import time
import uuid
from datetime import UTC, datetime

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
    """The outermost middleware, so its duration covers everything inside it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        rid = request_id(Headers(scope=scope).get(HEADER))
        scope.setdefault("state", {})["request_id"] = rid
        status = 500  # unless a response starts: an exception escaped the app

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            # The path without its query string: queries can carry what logs must not keep.
            fields = {
                "request_id": rid,
                "method": scope["method"],
                "path": scope["path"],
                "status": status,
                "duration_ms": duration_ms,
            }
            message = "%(method)s %(path)s %(status)s %(duration_ms)sms request_id=%(request_id)s"
            logger.info(message, fields, extra=fields)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and request fields if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def configure_logging(log_format: str) -> None:
    """Everything to stderr, as text or JSON lines; our request line replaces uvicorn's."""
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
                "json": {"()": JsonFormatter},
            },
            "handlers": {
                "console": {
                    "class": "logging.StreamHandler",
                    "formatter": "json" if log_format == "json" else "text",
                },
            },
            "root": {"handlers": ["console"], "level": "INFO"},
            "loggers": {
                "uvicorn": {"handlers": ["console"], "level": "INFO", "propagate": False},
                "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            },
        }
    )
