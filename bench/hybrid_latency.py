"""Event latency Django → chat client in a hybrid project, over HTTP and over Redis.

Renders and installs a hybrid project in a temp dir and starts it twice: first with the
default HTTP delivery, then with REDIS_URL set (a Redis server is started for it). A
Socket.IO client joins the chat with a chat token; students are then created through
the API one at a time, and each `student.created` system message is timed:

- commit → client: from the event's `occurredAt` (stamped by Django when the transaction
  commits, just before delivery) to its arrival at the client;
- request → client: from sending the API request to the arrival (includes Django's own
  request handling).

Run from the repository root: .venv/bin/python -m bench.hybrid_latency [-n 200]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import queue
import secrets
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import socketio  # type: ignore[import-untyped]

SUPERUSER = {
    "DJANGO_SUPERUSER_USERNAME": "bench",
    "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(16),
    "DJANGO_SUPERUSER_EMAIL": "bench@example.com",
}
WARM_UP = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="events per transport")
    args = parser.parse_args()
    # A private template store, as the tests use, so no user's store is touched.
    os.environ.setdefault("SCAFFOLD_HOME", tempfile.mkdtemp(prefix="scaffold-home-"))
    from tests.support import prerequisites, services
    from tests.support.projects import generate, install

    with tempfile.TemporaryDirectory(prefix="hybrid-bench-") as tmp:
        print("Rendering and installing a hybrid project…", flush=True)
        project = generate(Path(tmp), "hybrid")
        install(project, "hybrid")
        report("HTTP", measure(project, SUPERUSER, args.n))
        redis_server = prerequisites.require_tool("redis-server")
        with services.redis_server(redis_server) as redis_url:
            report("Redis", measure(project, {**SUPERUSER, "REDIS_URL": redis_url}, args.n))


def measure(project: Path, env: dict[str, str], count: int) -> dict[str, list[float]]:
    from tests.support.projects import serve_all

    timings: dict[str, list[float]] = {"commit → client": [], "request → client": []}
    with serve_all(project, "hybrid", env=env) as urls, signed_in(urls) as (backend, auth, chat):
        for i in range(WARM_UP + count):
            started = time.time()
            response = backend.post(
                "/api/students/", json={"name": f"Bench {i}", "grade": "B"}, headers=auth
            )
            response.raise_for_status()
            arrived, event = chat.get(timeout=10)
            assert event["data"]["id"] == response.json()["id"], "events out of order"
            if i >= WARM_UP:
                occurred = datetime.fromisoformat(event["occurredAt"]).timestamp()
                timings["commit → client"].append(arrived - occurred)
                timings["request → client"].append(arrived - started)
    return timings


Arrivals = queue.Queue[tuple[float, dict[str, Any]]]


@contextlib.contextmanager
def signed_in(urls: dict[str, str]) -> Iterator[tuple[httpx.Client, dict[str, str], Arrivals]]:
    with httpx.Client(base_url=urls["backend"], timeout=30) as backend:
        credentials = {
            "username": SUPERUSER["DJANGO_SUPERUSER_USERNAME"],
            "password": SUPERUSER["DJANGO_SUPERUSER_PASSWORD"],
        }
        api_token = backend.post("/api/auth/token/", json=credentials).json()["token"]
        auth = {"Authorization": f"Bearer {api_token}"}
        chat_token = backend.get("/api/chat/token/", headers=auth).json()["token"]
        # Arrival is stamped in the event handler: SimpleClient.receive() can wake late.
        arrivals: Arrivals = queue.Queue()
        chat = socketio.Client()
        chat.on("system", lambda data: arrivals.put((time.time(), data)))
        chat.connect(urls["realtime"], transports=["websocket"], auth={"token": chat_token})
        try:
            yield backend, auth, arrivals
        finally:
            chat.disconnect()


def report(transport: str, timings: dict[str, list[float]]) -> None:
    for name, values in timings.items():
        ms = sorted(v * 1000 for v in values)
        p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
        print(
            f"{transport:5}  {name:16}  n={len(ms)}  median {statistics.median(ms):6.2f} ms"
            f"  p99 {p99:6.2f} ms  max {ms[-1]:6.2f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
