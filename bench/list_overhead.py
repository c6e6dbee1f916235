"""What the generated students API costs per request over a minimal app of the same
framework serving the same answers (issue 24's "Speed" target: ratio >= 0.7).

Per stack: a generated project (default features, SQLite) under its production server as
`scaffold compare` starts it, one process (WEB_CONCURRENCY=1), and a minimal app of the
same framework (stdlib sqlite3 + FastAPI under the same uvicorn; node:sqlite + the
project's own Express) with no validation, auth or logging; its FastAPI handlers are
coroutines, the framework's floor (--sync-minimal: plain `def`s in the thread pool, as the
generated ones are). Both read the project's SQLite
file, to which 1,000 rows are added first, and answer the same JSON (checked before the
load): the default page of GET /api/students and one row of GET /api/students/1. Same wrk
settings, every server up for the whole run, rounds interleaved; medians.

    .venv/bin/python -m bench.list_overhead [--duration 10] [--rounds 3] [--connections 64]
        [--stacks fastapi,node-express] [--sync-minimal]
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench.common import free_port, generate, machine, process, table, wait_200
from scaffold import runner
from scaffold.compare import Settings, endpoint_paths
from scaffold.compare.model import EndpointResult, LoadRun
from scaffold.compare.servers import production_server
from scaffold.compare.wrk import run_wrk, wrk_script
from scaffold.net import request
from scaffold.stacks import STACKS
from scaffold.toolchain import argv_for

STACKS_MEASURED = ("fastapi", "node-express")
ENDPOINTS = ("list", "read")
SIDES = ("generated", "minimal")
EXTRA_ROWS = 1_000
TARGET = 0.7
# Where each project's .env puts its SQLite file.
DATABASE = {"fastapi": "app.db", "node-express": "data/app.sqlite3"}
# Grades the generated FastAPI app's response model accepts.
GRADES = ("A", "B+", "C", "A-", "F")

# Coroutine handlers: no thread-pool hop (reading a local SQLite file takes microseconds).
MINIMAL_FASTAPI = """\
import os
import sqlite3

from fastapi import FastAPI

db = sqlite3.connect(os.environ["MINIMAL_DB"], check_same_thread=False)
db.row_factory = sqlite3.Row
app = FastAPI()


@app.get("/api/students")
async def list_students(limit: int = 20, offset: int = 0):
    count = db.execute("SELECT count(*) FROM students").fetchone()[0]
    rows = db.execute(
        "SELECT id, name, grade FROM students ORDER BY id LIMIT ? OFFSET ?", (limit, offset)
    )
    return {"count": count, "limit": limit, "offset": offset, "results": [dict(r) for r in rows]}


@app.get("/api/students/{student_id}")
async def read_student(student_id: int):
    row = db.execute("SELECT id, name, grade FROM students WHERE id = ?", (student_id,))
    return dict(row.fetchone())
"""

MINIMAL_EXPRESS = """\
import express from 'express';
import { DatabaseSync } from 'node:sqlite';

const db = new DatabaseSync(process.env.MINIMAL_DB);
const count = db.prepare('SELECT count(*) AS count FROM students');
const page = db.prepare('SELECT id, name, grade FROM students ORDER BY id LIMIT ? OFFSET ?');
const one = db.prepare('SELECT id, name, grade FROM students WHERE id = ?');
const app = express();

app.get('/api/students', (req, res) => {
  const limit = Number(req.query.limit ?? 20);
  const offset = Number(req.query.offset ?? 0);
  res.json({ count: count.get().count, limit, offset, results: page.all(limit, offset) });
});
app.get('/api/students/:id', (req, res) => res.json(one.get(Number(req.params.id))));

