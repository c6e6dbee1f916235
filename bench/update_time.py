"""Wall time of `scaffold update` per stack: adding a feature to a committed project.

That update re-renders the template twice (old and new answers), merges the difference
into the project through a scratch git worktree, and applies it: the whole path of a
template upgrade, measured end to end through the CLI.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench.common import SCAFFOLD, machine, run, table, timed
from scaffold import api

# (stack, features at generation, features after the update)
CASES = (
    ("fastapi", (), ("students",)),
    ("node-express", ("students",), ("students", "chat")),
    ("django-drf", ("students",), ("students", "admin")),
    ("hybrid", ("students", "admin"), ("students", "admin", "chat")),
)


def one_update(parent: Path, stack: str, before: tuple[str, ...], after: tuple[str, ...]) -> float:
    spec = api.make_spec(name="bench", stack=stack, features=before, dest=parent / stack)
    project = api.create_project(spec=spec, install=False).path  # git: update needs it
    return timed(
        lambda: run([SCAFFOLD, "update", str(project), "--data", f"features={','.join(after)}"])
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    rows = []
    for stack, before, after in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            times = [
                one_update(Path(tmp) / str(i), stack, before, after) for i in range(args.repeat)
            ]
        added = ", ".join(sorted(set(after) - set(before)))
        rows.append(
            [stack, f"+{added}", f"{statistics.median(times):.2f} s", f"{min(times):.2f} s"]
        )
    print(table(["stack", "update", "median", "best"], rows))


if __name__ == "__main__":
    main()
