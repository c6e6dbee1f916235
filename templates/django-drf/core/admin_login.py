"""The admin's login page, with the API's limit on failed logins (core/api/throttling.py)."""

import math

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from core.api.throttling import LoginThrottle


def admin_login(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
    """Django admin's own login view; a client past the limit gets 429 with Retry-After.

    A failed login is the form shown again (200) after a POST; success redirects.
    """
    if request.method != "POST":
        return admin.site.login(request, extra_context)
    throttle = LoginThrottle()
    if not throttle.allow_request(request, None):
        wait = math.ceil(throttle.wait() or 1)
        return HttpResponse(
            f"Too many failed logins: try again in {wait} seconds.",
            status=429,
            content_type="text/plain; charset=utf-8",
            headers={"Retry-After": str(wait)},
        )
    response = admin.site.login(request, extra_context)
    if response.status_code == 200:
        throttle.record_failure(request, None)
    return response
