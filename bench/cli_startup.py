"""CLI start-up: `scaffold --help` vs `python -c "import typer"` (the floor of any typer CLI).

.venv/bin/python -m bench.cli_startup [--repeat 10]
"""

from __future__ import annotations

import argparse
import sys

from bench.common import SCAFFOLD, machine, median_time, run, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    repeat = parser.parse_args().repeat
    print(f"Machine: {machine()}\nMedian of {repeat} runs each (one warm-up run first).\n")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        'python -c "import typer"': [sys.executable, "-c", "import typer"],
        "scaffold --help": [SCAFFOLD, "--help"],
        "scaffold compare --help": [SCAFFOLD, "compare", "--help"],
    }
    times = {}
    for label, argv in commands.items():
        run(argv)
        times[label] = median_time(lambda argv=argv: run(argv), repeat)
    floor = times['python -c "import typer"']
    rows = [[label, f"{t * 1000:.0f}", f"{t / floor:.2f}"] for label, t in times.items()]
    print(table(["command", "ms", 'ratio to "import typer"'], rows))


if __name__ == "__main__":
    main()
