"""`scaffold add resource` with five fields, migrations applied, per stack: median wall
time of 5 adds (each a new resource in the same installed project), bytecode compiled.

    .venv/bin/python -m bench.add_resource [--repeat 5] [--stack S]...

Targets (issue 13): <= 3 s for fastapi and node-express, <= 5 s for django-drf and hybrid.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench.common import SCAFFOLD, compile_bytecode, machine, run, table, timed
from scaffold.stacks import STACKS

FIELDS = ["title:str", "credits:int", "price:decimal", "starts_on:date", "notes:text?"]
TARGETS = {"fastapi": 3.0, "node-express": 3.0, "django-drf": 5.0, "hybrid": 5.0}
NAMES = ["course", "lesson", "module", "chapter", "exam", "room", "term", "grade_book"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--stack", action="append", choices=list(STACKS))
    args = parser.parse_args()
    compile_bytecode()
    print(f"Machine: {machine()}\nMedian of {args.repeat} adds per stack.\n")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-resource-") as tmp:
        for stack in args.stack or list(STACKS):
            project = Path(tmp) / stack
            run([SCAFFOLD, "new", "demo", "--stack", stack, "--defaults", "--dest", str(project)])
            for python in project.glob("**/.venv/bin/python"):  # the migrations' Python too
                compile_bytecode(python)
            _add(project, "warm_up")  # the first migrate also applies the starter's migrations
            times = [_add(project, name) for name in NAMES[: args.repeat]]
            median = statistics.median(times)
            verdict = "met" if median <= TARGETS[stack] else "MISSED"
            rows.append(
                [stack, f"{median:.2f}", f"{min(times):.2f}", f"<= {TARGETS[stack]:.0f} {verdict}"]
            )
    print(table(["stack", "median s", "best s", "target"], rows))


def _add(project: Path, name: str) -> float:
    return timed(lambda: run([SCAFFOLD, "add", "resource", name, *FIELDS], project))


if __name__ == "__main__":
    main()
