"""Render time: `scaffold new NAME --stack S --defaults --no-install` per stack vs
`django-admin startproject` and a plain `copier copy` of the same template with the same
answers, as ratios measured in one run, bytecode compiled on every side.

    .venv/bin/python -m bench.render_time [--repeat 7]

Targets (issue 15): every stack <= 2x django-admin startproject, the hybrid <= 3x.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from itertools import count
from pathlib import Path

from bench.common import (
    SCAFFOLD,
    THREE,
    VENV_BIN,
    Command,
    compile_bytecode,
    machine,
    median_times,
    run,
    table,
)
from scaffold import template_source
from scaffold.stacks import STACKS

BASELINE = "django-admin startproject"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        work = Path(tmp)
        names = count()

        def fresh() -> str:
            return str(work / f"p{next(names)}")

        django_admin = _django_admin(work)
        compile_bytecode()
        compile_bytecode(django_admin.with_name("python"))
        print(f"Machine: {machine()}\nMedian of {repeat} rounds, commands interleaved.\n")
        commands = _commands(str(django_admin), fresh)
        times = median_times(commands, repeat)
    base_wall, base_cpu = times[BASELINE]
    rows = []
    for label, (wall, cpu) in times.items():
        target = 3.0 if "hybrid" in label else 2.0 if label.startswith("scaffold new") else None
        ratio = max(wall / base_wall, cpu / base_cpu)
        verdict = "" if target is None else f"<= {target}" + ("" if ratio <= target else " MISSED")
        rows.append(
            [
                label,
                f"{wall:.2f}",
                f"{wall / base_wall:.2f}",
                f"{cpu:.2f}",
                f"{cpu / base_cpu:.2f}",
                verdict,
            ]
        )
    print(table(["command", "wall s", "wall ratio", "CPU s", "CPU ratio", "target"], rows))
    print(
        f"\nRatios are to {BASELINE}; CPU is user + system time of the command and its "
        "children (git), steadier under load."
    )


def _commands(django_admin: str, fresh: Callable[[], str]) -> dict[str, Command]:
    """Each command as a function giving its argv with a new destination every time."""

    def startproject() -> list[str]:
        dest = fresh()
        Path(dest).mkdir()
        return [django_admin, "startproject", "mysite", dest]

    def into_fresh(argv: list[str]) -> Command:
        return lambda: [*argv, fresh()]

    source = template_source.locate()
    commands: dict[str, Command] = {
        BASELINE: startproject,
        # The floor of any copier-based command: starting Python and importing copier.
        'python -c "import copier"': [sys.executable, "-c", "import copier"],
    }
    for stack in (*THREE, "hybrid"):
        new = [SCAFFOLD, "new", "bench", "--stack", stack, "--defaults", "--no-install"]
        commands[f"scaffold new --stack {stack}"] = into_fresh([*new, "--dest"])
        commands[f"  same, --no-git ({stack})"] = into_fresh([*new, "--no-git", "--dest"])
        if not STACKS[stack].parts:  # a hybrid is three renders; no single copier copy
            # --trust: the template's Jinja extension (scaffold.typescript) is trusted code.
            copier = [str(VENV_BIN / "copier"), "copy", "-q", "--trust", "--defaults"]
            copier += ["-r", str(source.ref)]
            data = ["-d", "project_name=bench", "-d", f"stack={stack}", str(source.path)]
            commands[f"  plain copier copy ({stack})"] = into_fresh([*copier, *data])
    return commands


def _django_admin(work: Path) -> Path:
    """django-admin from a throwaway venv (uv, warm cache), the same Django as the template."""
    venv = work / "django-venv"
    uv = shutil.which("uv") or str(VENV_BIN / "uv")
    run([uv, "venv", "-q", "--python", sys.executable, str(venv)])
    run([uv, "pip", "install", "-q", "--python", str(venv / "bin" / "python"), "django==5.2.*"])
    return venv / "bin" / "django-admin"


if __name__ == "__main__":
    main()
