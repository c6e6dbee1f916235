"""`scaffold web` for a room: Explore of a configuration nobody asked for yet, a cached
zip, thirty participants downloading one configuration at once, and the page's weight.

    .venv/bin/python -m bench.web [--repeat 3]

Targets (issue 16): Explore ≤ 1.5 s, cached zip ≤ 50 ms, 30 concurrent downloads ≤ 3 s
in total, page ≤ 300 kB. The server is the real command (`scaffold web`, uvicorn).
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import count
from pathlib import Path

import httpx

from bench.common import SCAFFOLD, free_port, machine, process, table, timed, wait_200
from scaffold.stacks import STACKS

_names = count()


def fresh(stack: str) -> str:
    """Answers no one has asked for: a new project name makes a new configuration."""
    return f"stack={stack}&name=bench-{time.time_ns() % 10**9}-{next(_names)}"


def explore(http: httpx.Client, query: str) -> float:
    """What the page waits for: the file list, then the README's text."""
    started = time.perf_counter()
    assert http.get(f"/api/files?{query}").status_code == 200
    assert http.get(f"/api/file?{query}&path=README.md").status_code == 200
    return time.perf_counter() - started


def downloads(base: str, query: str, clients: int) -> float:
    """Wall time for ``clients`` participants each downloading ``query``'s zip at once."""

    def one(_: int) -> int:
        with httpx.Client(base_url=base, trust_env=False, timeout=60) as http:
            answer = http.get(f"/starter.zip?{query}")
            assert answer.status_code == 200, answer.text
            return len(answer.content)

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(clients)))
    return time.perf_counter() - started


def page_weight(http: httpx.Client) -> int:
    page = http.get("/").text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
    return len(page.encode()) + sum(len(http.get(a).content) for a in assets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    print(f"Machine: {machine()}\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with (
        tempfile.TemporaryDirectory() as cwd,
        process([SCAFFOLD, "web", "--port", str(port)], Path(cwd)) as server,
        httpx.Client(base_url=base, trust_env=False, timeout=60) as http,
    ):
        wait_200(f"{base}/api/catalogue", server, 60)
        for stack in STACKS:  # let the start-up renders of the first views finish
            explore(http, f"stack={stack}")
        rows = []
        for stack in STACKS:
            times = [explore(http, fresh(stack)) for _ in range(repeat)]
            rows.append([f"Explore, new configuration ({stack})", _s(times), "≤ 1.5 s"])
        cached = fresh("hybrid")
        explore(http, cached)
        zips = [timed(lambda: http.get(f"/starter.zip?{cached}")) for _ in range(20)]
        rows.append(
            ["zip of a rendered configuration (hybrid, median of 20)", _ms(zips), "≤ 50 ms"]
        )
        for stack in ("fastapi", "hybrid"):
            cold = downloads(base, fresh(stack), 30)
            rows.append(
                [f"30 concurrent downloads, never rendered ({stack})", f"{cold:.2f} s", "≤ 3 s"]
            )
        warm = downloads(base, cached, 30)
        rows.append(["30 concurrent downloads, rendered (hybrid)", f"{warm:.2f} s", "≤ 3 s"])
        weight = page_weight(http)
        rows.append(["page weight (HTML + CSS + JS)", f"{weight / 1024:.1f} kB", "≤ 300 kB"])
    print(table(["measure", "figure", "target"], rows))


def _s(times: list[float]) -> str:
    return f"{statistics.median(times):.2f} s (median of {len(times)}; max {max(times):.2f})"


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.1f} ms (max {max(times) * 1000:.1f})"


if __name__ == "__main__":
    main()
