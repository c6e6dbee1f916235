"""Domain events for the real-time service, delivered once their transaction commits.

By default an event is POSTed to the service's internal endpoint with the shared secret;
with REDIS_URL set it is PUBLISHed on a channel every service process listens to.
Delivery is best effort: a failure is logged and never undoes or fails the save.
"""

import json
import logging
import urllib.request
from functools import cache
from typing import Any

import redis
from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# Short: delivery runs inside the request that made the change.
TIMEOUT_SECONDS = 2


def publish(event_type: str, text: str, data: dict[str, Any] | None = None) -> None:
    """Tell chat clients ``text`` once the current transaction (if any) commits."""
    event = {"type": event_type, "text": text, "data": data or {}}
    transaction.on_commit(lambda: deliver(event))


def deliver(event: dict[str, Any]) -> None:
    # The moment the change became visible to others.
    body = json.dumps({**event, "occurredAt": timezone.now().isoformat()})
    try:
        if settings.REDIS_URL:
            _redis(settings.REDIS_URL).publish(settings.EVENTS_CHANNEL, body)
        else:
            _post(body)
    except (OSError, redis.RedisError) as error:  # urllib's errors are OSErrors
        logger.warning("Event %s not delivered to the real-time service: %s", event["type"], error)


def _post(body: str) -> None:
    secret = settings.INTERNAL_EVENTS_SECRET
    if not secret:
        logger.error("INTERNAL_EVENTS_SECRET is not set: events are not sent.")
        return
    request = urllib.request.Request(  # noqa: S310 (REALTIME_URL comes from settings)
        f"{settings.REALTIME_URL}/internal/events",
        data=body.encode(),
        method="POST",
        headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310
        pass


@cache
def _redis(url: str) -> redis.Redis:
    # One client (and connection pool) per process, reused by every event.
    return redis.Redis.from_url(
        url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS
    )
