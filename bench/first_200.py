"""Time to first 200 from nothing (warm package caches): `scaffold new --defaults --run`
against the seeds' by-hand route (venv + pip install, or npm init + npm install, then the
seed's minimal students app under its dev server).

    .venv/bin/python -m bench.first_200 [--stacks node-express,django-drf,fastapi]
"""

from __future__ import annotations

import argparse
import signal
import tempfile
import time
from pathlib import Path

from bench.common import SCAFFOLD, THREE, free_port, machine, process, table, wait_200
from bench.seed_apps import build
from scaffold.stacks import STACKS


def scaffold_route(stack: str, work: Path) -> float:
    port = free_port()
    students = STACKS[stack].services[0].path("/api/students")
    argv = [SCAFFOLD, "new", "bench", "--stack", stack, "--defaults", "--run"]
    started = time.monotonic()
    dest = ["--dest", str(work / f"scaffold-{stack}")]
    with process([*argv, *dest], work, {"PORT": str(port)}, stop=signal.SIGINT) as p:
        wait_200(f"http://127.0.0.1:{port}{students}", p)
        return time.monotonic() - started


def by_hand_route(stack: str, work: Path) -> float:
    started = time.monotonic()
    app = build(stack, work / f"seed-{stack}")
    port = free_port()
    argv = [part.format(port=port) for part in app.dev]
    with process(argv, app.path, {"PORT": str(port)}) as p:
        wait_200(f"http://127.0.0.1:{port}{app.list_path}", p)
        return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stacks", default=",".join(THREE))
    stacks = parser.parse_args().stacks.split(",")
    print(f"Machine: {machine()}\nOne run per route; package caches warm.\n")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-first200-") as tmp:
        for stack in stacks:
            ours = scaffold_route(stack, Path(tmp))
            theirs = by_hand_route(stack, Path(tmp))
            rows.append([stack, f"{ours:.1f}", f"{theirs:.1f}", f"{ours / theirs:.2f}"])
    print(
        table(
            ["stack", "scaffold new --run (s)", "by hand, seed app (s)", "ratio"],
            rows,
        )
    )
    print(
        "\nscaffold's route includes git init, the generated project's tests' dev "
        "dependencies, migrations and starter data; the by-hand route is the seed's "
        "minimal app (students in memory for Express and FastAPI)."
    )


if __name__ == "__main__":
    main()
