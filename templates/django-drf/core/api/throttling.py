"""Failed logins per client: after LOGIN_ATTEMPTS within LOGIN_WINDOW_SECONDS, 429."""

from typing import Any

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class LoginThrottle(SimpleRateThrottle):
    """DRF's throttle, counting failed logins only.

    Checking a request does not count it; the view calls ``record_failure`` when the
    credentials are wrong, so people and scripts that log in correctly are never slowed
    down. The client is the peer address (``NUM_PROXIES`` in REST_FRAMEWORK says how many
    proxies' X-Forwarded-For to trust). The history lives in Django's cache: per process
    with the default local-memory cache; set CACHES to a shared one to count across
    processes.
    """

    scope = "login"

    def get_rate(self) -> str:
        return f"{settings.LOGIN_ATTEMPTS}/{settings.LOGIN_WINDOW_SECONDS}"

    def parse_rate(self, rate: str) -> tuple[int, int]:
        attempts, seconds = rate.split("/")
        return int(attempts), int(seconds)

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def throttle_success(self) -> bool:
        return True  # a check is not an attempt: see record_failure

    def record_failure(self, request: Request, view: Any) -> None:
        if self.allow_request(request, view):  # loads this client's recent failures
            super().throttle_success()  # and adds this one
