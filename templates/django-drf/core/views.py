from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from core.api.exceptions import error_response


def home(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello World from Django!", content_type="text/plain")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 once the database answers a query, 503 when it does not (load balancers, Docker)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


# It changes nothing, and API clients send a token, not a CSRF cookie: without this, a
# write to a path no route matched would be Django's HTML 403 instead of this 404.
@csrf_exempt
def api_not_found(request: HttpRequest, *args: object, **kwargs: object) -> JsonResponse:
    """Any /api/ path no route matched: a JSON 404, also while DEBUG is on, for any method.

    Paths under /api/ end with a slash; an API answers 404 rather than redirecting.
    """
    return error_response(404, "not_found", "There is no such path in this API.")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler404: JSON under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return api_not_found(request)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: JSON under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return error_response(500, "server_error", "Something went wrong on our side.")
    return defaults.server_error(request)
