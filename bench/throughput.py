"""Throughput of the generated students API against the seed's minimal app of the same
stack: same production server (uvicorn / gunicorn with 2 workers, node), same wrk
settings, same run. The seeds' Express and FastAPI apps keep students in memory; the
generated ones use SQLite.

    .venv/bin/python -m bench.throughput [--duration 10] [--rounds 3] [--connections 64]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from bench.common import THREE, free_port, machine, process, table, wait_200
from bench.seed_apps import build
from scaffold.compare import NEW_STUDENT, Settings, compare
from scaffold.compare.model import EndpointResult
from scaffold.compare.wrk import run_wrk, wrk_script


def seed_figures(
    stack: str, work: Path, settings: Settings, *, seed_dev_server: bool = False
) -> dict[str, EndpointResult]:
    app = build(stack, work / f"seed-{stack}", with_production_server=True)
    port = free_port()
    # The seeds run their apps with the dev server (runserver, node app.js, uvicorn).
    argv = [part.format(port=port) for part in (app.dev if seed_dev_server else app.production)]
    url = f"http://127.0.0.1:{port}{app.list_path}"
    results = {}
    with process(argv, app.path, {**app.env, "PORT": str(port)}) as proc:
        wait_200(url, proc)
        for endpoint, script_text in (
            ("list", wrk_script()),
            ("create", wrk_script("POST", json.dumps(NEW_STUDENT), [_JSON])),
        ):
            script = work / f"seed-{stack}-{endpoint}.lua"
            script.write_text(script_text)
            run_wrk(url, script, connections=settings.connections, seconds=settings.warmup)
            results[endpoint] = EndpointResult(
                tuple(
                    run_wrk(
                        url, script, connections=settings.connections, seconds=settings.duration
                    )
                    for _ in range(settings.rounds)
                )
            )
    return results


_JSON = ("Content-Type", "application/json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stacks", default=",".join(THREE))
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--seed-dev-server",
        action="store_true",
        help="run the seed apps the seeds' way (e.g. runserver) instead",
    )
    args = parser.parse_args()
    settings = Settings(
        stacks=tuple(args.stacks.split(",")),
        duration=args.duration,
        rounds=args.rounds,
        connections=args.connections,
    )
    print(f"Machine: {machine()}")
    print(
        f"wrk 1 thread, {settings.connections} connections, {settings.warmup} s warm-up, "
        f"median of {settings.rounds} x {settings.duration} s.\n"
    )
    generated = compare(settings)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-throughput-") as tmp:
        for result in generated.stacks:
            seed = seed_figures(
                result.stack, Path(tmp), settings, seed_dev_server=args.seed_dev_server
            )
            for endpoint in ("list", "create"):
                ours, theirs = result.endpoints[endpoint], seed[endpoint]
                rows.append(
                    [
                        result.stack,
                        endpoint,
                        f"{ours.rps:,.0f}",
                        f"{theirs.rps:,.0f}",
                        f"{ours.rps / theirs.rps:.2f}" if theirs.rps else "-",
                        f"{ours.p99_ms:.0f} / {theirs.p99_ms:.0f}",
                        f"{ours.errors} / {theirs.errors}",
                    ]
                )
    headers = ["stack", "endpoint", "generated req/s", "seed app req/s", "ratio"]
    print(table([*headers, "p99 ms (gen / seed)", "errors (gen / seed)"], rows))


if __name__ == "__main__":
    main()
