"""CLI start-up: scaffold's quick commands vs `python -c "import typer"` (the floor of any
typer CLI), as ratios measured in one run, bytecode compiled for both sides.

    .venv/bin/python -m bench.cli_startup [--repeat 15]

Targets (issue 15): --help and --version <= 1.5x; recommend --json and list --json <= 1.3x.
"""

from __future__ import annotations

import argparse
import sys

from bench.common import SCAFFOLD, compile_bytecode, machine, median_times, table

FLOOR = 'python -c "import typer"'
TARGETS = {
    "scaffold --help": 1.5,
    "scaffold --version": 1.5,
    "scaffold recommend --json": 1.3,
    "scaffold list --json": 1.3,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    compile_bytecode()
    print(f"Machine: {machine()}\nMedian of {repeat} rounds, commands interleaved.\n")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        FLOOR: [sys.executable, "-c", "import typer"],
        "scaffold --help": [SCAFFOLD, "--help"],
        "scaffold --version": [SCAFFOLD, "--version"],
        "scaffold recommend --json": [SCAFFOLD, "recommend", "--json"],
        "scaffold list --json": [SCAFFOLD, "list", "--json"],
        "scaffold new --help": [SCAFFOLD, "new", "--help"],
    }
    times = median_times(commands, repeat)
    floor_wall, floor_cpu = times[FLOOR]
    rows = []
    for label, (wall, cpu) in times.items():
        target = TARGETS.get(label)
        verdict = (
            ""
            if target is None
            else f"<= {target}"
            + ("" if max(wall / floor_wall, cpu / floor_cpu) <= target else " MISSED")
        )
        rows.append(
            [
                label,
                f"{wall * 1000:.0f}",
                f"{wall / floor_wall:.2f}",
                f"{cpu * 1000:.0f}",
                f"{cpu / floor_cpu:.2f}",
                verdict,
            ]
        )
    headers = ["command", "wall ms", "wall ratio", "CPU ms", "CPU ratio", "target"]
    print(table(headers, rows))
    print(f"\nRatios are to {FLOOR}; CPU is user + system time, steadier under load.")


if __name__ == "__main__":
    main()
