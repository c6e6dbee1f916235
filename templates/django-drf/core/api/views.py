from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.authentication import BearerTokenAuthentication
from core.api.exceptions import InvalidCredentials, PayloadTooLarge
from core.api.serializers import TokenRequestSerializer
from core.api.throttling import LoginThrottle

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class JSONBodyMixin:
    """For views whose writes take a JSON body; checks what DRF lets through.

    The size comes first, from Content-Length, before authentication or anything else
    reads the body. DRF then reads an empty body, or one without a Content-Type, as
    ``{}``: here the first is malformed JSON (400) and the second unsupported (415).
    """

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        if _content_length(request) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            raise PayloadTooLarge(
                f"The request body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes."
            )
        super().initial(request, *args, **kwargs)
        # A method the path does not serve is DRF's 405 (with Allow) whatever the body is.
        if request.method in BODY_METHODS and hasattr(self, request.method.lower()):
            if request.stream is None:
                raise ParseError("The request body is empty: send a JSON object.")
            if not request.content_type:
                raise UnsupportedMediaType("", "Send the body as application/json.")


def _content_length(request: Request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class ResourceViewSet(JSONBodyMixin, viewsets.ModelViewSet):
    """A resource's API as the contract has it: anyone may read, signed-in users (a Bearer
    token or a session) may write (settings: DEFAULT_PERMISSION_CLASSES), a list is a page
    (core/api/pagination.py), a 201 names the new row's URL in Location, and deleting a row
    that other rows refer to is a 409 (core/api/exceptions.py). Order the queryset by id,
    so that pages are stable."""

    def get_success_headers(self, data: Any) -> dict[str, str]:
        return {"Location": reverse(f"api:{self.basename}-detail", args=[data["id"]])}


class TokenView(JSONBodyMixin, APIView):
    """Exchange a username and password for the user's API token (one per user)."""

    # The credentials are in the body: a stale token or session must not get in the way.
    authentication_classes = []
    permission_classes = []
    # Too many wrong passwords from one client: 429 with Retry-After until the window passes.
    throttle_classes = [LoginThrottle]

    def get_authenticate_header(self, request: Request) -> str:
        # Sent with a 401 (without it DRF would turn wrong credentials into a 403).
        return BearerTokenAuthentication.keyword

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: OpenApiResponse(description="The body is not JSON."),
            401: OpenApiResponse(description="Wrong username or password."),
            413: OpenApiResponse(description="The body is larger than 64 KiB."),
            415: OpenApiResponse(description="The body is not application/json."),
            422: OpenApiResponse(description="A field is missing, not a string, or unknown."),
            429: OpenApiResponse(description="Too many failed logins: wait Retry-After seconds."),
        },
        auth=[],
    )
    def post(self, request: Request) -> Response:
        credentials = TokenRequestSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request, **credentials.validated_data)
        if user is None:  # unknown, inactive or wrong password: the same answer
            LoginThrottle().record_failure(request, self)
            raise InvalidCredentials()
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key}, headers={"Cache-Control": "no-store"})
