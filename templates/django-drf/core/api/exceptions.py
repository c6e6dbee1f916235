"""One error body for the whole API: ``{"error": {"code", "message", "fields"?}}``.

``exception_handler`` is DRF's EXCEPTION_HANDLER; the JSON 404 and 500 pages for /api/
paths (config/urls.py) use ``error_response`` too. Each status has one fixed ``code``
(see README, "Errors"); ``fields`` appears with ``invalid`` only.
"""

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.db.models import ProtectedError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"
    default_detail = "The request body is too large."


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "The request conflicts with the data as it is."


class InvalidCredentials(exceptions.AuthenticationFailed):
    default_code = "invalid_credentials"
    default_detail = "Wrong username or password."


# DRF's own exceptions, by exact class; any other (your own included) gives its default_code.
CODES = {
    exceptions.ParseError: "malformed_json",
    exceptions.ValidationError: "invalid",
    exceptions.NotAuthenticated: "unauthorized",
    exceptions.AuthenticationFailed: "unauthorized",
    exceptions.PermissionDenied: "forbidden",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.NotAcceptable: "not_acceptable",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.Throttled: "too_many_requests",
}
INVALID_MESSAGE = "The request is invalid."


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if fields is not None:
        error["fields"] = fields
    return {"error": error}


def error_response(status_code: int, code: str, message: str) -> JsonResponse:
    """The error body outside DRF (plain Django views)."""
    return JsonResponse(error_body(code, message), status=status_code)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, reshaped: every APIException becomes the one error body."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, ProtectedError):  # a row that others refer to (on_delete=PROTECT)
        exc = Conflict("Other rows refer to this one: delete or change them first.")
    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: Django's 500 handling takes over

    headers = {}
    if auth_header := getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = auth_header
    if wait := getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(wait))

    if isinstance(exc, exceptions.ValidationError):
        message, fields = _first_messages(exc.detail)
        body = error_body(CODES.get(type(exc), exc.default_code), message, fields)
        status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    else:
        code = CODES.get(type(exc), exc.default_code)
        body = error_body(code, _text(exc.detail) or str(exc.default_detail))
        status_code = exc.status_code

    set_rollback()
    return Response(body, status=status_code, headers=headers)


def _first_messages(detail: Any) -> tuple[str, dict[str, str]]:
    """The message for people and the first message of each offending field.

    Errors about the body as a whole (it is not an object, say) come under DRF's
    non-field key or as a plain list; they become the message and leave ``fields`` empty.
    """
    if not isinstance(detail, dict):
        return _text(detail) or INVALID_MESSAGE, {}
    overall = detail.get(api_settings.NON_FIELD_ERRORS_KEY)
    fields = {
        str(name): _text(errors)
        for name, errors in detail.items()
        if name != api_settings.NON_FIELD_ERRORS_KEY
    }
    return _text(overall) or INVALID_MESSAGE, fields


def _text(detail: Any) -> str:
    """The first message in a DRF error detail (a string, or lists and dicts of them)."""
    if isinstance(detail, dict):
        detail = list(detail.values())
    if isinstance(detail, list):
        return next((text for item in detail if (text := _text(item))), "")
    return str(detail) if detail else ""
