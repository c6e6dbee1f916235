"""The servers ``scaffold compare`` measures: a project's production server, and a
trivial Node server for the load generator's ceiling.

Every process started here runs in its own process group and is stopped, group and all,
before the context that started it exits.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import runner
from ..errors import CommandFailed, UserError
from ..net import free_port, wait_until_answers
from ..stacks import Service
from ..toolchain import spawn
from .footprint import RssSampler

# The ceiling check: the cheapest HTTP server Node offers, answering 2 bytes.
TRIVIAL_SERVER = (
    "require('http').createServer((q, s) => s.end('ok'))"
    ".listen(Number(process.env.PORT), '127.0.0.1');\n"
)


def production(service: Service) -> Service:
    """``service`` as its production server runs it."""
    if not service.serve_production:
        raise UserError(
            f"{service.name} has no production server defined.",
            "Give it serve_production in scaffold/stacks.py, or leave it out of the comparison.",
        )
    return service._replace(
        serve=service.serve_production, env=(*service.env, *service.production_env)
    )


@dataclass
class Server:
    url: str
    startup_s: float
    sampler: RssSampler


@contextlib.contextmanager
def production_server(
    project: Path, service: Service, *, env: Mapping[str, str], log: Path, timeout: float = 120
) -> Iterator[Server]:
    """Start ``service``'s production server on a free loopback port, time spawn → first
    200 on its health path, sample its memory until it is stopped (on exit)."""
    port = free_port()
    spawned = time.monotonic()
    running = runner.start(
        project, production(service), ports={service.name: port}, env=env, log=log
    )
    try:
        with RssSampler(running.process.pid) as sampler:
            _wait_for_200(running, timeout)
            yield Server(running.url, time.monotonic() - spawned, sampler)
    finally:
        runner.stop(running)


def _wait_for_200(running: runner.Running, timeout: float) -> None:
    problem = wait_until_answers(
        running.url + running.service.health_path,
        accept=lambda status: status == 200,
        timeout=timeout,
        exit_code=running.process.poll,
        interval=0.02,
    )
    if problem:
        raise _start_failed(running, problem)


def _start_failed(running: runner.Running, why: str) -> CommandFailed:
    output = running.log.read_text(errors="replace") if running.log else ""
    return CommandFailed(
        f"Starting {running.service.name} ({why})", running.service.serve, running.cwd, output
    )


@contextlib.contextmanager
def trivial_server(workdir: Path) -> Iterator[str | None]:
    """A two-byte Node HTTP server (the load generator's ceiling check); None without Node."""
    node = shutil.which("node")
    if not node:
        yield None
        return
    script = workdir / "trivial-server.cjs"
    script.write_text(TRIVIAL_SERVER)
    port = free_port()
    process = spawn(
        [node, str(script)], workdir, env={"PORT": str(port)}, output=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_answers(url, accept=lambda _: True, timeout=20, exit_code=process.poll)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
