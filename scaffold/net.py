"""Loopback networking: requests that never go through a proxy, waiting until a server
answers, and free ports.

Servers scaffold starts listen on 127.0.0.1; an HTTP(S)_PROXY set for the outside world
(a classroom behind a proxy, the offline tests) must not see those requests.
"""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping

DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    """Whether a server could listen on ``port`` now (connections in TIME_WAIT don't count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def request(
    method: str,
    url: str,
    body: object = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 10,
) -> tuple[int, object]:
    """One HTTP request straight to loopback; (status, decoded JSON or text).

    Raises URLError/OSError when nothing answers; an HTTP error status is returned.
    """
    data = json.dumps(body).encode() if body is not None else None
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with DIRECT.open(req, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    text = raw.decode(errors="replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def status(url: str, timeout: float = 2) -> int:
    """The HTTP status ``url`` answers with; 0 when nothing answers."""
    try:
        with DIRECT.open(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError):
        return 0


def wait_until_answers(
    url: str,
    *,
    accept: Callable[[int], bool],
    timeout: float,
    exit_code: Callable[[], int | None] = lambda: None,
    interval: float = 0.05,
) -> str | None:
    """Poll ``url`` until ``accept(status)``; None then, else why not.

    ``exit_code`` is the server process's (``Popen.poll``): a server that died is
    reported at once instead of waiting out the timeout.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code = exit_code()
        if code is not None:
            return f"exited with code {code}"
        answered = status(url)
        if answered and accept(answered):
            return None
        time.sleep(interval)
    return f"did not answer {url} within {timeout:.0f}s"
