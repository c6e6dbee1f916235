"""Short-lived chat tokens: how the real-time service knows who is signed in here.

An HS256 JWT signed with CHAT_TOKEN_SECRET, which the service shares; it carries the
username (the name shown in the chat) and expires after a few minutes.
"""

from datetime import timedelta

import jwt
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

TOKEN_LIFETIME = timedelta(minutes=5)
AUDIENCE = "chat"


def issue_chat_token(user: AbstractBaseUser) -> str:
    secret = settings.CHAT_TOKEN_SECRET
    if not secret:
        raise ImproperlyConfigured("Set CHAT_TOKEN_SECRET (the same value in both .env files).")
    now = timezone.now()
    claims = {
        "sub": str(user.pk),
        "username": user.get_username(),
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + TOKEN_LIFETIME,
    }
    return jwt.encode(claims, secret, algorithm="HS256")
