from typing import Any

from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed


class BearerTokenAuthentication(TokenAuthentication):
    """DRF's token authentication with the standard scheme: ``Authorization: Bearer KEY``.

    First in DEFAULT_AUTHENTICATION_CLASSES, so a 401 answers ``WWW-Authenticate: Bearer``.
    """

    keyword = "Bearer"

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        # Keys are 40 letters and digits: anything else (a NUL, which PostgreSQL would
        # refuse with an error) is turned away without a query.
        if not (key.isascii() and key.isalnum() and len(key) <= 40):
            raise AuthenticationFailed("Invalid token.")
        return super().authenticate_credentials(key)
