"""One body for every error: `{"error": {"code": ..., "message": ..., "fields": {...}}}`.

`code` is fixed per status (`not_found`, `invalid`, ...) so clients can branch on it;
`message` is a sentence for people; `fields` (422 only) maps each offending field, query
parameter or unknown key to what is wrong with it. Messages never echo the input: a
lone surrogate or a 10 kB string in a request can't break (or bloat) the response.
"""

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

CODES = {
    400: "malformed_json",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    500: "internal_error",
}
MESSAGES = {
    400: "The request body is not valid JSON.",
    401: "Authentication required: send Authorization: Bearer <token>.",
    404: "Not found.",
    405: "This method is not allowed here.",
    409: "The request conflicts with the data stored.",
    413: "The request body is too large.",
    415: "The request body must be JSON (Content-Type: application/json).",
    422: "The request is invalid.",
    429: "Too many failed attempts: wait Retry-After seconds, then try again.",
    500: "Something went wrong on our side.",
}
HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
DESCRIPTIONS = {
    400: "The body is not JSON (bad syntax, empty, not UTF-8)",
    401: "No valid Bearer token",
    404: "Nothing has this id",
    409: "Other rows refer to this one; change or delete them first",
    413: "The body is over 64 KiB",
    415: "The body is not application/json",
    422: "The request breaks a rule; `fields` says which",
    429: "Too many failed logins from this client; wait Retry-After seconds",
}


class ErrorDetail(BaseModel):
    code: str = Field(examples=["invalid"])
    message: str = Field(examples=["The request is invalid."])
    fields: dict[str, str] | SkipJsonSchema[None] = Field(
        None, description="Only with `invalid`: each offending field and what is wrong with it"
    )


class Error(BaseModel):
    """The body of every error response (documented in the OpenAPI schema)."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for these error statuses, so clients see every answer."""
    return {status: {"model": Error, "description": DESCRIPTIONS[status]} for status in statuses}


class ApiError(StarletteHTTPException):
    """An error answered with the shared body; `code` defaults to the status's code,
    `fields` (with 422) says what is wrong with which field."""

    def __init__(
        self,
        status_code: int,
        message: str | None = None,
        *,
        code: str | None = None,
        fields: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status_code, detail=message or MESSAGES.get(status_code), headers=headers)
        self.code = code or default_code(status_code)
        self.fields = fields


def default_code(status_code: int) -> str:
    """The code of a status: fixed above, else its name (403 -> `forbidden`)."""
    if status_code in CODES:
        return CODES[status_code]
    try:
        return HTTPStatus(status_code).name.lower()
    except ValueError:
        return "error"


def error_body(
    code: str, message: str, fields: dict[str, str] | None = None
) -> dict[str, dict[str, Any]]:
    error: dict[str, Any] = {"code": code, "message": message}
    if fields is not None:
        error["fields"] = fields
    return {"error": error}


def error_response(
    status_code: int,
    message: str | None = None,
    *,
    code: str | None = None,
    fields: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = error_body(
        code or default_code(status_code),
        message or MESSAGES.get(status_code, "The request failed."),
        fields,
    )
    return JSONResponse(body, status_code=status_code, headers=headers)


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if isinstance(exc, ApiError):
        return error_response(
            exc.status_code, exc.detail, code=exc.code, fields=exc.fields, headers=exc.headers
        )
    # Starlette's own errors (unknown path, wrong method) carry the bare HTTP phrase
    # ("Not Found"), replaced by a sentence; a plain HTTPException's own detail is kept.
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = ""
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    headers = exc.headers
    if exc.status_code == 405:
        headers = {**(headers or {}), "Allow": allowed_methods(request)}
    return error_response(exc.status_code, detail, headers=headers)


def allowed_methods(request: Request) -> str:
    """Every method the path is served with, asked of the router method by method.
    FastAPI declares one route per method, and the 405 it raises lists only the first
    route whose path matched (`Allow: GET` where POST is served too)."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in HTTP_METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes
        )
    )


def _field_message(error: dict[str, Any]) -> str:
    if error["type"] == "missing":
        return "This field is required."
    if error["type"] == "extra_forbidden":
        return "Unknown field."
    message = str(error["msg"])
    return message[:1].upper() + message[1:].rstrip(".") + "."


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(error["type"] == "json_invalid" for error in errors):
        return error_response(400)
    if any(error["loc"][0] == "path" for error in errors):
        # A path parameter that doesn't parse (`/api/students/abc`) names nothing.
        return error_response(404)
    fields: dict[str, str] = {}
    for error in errors:
        # loc is ("body" | "query" | ..., field, ...); ("body",) alone: not an object.
        loc = error["loc"]
        if len(loc) > 1 and isinstance(loc[1], str):
            fields.setdefault(loc[1], _field_message(error))
    message = None if fields else "The request body must be a JSON object."
    return error_response(422, message, fields=fields)


async def unexpected_error_handler(request: Request, exc: Exception) -> JSONResponse:
    # Runs outside every other handler; uvicorn logs the traceback after it answers.
    return error_response(500)


def add_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected_error_handler)
