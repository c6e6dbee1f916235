import json
import logging

import pytest

from core.request_log import JsonFormatter

pytestmark = pytest.mark.django_db


def request_lines(caplog):
    return [record for record in caplog.records if record.name == "core.request_log"]


def test_a_request_id_is_generated_and_echoed(client):
    first = client.get("/healthz/")["X-Request-ID"]
    second = client.get("/healthz/")["X-Request-ID"]

    assert len(first) == 32
    assert first != second


def test_the_callers_request_id_is_kept(client):
    response = client.get("/healthz/", HTTP_X_REQUEST_ID="trace-42.a:b")

    assert response["X-Request-ID"] == "trace-42.a:b"


@pytest.mark.parametrize("offered", ["a b", "x" * 129, "line\nbreak", 'quote"', ""], ids=repr)
def test_an_insane_request_id_is_replaced(client, offered):
    response = client.get("/healthz/", HTTP_X_REQUEST_ID=offered)

    assert response["X-Request-ID"] != offered
    assert len(response["X-Request-ID"]) == 32


def test_one_line_per_request_with_its_fields(client, caplog):
    caplog.set_level(logging.INFO, logger="core.request_log")

    client.get("/api/nowhere", HTTP_X_REQUEST_ID="abc123")

    [record] = request_lines(caplog)
    assert (record.method, record.path, record.status) == ("GET", "/api/nowhere", 404)
    assert record.request_id == "abc123"
    assert record.duration_ms >= 0


def test_json_lines_carry_the_request_fields(client, caplog):
    caplog.set_level(logging.INFO, logger="core.request_log")

    client.get("/healthz/?secret=1", HTTP_X_REQUEST_ID="abc123")

    [record] = request_lines(caplog)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc123"
    assert line["method"] == "GET"
    assert line["path"] == "/healthz/"  # never the query string
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert {"time", "level", "logger", "message"} <= set(line)
