import json
import logging

import pytest
from fastapi.testclient import TestClient

from app.request_log import JsonFormatter


def request_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "app.request_log"]


def test_a_request_id_is_generated_and_echoed(client: TestClient) -> None:
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]

    assert len(first) == 32
    assert first != second


def test_the_callers_request_id_is_kept(client: TestClient) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "trace-42.a:b"})

    assert response.headers["X-Request-ID"] == "trace-42.a:b"


@pytest.mark.parametrize("offered", ["a b", "x" * 129, 'quote"', "new\tline"], ids=repr)
def test_an_insane_request_id_is_replaced(client: TestClient, offered: str) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": offered})

    assert response.headers["X-Request-ID"] != offered
    assert len(response.headers["X-Request-ID"]) == 32


def test_errors_carry_the_request_id_too(client: TestClient) -> None:
    response = client.get("/api/nowhere", headers={"X-Request-ID": "abc123"})

    assert response.status_code == 404
    assert response.headers["X-Request-ID"] == "abc123"


def test_one_line_per_request_with_its_fields(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.request_log")

    client.get("/api/nowhere", headers={"X-Request-ID": "abc123"})

    [record] = request_lines(caplog)
    assert (record.method, record.path, record.status) == ("GET", "/api/nowhere", 404)
    assert record.request_id == "abc123"
    assert record.duration_ms >= 0


def test_json_lines_carry_the_request_fields(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.request_log")

    client.get("/healthz?secret=1", headers={"X-Request-ID": "abc123"})

    [record] = request_lines(caplog)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc123"
    assert line["method"] == "GET"
    assert line["path"] == "/healthz"  # never the query string
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert {"time", "level", "logger", "message"} <= set(line)
