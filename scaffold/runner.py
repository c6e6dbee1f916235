"""Starting a generated project's services as real processes, and stopping them."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import CommandFailed
from .progress import Progress, no_progress
from .stacks import Service, Stack
from .toolchain import argv_for, command_env, run


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    """Whether a server could listen on ``port`` now (connections in TIME_WAIT don't count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def prepare(
    project: Path,
    stack: Stack,
    env: Mapping[str, str] | None = None,
    *,
    progress: Progress = no_progress,
) -> None:
    """Run each service's one-off steps (migrations, starter data, demo users)."""
    for service in stack.services:
        for argv in service.prepare:
            with progress(f"Preparing {service.name}: {' '.join(argv)}"):
                run(argv, project / service.cwd, step=f"Preparing {service.name}", env=env)


def _local_env() -> dict[str, str]:
    """Services talk to each other on loopback even when a proxy is set for the outside
    world (a classroom behind a proxy, the offline tests); Python output reaches the log
    as it happens."""
    bypass = os.environ.get("NO_PROXY") or os.environ.get("no_proxy") or ""
    bypass = ",".join(filter(None, (bypass, "127.0.0.1,localhost")))
    return {"NO_PROXY": bypass, "no_proxy": bypass, "PYTHONUNBUFFERED": "1"}


# Health checks go straight to 127.0.0.1, never through HTTP(S)_PROXY.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def start(
    project: Path,
    service: Service,
    *,
    ports: Mapping[str, int],
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
) -> Running:
    """Start ``service`` on 127.0.0.1:``ports[service.name]`` in its own process group."""
    port = ports[service.name]
    names = {"port": port, **{f"{name}_port": p for name, p in ports.items()}}
    argv = [part.format(**names) for part in service.serve]
    service_env = {key: value.format(**names) for key, value in service.env}
    cwd = project / service.cwd
    sink: IO[bytes] | None = log.open("ab") if log else None
    process = subprocess.Popen(
        argv_for(argv),
        cwd=cwd,
        env=command_env(
            {**_local_env(), **service_env, **(env or {}), "PORT": str(port), "HOST": "127.0.0.1"}
        ),
        stdin=subprocess.DEVNULL,
        stdout=sink,
        stderr=subprocess.STDOUT if sink else None,
        start_new_session=True,  # so stop() can signal the whole tree (uv → python)
    )
    if sink:
        sink.close()
    return Running(service, f"http://127.0.0.1:{port}", process, cwd, log)


def wait_ready(running: Running, timeout: float = 60.0) -> None:
    """Block until the service answers its health path without a server error."""
    deadline = time.monotonic() + timeout
    url = running.url + running.service.health_path
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise _failed(running, f"exited with code {running.process.returncode}")
        try:
            with _DIRECT.open(url, timeout=2) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise _failed(running, f"did not answer {url} within {timeout:.0f}s")


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
