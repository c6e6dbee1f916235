"""TypeScript vs JavaScript builds of one node-express project, in the same run.

The JavaScript build is the TypeScript one with the types stripped at render time; the
TypeScript build is run by Node's own type stripping at load. What that costs a user:
`npm ci` (warm npm cache; a TS project also installs typescript, typescript-eslint and the
@types packages), start-up to the first 200 on /healthz (`node server.ts` vs
`node server.js`, production settings, migrated SQLite), memory after start, and GET
/api/students req/s under wrk. Interleaved rounds, medians.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import free_port, generate, machine, process, run, table, wait_200
from scaffold.compare.wrk import run_wrk, wrk_script

LANGUAGES = ("ts", "js")
NPM_CI = ("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
NODE = ("node", "--disable-warning=ExperimentalWarning")
ENV = {"NODE_ENV": "production", "LOG_LEVEL": "silent"}


def npm_ci_seconds(project: Path) -> float:
    shutil.rmtree(project / "node_modules", ignore_errors=True)
    started = time.perf_counter()
    run(NPM_CI, cwd=project)
    return time.perf_counter() - started


def start(project: Path, language: str, port: int) -> tuple[float, float]:
    """Seconds to the first 200 on /healthz and the server's RSS then (MiB), one start."""
    argv = (*NODE, f"server.{language}")
    started = time.perf_counter()
    with process(argv, project, env={**ENV, "PORT": str(port)}) as proc:
        wait_200(f"http://127.0.0.1:{port}/healthz", proc)
        seconds = time.perf_counter() - started
        status = Path(f"/proc/{proc.pid}/status").read_text()
    rss_kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    return seconds, rss_kib / 1024


def requests_per_second(project: Path, language: str, args: argparse.Namespace) -> float:
    port = free_port()
    script = project / "list.lua"
    script.write_text(wrk_script())
    with process((*NODE, f"server.{language}"), project, env={**ENV, "PORT": str(port)}) as proc:
        url = f"http://127.0.0.1:{port}/api/students"
        wait_200(url, proc)
        run_wrk(url, script, connections=args.connections, seconds=2)  # warm-up (JIT)
        return run_wrk(url, script, connections=args.connections, seconds=args.duration).rps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    print(f"Machine: {machine()}")
    figures: dict[str, dict[str, list[float]]] = {lang: {} for lang in LANGUAGES}
    with tempfile.TemporaryDirectory(prefix="bench-node-languages-") as tmp:
        projects = {
            lang: generate(
                Path(tmp) / lang, "node-express", features=["students", "chat"], language=lang
            )
            for lang in LANGUAGES
        }
        for project in projects.values():
            run(NPM_CI, cwd=project)  # fills the npm cache
            run(("npm", "run", "migrate"), cwd=project)
        for _ in range(args.repeat):
            for lang, project in projects.items():
                found = figures[lang]
                found.setdefault("npm ci (s)", []).append(npm_ci_seconds(project))
                seconds, rss = start(project, lang, free_port())
                found.setdefault("start to first 200 (ms)", []).append(seconds * 1000)
                found.setdefault("RSS after start (MiB)", []).append(rss)
        for _ in range(max(1, args.repeat // 2)):
            for lang, project in projects.items():
                rps = requests_per_second(project, lang, args)
                figures[lang].setdefault("GET /api/students (req/s)", []).append(rps)
    rows = []
    for name in figures["ts"]:
        ts, js = (statistics.median(figures[lang][name]) for lang in LANGUAGES)
        rows.append([name, f"{ts:.2f}", f"{js:.2f}", f"{ts / js:.2f}"])
    print(f"node-express (students + chat, SQLite), median of {args.repeat} interleaved rounds")
    print(table(["figure", "TypeScript", "JavaScript", "TS / JS"], rows))


if __name__ == "__main__":
    main()
