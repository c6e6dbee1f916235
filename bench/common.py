"""Shared helpers of the bench scripts: timing, temp projects, servers, printing."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from scaffold import api, net
from scaffold.compare import describe_machine
from scaffold.stacks import STACKS

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
SCAFFOLD = str(VENV_BIN / "scaffold")
THREE = ("node-express", "django-drf", "fastapi")


def machine() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        m = describe_machine(Path(tmp), os.getloadavg())
    return (
        f"{m.cpu}, {m.cores} cores, {m.memory_mb:,} MB RAM, {m.kernel}; Python {m.python}, "
        f"Node {m.node}; {m.wrk}; load average {m.load_before[0]:.2f}"
    )


def compile_bytecode(python: str | Path = sys.executable) -> None:
    """Compile every module of ``python``'s environment (and scaffold's) to bytecode.

    PYTHONDONTWRITEBYTECODE=1 (set in some CI and containers) would otherwise make each
    run compile every imported module again, timing the compiler instead of start-up.
    """
    paths = 'import sysconfig; print(sysconfig.get_paths()["purelib"])'
    site = run([str(python), "-c", paths]).strip()
    for directory in (site, str(REPO / "scaffold")):
        run([str(python), "-m", "compileall", "-q", "-j", "0", directory])


Command = Sequence[str] | Callable[[], Sequence[str]]  # an argv, or a function making one


def median_times(commands: Mapping[str, Command], repeat: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each command, run round-robin after one warm-up round
    so a change in machine load affects every command alike. CPU time (user + system, the
    command's and its children's) is the steadier figure on a shared machine."""
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for round_ in range(repeat + 1):
        for label, command in commands.items():
            took = wall_and_cpu(command() if callable(command) else command)
            if round_:
                samples[label].append(took)
    return {
        label: (
            statistics.median(wall for wall, _ in times),
            statistics.median(cpu for _, cpu in times),
        )
        for label, times in samples.items()
    }


def wall_and_cpu(argv: Sequence[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed(lambda: run(argv))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_time(action: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(action) for _ in range(repeat))


def run(argv: Sequence[str], cwd: Path | None = None, env: Mapping[str, str] | None = None) -> str:
    done = subprocess.run(
        list(argv),
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"`{' '.join(argv)}` failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def generate(
    parent: Path,
    stack: str,
    *,
    features: Sequence[str],
    install: bool = True,
    language: str | None = None,
) -> Path:
    spec = api.make_spec(
        name="bench", stack=stack, features=features, language=language, dest=parent / stack
    )
    project = api.create_project(spec=spec, git=False, install=False).path
    if install:
        api.install_dependencies(project, STACKS[stack])
    return project


@contextlib.contextmanager
def process(
    argv: Sequence[str],
    cwd: Path,
    env: Mapping[str, str] | None = None,
    stop: signal.Signals = signal.SIGTERM,
) -> Iterator[subprocess.Popen[bytes]]:
    """A process in its own group, stopped with ``stop`` (SIGINT: Ctrl-C, which lets
    `scaffold new --run` stop the servers it started), then killed with its group."""
    proc = subprocess.Popen(
        list(argv),
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, stop)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def wait_200(url: str, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    problem = net.wait_until_answers(
        url, accept=lambda code: code == 200, timeout=timeout, exit_code=proc.poll, interval=0.02
    )
    if problem:
        raise SystemExit(f"the server for {url} {problem}")


free_port = net.free_port


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table (pasted into the README's Benchmarks section)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
