"""Render time: `scaffold new --no-install` per stack vs `django-admin startproject` and a
plain `copier copy` of the same template with the same answers, as ratios in one run.

    .venv/bin/python -m bench.render_time [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from itertools import count
from pathlib import Path

from bench.common import SCAFFOLD, THREE, VENV_BIN, machine, median_time, run, table
from scaffold import template_source
from scaffold.stacks import STACKS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    print(f"Machine: {machine()}\nMedian of {repeat} runs each; warm caches.\n")
    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        work = Path(tmp)
        names = count()

        def fresh() -> Path:
            return work / f"p{next(names)}"

        django_admin = _django_admin(work)
        baseline = median_time(
            lambda: run([str(django_admin), "startproject", "mysite", str(_mkdir(fresh()))]),
            repeat,
        )
        source = template_source.locate()
        rows = [["django-admin startproject (Django only)", f"{baseline:.2f}", "1.0", "", ""]]
        for stack in (*THREE, "hybrid"):
            new = [SCAFFOLD, "new", "bench", "--stack", stack, "--defaults", "--no-install"]
            with_git = median_time(lambda new=new: run([*new, "--dest", str(fresh())]), repeat)
            no_git = median_time(
                lambda new=new: run([*new, "--no-git", "--dest", str(fresh())]), repeat
            )
            copier = ""
            if not STACKS[stack].parts:  # a hybrid is three renders; no single copier copy
                data = ["-d", "project_name=bench", "-d", f"stack={stack}"]
                argv = [str(VENV_BIN / "copier"), "copy", "-q", "--defaults", "-r", source.ref]
                copier_s = median_time(
                    lambda argv=argv, data=data: run(
                        [*argv, *data, str(source.path), str(fresh())]
                    ),
                    repeat,
                )
                copier = f"{copier_s:.2f} ({no_git / copier_s:.2f}x)"
            rows.append(
                [
                    f"scaffold new --no-install --stack {stack}",
                    f"{with_git:.2f}",
                    f"{with_git / baseline:.1f}",
                    f"{no_git:.2f}",
                    copier,
                ]
            )
    print(
        table(
            [
                "command",
                "seconds (with git init+commit)",
                "ratio to django-admin",
                "seconds with --no-git",
                "plain copier copy, same answers (--no-git ratio to it)",
            ],
            rows,
        )
    )


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _django_admin(work: Path) -> Path:
    """django-admin from a throwaway venv (uv, warm cache), the same Django as the template."""
    venv = work / "django-venv"
    uv = shutil.which("uv") or str(VENV_BIN / "uv")
    run([uv, "venv", "-q", str(venv)])
    run([uv, "pip", "install", "-q", "--python", str(venv / "bin" / "python"), "django==5.2.*"])
    return venv / "bin" / "django-admin"


if __name__ == "__main__":
    main()