app.listen(Number(process.env.PORT), '127.0.0.1');
"""

# (file written into the project, so it runs with the project's own packages; argv)
MINIMAL = {
    "fastapi": (
        "minimal_app.py",
        MINIMAL_FASTAPI,
        (
            *("uv", "run", "--no-sync", "uvicorn", "minimal_app:app"),
            *("--host", "127.0.0.1", "--port", "{port}", "--no-access-log"),
        ),
    ),
    "node-express": ("minimal-app.mjs", MINIMAL_EXPRESS, ("node", "minimal-app.mjs")),
}
ONE_PROCESS = {"WEB_CONCURRENCY": "1"}


def project_with_rows(stack: str, parent: Path) -> Path:
    """A generated, installed, migrated project whose students table has EXTRA_ROWS more
    rows. Inserted here rather than by its seed command, which older templates lack."""
    project = generate(parent, stack, features=STACKS[stack].default_features)
    runner.prepare(project, STACKS[stack], env=server_env(stack), seed=False)
    database = project / DATABASE[stack]
    rows = [(f"Student {n}", GRADES[n % len(GRADES)]) for n in range(1, EXTRA_ROWS + 1)]
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        db.executemany("INSERT INTO students (name, grade) VALUES (?, ?)", rows)
    return project


def server_env(stack: str) -> dict[str, str]:
    return {**dict(STACKS[stack].services[0].production_env), **ONE_PROCESS}


@contextlib.contextmanager
def servers(stack: str, project: Path, *, sync: bool) -> Iterator[dict[str, str]]:
    """Base URL of each side, both up until the context exits. ``sync``: FastAPI's minimal
    handlers are plain `def`s, run in the thread pool as the generated ones are."""
    service = STACKS[stack].services[0]
    name, source, argv = MINIMAL[stack]
    (project / name).write_text(source.replace("async def", "def") if sync else source)
    port = free_port()
    env = {**server_env(stack), "PORT": str(port), "MINIMAL_DB": str(project / DATABASE[stack])}
    minimal_url = f"http://127.0.0.1:{port}"
    with (
        production_server(
            project, service, env=server_env(stack), log=project.parent / f"{stack}.log"
        ) as generated,
        process(argv_for([part.format(port=port) for part in argv]), project, env) as proc,
    ):
        wait_200(minimal_url + endpoint_paths(service)["list"], proc)
        yield {"generated": generated.url, "minimal": minimal_url}


def same_answers(stack: str, urls: dict[str, str]) -> None:
    """Both sides answer each endpoint with 200 and the same JSON, or the bench stops."""
    for endpoint in ENDPOINTS:
        path = endpoint_paths(STACKS[stack].services[0])[endpoint]
        answers = {side: request("GET", url + path) for side, url in urls.items()}
        if len({repr(answer) for answer in answers.values()}) != 1 or answers["minimal"][0] != 200:
            shown = {side: str(answer)[:300] for side, answer in answers.items()}
            raise SystemExit(f"{stack} GET {path}: the two apps answer differently: {shown}")


Target = tuple[str, str, str]  # (stack, endpoint, side)


def measure(
    urls: dict[str, dict[str, str]], work: Path, settings: Settings
) -> dict[Target, EndpointResult]:
    """One uncounted warm-up run per target, then ``settings.rounds`` rounds over every
    target; the side that goes first alternates, so neither always runs on a cooler
    machine."""
    script = work / "get.lua"
    script.write_text(wrk_script())
    targets = {
        (stack, endpoint, side): url + endpoint_paths(STACKS[stack].services[0])[endpoint]
        for stack, sides in urls.items()
        for side, url in sides.items()
        for endpoint in ENDPOINTS
    }

    def load(key: Target, seconds: int) -> LoadRun:
        return run_wrk(targets[key], script, connections=settings.connections, seconds=seconds)

    for key in targets:
        load(key, settings.warmup)
    runs: dict[Target, list[LoadRun]] = {key: [] for key in targets}
    for round_ in range(settings.rounds):
        order = SIDES if round_ % 2 == 0 else SIDES[::-1]
        for stack, endpoint, side in itertools.product(urls, ENDPOINTS, order):
            runs[stack, endpoint, side].append(load((stack, endpoint, side), settings.duration))
    return {key: EndpointResult(tuple(found)) for key, found in runs.items()}


def rows(results: dict[Target, EndpointResult], stacks: tuple[str, ...]) -> list[list[str]]:
    lines = []
    for stack in stacks:
        for endpoint in ENDPOINTS:
            ours, theirs = (results[stack, endpoint, side] for side in SIDES)
            ratio = ours.rps / theirs.rps if theirs.rps else 0.0
            lines.append(
                [
                    stack,
                    endpoint,
                    f"{ours.rps:,.0f}",
                    f"{theirs.rps:,.0f}",
                    f"{ratio:.2f}" + ("" if ratio >= TARGET else " (below)"),
                    f"{ours.p99_ms:.0f} / {theirs.p99_ms:.0f}",
                    f"{ours.errors} / {theirs.errors}",
                ]
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stacks", default=",".join(STACKS_MEASURED))
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--sync-minimal",
        action="store_true",
        help="FastAPI's minimal app with `def` handlers (thread pool) instead of `async def`",
    )
    args = parser.parse_args()
    stacks = tuple(args.stacks.split(","))
    settings = Settings(
        stacks, duration=args.duration, connections=args.connections, rounds=args.rounds, workers=1
    )
    print(f"Machine: {machine()}")
    print(
        f"One server process per app; {EXTRA_ROWS:,} rows added; wrk 1 thread, "
        f"{settings.connections} connections, {settings.warmup} s warm-up, "
        f"median of {settings.rounds} interleaved rounds x {settings.duration} s.\n"
    )
    with tempfile.TemporaryDirectory(prefix="bench-list-overhead-") as tmp:
        results = run_all(stacks, Path(tmp), settings, sync=args.sync_minimal)
    wrk_cpu = max(run.wrk_cpu_share for result in results.values() for run in result.rounds)
    headers = ["stack", "endpoint", "generated req/s", "minimal req/s", "ratio"]
    print(table([*headers, "p99 ms (gen / min)", "errors (gen / min)"], rows(results, stacks)))
    print(f"\nTarget: ratio >= {TARGET} on every row.")
    print(f"wrk's own CPU: at most {wrk_cpu:.0%} of a core (100%: wrk was the limit).")


def run_all(
    stacks: tuple[str, ...], work: Path, settings: Settings, *, sync: bool
) -> dict[Target, EndpointResult]:
    """Every project built first, then every server up for the whole measurement."""
    projects = {stack: project_with_rows(stack, work) for stack in stacks}
    with contextlib.ExitStack() as up:
        urls = {
            stack: up.enter_context(servers(stack, path, sync=sync))
            for stack, path in projects.items()
        }
        for stack, sides in urls.items():
            same_answers(stack, sides)
        return measure(urls, work, settings)


if __name__ == "__main__":
    main()
