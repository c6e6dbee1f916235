"""Delivery of domain events; only the outgoing HTTP call and the Redis client are mocked."""

import json
import logging
import urllib.error
from datetime import datetime
from unittest import mock

import pytest
import redis
from django.db import transaction

from realtime import events

EVENT = {"type": "product.created", "text": "New product: Lamp at 19.99", "data": {"id": 1}}


def test_events_are_posted_with_the_shared_secret(urlopen, settings):
    events.deliver(EVENT)

    request = urlopen.call_args.args[0]
    assert request.full_url == "http://realtime.test/internal/events"
    assert request.get_method() == "POST"
    assert request.get_header("Authorization") == f"Bearer {settings.INTERNAL_EVENTS_SECRET}"
    assert request.get_header("Content-type") == "application/json"
    assert urlopen.call_args.kwargs["timeout"] == events.TIMEOUT_SECONDS
    body = json.loads(request.data)
    assert {k: body[k] for k in EVENT} == EVENT
    assert datetime.fromisoformat(body["occurredAt"]).tzinfo is not None


@pytest.mark.parametrize(
    "failure",
    [
        urllib.error.URLError("connection refused"),
        urllib.error.HTTPError("http://realtime.test", 401, "Unauthorized", None, None),
        TimeoutError("timed out"),
    ],
    ids=["unreachable", "refused", "timeout"],
)
def test_a_failed_delivery_is_logged_not_raised(urlopen, caplog, failure):
    urlopen.side_effect = failure

    with caplog.at_level(logging.WARNING, logger="realtime.events"):
        events.deliver(EVENT)

    assert "product.created not delivered" in caplog.text


def test_nothing_is_sent_without_a_secret(urlopen, settings, caplog):
    settings.INTERNAL_EVENTS_SECRET = ""

    events.deliver(EVENT)

    assert not urlopen.called
    assert "INTERNAL_EVENTS_SECRET" in caplog.text


@pytest.mark.django_db
def test_publish_waits_for_the_commit(urlopen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        events.publish("student.created", "New student: Ada (grade A)", {"id": 7})
        assert not urlopen.called

    assert len(callbacks) == 1
    callbacks[0]()
    assert json.loads(urlopen.call_args.args[0].data)["data"] == {"id": 7}


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_is_never_announced(urlopen):
    with transaction.atomic():
        events.publish("student.created", "New student: Ada (grade A)")
        transaction.set_rollback(True)

    assert not urlopen.called


@pytest.fixture
def redis_client(settings):
    settings.REDIS_URL = "redis://redis.test:6379/0"
    with mock.patch("realtime.events.redis.Redis.from_url") as from_url:
        yield from_url.return_value


def test_with_redis_events_are_published_on_the_channel(redis_client, urlopen):
    events.deliver(EVENT)

    channel, body = redis_client.publish.call_args.args
    assert channel == "test:events"
    assert json.loads(body)["text"] == EVENT["text"]
    assert not urlopen.called


def test_a_redis_failure_is_logged_not_raised(redis_client, caplog):
    redis_client.publish.side_effect = redis.ConnectionError("connection refused")

    events.deliver(EVENT)

    assert "product.created not delivered" in caplog.text
