from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from realtime.tokens import TOKEN_LIFETIME, issue_chat_token


class ChatTokenView(APIView):
    """A token that lets the signed-in user join the chat; it expires in five minutes."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={
            200: inline_serializer(
                "ChatToken",
                {"token": serializers.CharField(), "expires_in": serializers.IntegerField()},
            ),
            401: OpenApiResponse(description="Not signed in."),
        }
    )
    def get(self, request: Request) -> Response:
        body = {
            "token": issue_chat_token(request.user),
            "expires_in": int(TOKEN_LIFETIME.total_seconds()),
        }
        return Response(body, headers={"Cache-Control": "no-store"})


# DRF's login page admits every user (the admin's only staff), then comes back here.
@never_cache
@login_required(login_url="rest_framework:login")
def chat(request: HttpRequest) -> HttpResponse:
    """Send the user to the chat page of the real-time service, with a fresh token.

    The token travels in the URL fragment, which browsers never send to a server.
    """
    return redirect(f"{settings.REALTIME_URL}/chat#token={issue_chat_token(request.user)}")
