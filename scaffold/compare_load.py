"""Process control for ``scaffold compare``: production servers, wrk runs, memory sampling.

Every process started here runs in its own process group and is stopped, group and all,
before the function or context that started it returns.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import runner
from .compare_measure import LoadRun, parse_proc_stat, parse_statm_rss, parse_wrk
from .errors import CommandFailed, ToolMissing, UserError
from .stacks import Service

WRK_FIX = "Install wrk: `apt-get install -y wrk` (Debian/Ubuntu) or `brew install wrk` (macOS)."
WRK_THREADS = 1  # one load thread leaves the other core(s) to the server under test
WRK_TIMEOUT_S = 10  # a response slower than this counts as a (timeout) error
# Launchers that only wait for the server they started; their memory is not the server's.
LAUNCHERS = {"uv"}
# The ceiling check: the cheapest HTTP server Node offers, answering 2 bytes.
TRIVIAL_SERVER = (
    "require('http').createServer((q, s) => s.end('ok'))"
    ".listen(Number(process.env.PORT), '127.0.0.1');\n"
)

_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def require_wrk() -> str:
    found = shutil.which("wrk")
    if not found:
        raise ToolMissing("wrk", WRK_FIX)
    return found


def run_wrk(url: str, script: Path, *, connections: int, seconds: int) -> LoadRun:
    """Drive ``url`` with wrk for ``seconds``; also measure wrk's own CPU time."""
    argv = [
        require_wrk(),
        f"-t{min(WRK_THREADS, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={WRK_TIMEOUT_S}s",
        f"-s{script}",
        url,
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise CommandFailed("Running wrk", argv, script.parent, done.stdout + done.stderr)
    return parse_wrk(done.stdout, wrk_cpu_s=cpu)


def group_rss(pgid: int, page_size: int = os.sysconf("SC_PAGE_SIZE")) -> int:
    """Resident bytes of every process in group ``pgid`` (launchers excluded)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            comm, group = parse_proc_stat(Path(entry.path, "stat").read_text())
            if group == pgid and comm not in LAUNCHERS:
                total += parse_statm_rss(Path(entry.path, "statm").read_text(), page_size)
    return total


@dataclass
class RssSampler:
    """Samples a process group's RSS in a background thread; ``peak`` is the maximum."""

    pgid: int
    interval: float = 0.05
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> RssSampler:
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, group_rss(self.pgid))
            self._stop.wait(self.interval)


def production(service: Service) -> Service:
    """``service`` as its production server runs it."""
    if not service.serve_production:
        raise UserError(f"{service.name} has no production server defined.", "")
    return replace(
        service, serve=service.serve_production, env=(*service.env, *service.production_env)
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
    port = runner.free_port()
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
    deadline = time.monotonic() + timeout
    url = running.url + running.service.health_path
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise _start_failed(running, f"exited with code {running.process.returncode}")
        with contextlib.suppress(urllib.error.URLError, OSError):
            if request("GET", url, timeout=2)[0] == 200:
                return
        time.sleep(0.02)
    raise _start_failed(running, f"did not answer 200 on {url} within {timeout:.0f}s")


def _start_failed(running: runner.Running, why: str) -> CommandFailed:
    output = running.log.read_text(errors="replace") if running.log else ""
    return CommandFailed(
        f"Starting {running.service.name} ({why})", running.service.serve, running.cwd, output
    )


def request(
    method: str,
    url: str,
    body: object = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 10,
) -> tuple[int, object]:
    """One HTTP request straight to loopback (no proxy); (status, decoded JSON or text)."""
    data = json.dumps(body).encode() if body is not None else None
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with _DIRECT.open(req, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    text = raw.decode(errors="replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


@contextlib.contextmanager
def trivial_server(workdir: Path) -> Iterator[str | None]:
    """A two-byte Node HTTP server (the load generator's ceiling check); None without Node."""
    node = shutil.which("node")
    if not node:
        yield None
        return
    script = workdir / "trivial-server.cjs"
    script.write_text(TRIVIAL_SERVER)
    port = runner.free_port()
    process = subprocess.Popen(
        [node, str(script)],
        env={**os.environ, "PORT": str(port)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(urllib.error.URLError, OSError):
                request("GET", url, timeout=1)
                break
            time.sleep(0.02)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
