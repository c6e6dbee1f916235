"""`scaffold add resource` with five fields, migrations applied, per stack: median wall
time of 5 adds (each a new resource in the same installed project), bytecode compiled;
then `scaffold add field` (two fields, the migration written and applied) on each of them,
once committed.

    .venv/bin/python -m bench.add_resource [--repeat 5] [--stack S]...

Targets: <= 3 s for fastapi and node-express, <= 5 s for django-drf and hybrid (issue 13
for add resource, issue 24 for add field).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench.common import SCAFFOLD, compile_bytecode, machine, run, table, timed
from scaffold.stacks import STACKS

FIELDS = ["title:str", "credits:int", "price:decimal", "starts_on:date", "notes:text?"]
MORE_FIELDS = ["room:str:max=20?", "level:str:choices=low,high?"]
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
            names = NAMES[: args.repeat]
            adds = [_add(project, name) for name in names]
            _commit(project)
            grows = [_grow(project, name) for name in names]
            rows += [_row(stack, "add resource", adds), _row(stack, "add field", grows)]
    print(table(["stack", "command", "median s", "best s", "target"], rows))


def _row(stack: str, command: str, times: list[float]) -> list[str]:
    median = statistics.median(times)
    verdict = "met" if median <= TARGETS[stack] else "MISSED"
    return [
        stack,
        command,
        f"{median:.2f}",
        f"{min(times):.2f}",
        f"<= {TARGETS[stack]:.0f} {verdict}",
    ]


def _add(project: Path, name: str) -> float:
    return timed(lambda: run([SCAFFOLD, "add", "resource", name, *FIELDS], project))


def _grow(project: Path, name: str) -> float:
    """add field needs a committed project; the commit is not timed."""
    took = timed(lambda: run([SCAFFOLD, "add", "field", name, *MORE_FIELDS], project))
    _commit(project)
    return took


def _commit(project: Path) -> None:
    run(["git", "add", "-A"], project)
    run(
        [
            "git",
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@localhost",
            "commit",
            "-qm",
            "bench",
        ],
        project,
    )


if __name__ == "__main__":
    main()
