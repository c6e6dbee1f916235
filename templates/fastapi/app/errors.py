"""A 422 handler whose response can always be rendered.

FastAPI's default 422 echoes the rejected input, and two kinds of valid request bodies
make that echo fail with a 500: a lone surrogate (`"\\ud800"`), which UTF-8 cannot
encode, and `NaN`/`Infinity`, which Python's JSON parser accepts but JSON forbids.
"""

import json
import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


class SafeJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        # ASCII escapes (\ud800) keep lone surrogates representable.
        return json.dumps(_finite(content), separators=(",", ":")).encode()


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    return SafeJSONResponse(status_code=422, content={"detail": jsonable_encoder(exc.errors())})


def add_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error_handler)  # type: ignore[arg-type]
