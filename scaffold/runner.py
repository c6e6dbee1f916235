"""Starting a generated project's services as real processes, and stopping them."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .answers import project_language
from .errors import CommandFailed
from .net import free_port, port_is_free, wait_until_answers
from .progress import Progress, no_progress
from .stacks import Service, Stack
from .toolchain import run, spawn

__all__ = [
    "Running",
    "free_port",
    "port_is_free",
    "prepare",
    "serving",
    "start",
    "stop",
    "wait_ready",
]


@dataclass
class Running:
    service: Service
    url: str
    process: subprocess.Popen[bytes]
    cwd: Path
    log: Path | None

    def urls(self, features: Iterable[str]) -> list[tuple[str, str]]:
        """(label, absolute URL) of each page this service answers with ``features`` on."""
        return [(url.label, self.url + url.path) for url in self.service.urls_for(features)]


def prepare(
    project: Path,
    stack: Stack,
    env: Mapping[str, str] | None = None,
    *,
    seed: bool = True,
    progress: Progress = no_progress,
) -> None:
    """Run each service's one-off steps (migrations, the demo user) and, with ``seed``,
    its demo rows (a project made before 0.7.0 has no seed command: its rows came with
    its migrations)."""
    for service in stack.services:
        for argv in (*service.prepare, *(service.seed if seed else ())):
            with progress(f"Preparing {service.name}: {' '.join(argv)}"):
                run(argv, project / service.cwd, step=f"Preparing {service.name}", env=env)


def _local_env() -> dict[str, str]:
    """Services talk to each other on loopback even when a proxy is set for the outside
    world (a classroom behind a proxy, the offline tests); Python output reaches the log
    as it happens."""
    bypass = os.environ.get("NO_PROXY") or os.environ.get("no_proxy") or ""
    bypass = ",".join(filter(None, (bypass, "127.0.0.1,localhost")))
    return {"NO_PROXY": bypass, "no_proxy": bypass, "PYTHONUNBUFFERED": "1"}


def start(
    project: Path,
    service: Service,
    *,
    ports: Mapping[str, int],
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
) -> Running:
    """Start ``service`` on 127.0.0.1:``ports[service.name]`` in its own process group,
    with the project's language in its command (``server.ts`` or ``server.js``)."""
    port = ports[service.name]
    names = {"port": port, **{f"{name}_port": p for name, p in ports.items()}}
    language = project_language(project)
    argv = [part.format(**names, language=language) for part in service.serve]
    service = service._replace(serve=tuple(argv))  # errors show the command that ran
    service_env = {key: value.format(**names) for key, value in service.env}
    cwd = project / service.cwd
    sink: IO[bytes] | None = log.open("ab") if log else None
    process = spawn(
        argv,
        cwd,
        env={**_local_env(), **service_env, **(env or {}), "PORT": str(port), "HOST": "127.0.0.1"},
        output=sink,
    )
    if sink:
        sink.close()
    return Running(service, f"http://127.0.0.1:{port}", process, cwd, log)


def wait_ready(running: Running, timeout: float = 60.0) -> None:
    """Block until the service answers its health path without a server error."""
    problem = wait_until_answers(
        running.url + running.service.health_path,
        accept=lambda status: status < 500,
        timeout=timeout,
        exit_code=running.process.poll,
        interval=0.1,
    )
    if problem:
        raise _failed(running, problem)


def _failed(running: Running, why: str) -> CommandFailed:
    output = running.log.read_text(errors="replace") if running.log else ""
    return CommandFailed(
        f"Starting {running.service.name} ({why})", running.service.serve, running.cwd, output
    )


def stop(running: Running, grace: float = 10.0) -> None:
    """Stop the service's whole process group: SIGTERM, then SIGKILL after ``grace``."""
    if running.process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(running.process.pid, signal.SIGTERM)
        try:
            running.process.wait(grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(running.process.pid, signal.SIGKILL)
            running.process.wait()
    # Children that outlived the leader (e.g. uvicorn under uv) share its group.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(running.process.pid, signal.SIGKILL)


@contextlib.contextmanager
def serving(
    project: Path,
    stack: Stack,
    *,
    ports: Mapping[str, int] | None = None,
    env: Mapping[str, str] | None = None,
    log_dir: Path | None = None,
    timeout: float = 60.0,
) -> Iterator[list[Running]]:
    """Start every service of ``stack``, wait until each answers, stop them all on exit."""
    chosen = {s.name: (ports or {}).get(s.name) or free_port() for s in stack.services}
    started: list[Running] = []
    try:
        for service in stack.services:
            log = log_dir / f"{service.name}.log" if log_dir else None
            started.append(start(project, service, ports=chosen, env=env, log=log))
        for running in started:
            wait_ready(running, timeout)
        yield started
    finally:
        for running in reversed(started):
            stop(running)
