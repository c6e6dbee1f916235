from rest_framework.authentication import TokenAuthentication


class BearerTokenAuthentication(TokenAuthentication):
    """DRF's token authentication with the standard scheme: ``Authorization: Bearer KEY``.

    First in DEFAULT_AUTHENTICATION_CLASSES, so a 401 answers ``WWW-Authenticate: Bearer``.
    """

    keyword = "Bearer"
