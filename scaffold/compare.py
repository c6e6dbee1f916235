"""``scaffold compare``: the same students API in several stacks, measured side by side.

For each stack: render (students only, SQLite, the seeds' starter data) into a temp dir,
install, prepare, start the production server on loopback, then for each endpoint (list,
read one, create) a warm-up wrk run that is not counted and ``rounds`` counted runs whose
medians are reported. Before the stacks, wrk drives a trivial Node server: that ceiling,
and wrk's own CPU time during every run, show whether the load generator was the limit.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import api, runner
from .compare_load import production_server, request, require_wrk, run_wrk, trivial_server
from .compare_measure import (
    Dependencies,
    EndpointResult,
    LoadRun,
    parse_cpu_model,
    parse_mem_total_mb,
    parse_venv_python,
    project_dependencies,
    project_loc,
    wrk_script,
)
from .errors import UserError
from .launch import ADMIN_LOGIN_KEYS
from .progress import Progress, no_progress
from .stacks import STACKS, Service

ENDPOINTS = ("list", "read", "create")
NEW_STUDENT = {"name": "Asha", "grade": "A"}
# Writes need a Bearer token in every stack (docs/api-contract.md); prepare makes this user.
COMPARE_USER = "compare"
COMPARABLE = tuple(
    name
    for name, stack in STACKS.items()
    if "students" in stack.features
    and len(stack.services) == 1
    and stack.services[0].serve_production
)


@dataclass(frozen=True)
class Settings:
    stacks: tuple[str, ...] = COMPARABLE
    duration: int = 10  # seconds per counted round
    connections: int = 64
    rounds: int = 3
    workers: int = 2  # WEB_CONCURRENCY of the Python servers; Node runs one process

    @property
    def warmup(self) -> int:
        """Seconds of uncounted load before each endpoint's rounds."""
        return max(1, min(5, self.duration // 2))


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    memory_mb: int
    kernel: str
    python: str
    node: str
    wrk: str
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]


@dataclass(frozen=True)
class StackResult:
    stack: str
    server: str
    install_s: float
    startup_s: float
    peak_rss_bytes: int
    loc: int
    deps: Dependencies
    endpoints: dict[str, EndpointResult]
    paths: dict[str, str]


@dataclass(frozen=True)
class Report:
    machine: Machine
    settings: Settings
    ceiling: LoadRun | None
    stacks: tuple[StackResult, ...]

    @property
    def max_wrk_cpu_share(self) -> float:
        runs = [r for s in self.stacks for e in s.endpoints.values() for r in e.rounds]
        return max((r.wrk_cpu_share for r in runs), default=0.0)


def validate_settings(settings: Settings) -> None:
    unknown = [s for s in settings.stacks if s not in COMPARABLE]
    if unknown or not settings.stacks:
        raise UserError(
            f"Cannot compare {', '.join(unknown) or 'no stacks'}.",
            f"Pick from: {', '.join(COMPARABLE)} (comma-separated).",
        )
    for name in ("duration", "connections", "rounds", "workers"):
        if getattr(settings, name) < 1:
            raise UserError(f"--{name} must be at least 1.", f"Pass --{name} 1 or more.")


def compare(settings: Settings, *, progress: Progress = no_progress) -> Report:
    """Measure every stack of ``settings``; everything started is stopped, temp dirs removed."""
    validate_settings(settings)
    require_wrk()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="scaffold-compare-") as tmp:
        work = Path(tmp)
        with progress("Measuring the load generator's ceiling (trivial Node server)"):
            ceiling = _ceiling(work, settings)
        results = tuple(_measure_stack(name, work, settings, progress) for name in settings.stacks)
        machine = describe_machine(work, load_before)
    return Report(machine, settings, ceiling, results)


def _ceiling(work: Path, settings: Settings) -> LoadRun | None:
    with trivial_server(work) as url:
        if url is None:
            return None
        script = work / "ceiling.lua"
        script.write_text(wrk_script())
        run_wrk(url, script, connections=settings.connections, seconds=settings.warmup)
        return run_wrk(url, script, connections=settings.connections, seconds=settings.duration)


def _measure_stack(name: str, work: Path, settings: Settings, progress: Progress) -> StackResult:
    stack = STACKS[name]
    service = stack.services[0]
    project = work / name
    spec = api.make_spec(
        name="students-api", stack=name, features=["students"], db="sqlite", dest=project
    )
    with progress(f"{name}: rendering the students API"):
        api.create_project(spec=spec, git=False, install=False)
    started = time.monotonic()
    api.install_dependencies(project, stack, progress=progress)
    install_s = time.monotonic() - started
    env = _server_env(service, settings)
    runner.prepare(project, stack, env=env, progress=progress)
    # A first, uncounted start creates the database and the bytecode caches, so the
    # measured startup is a restart for every stack alike.
    with (
        progress(f"{name}: first start (creates the database; not timed)"),
        production_server(project, service, env=env, log=work / f"{name}-first.log"),
    ):
        pass
    with (
        progress(f"{name}: starting the production server"),
        production_server(project, service, env=env, log=work / f"{name}.log") as server,
    ):
        headers = _write_headers(name, server.url + service.path("/api/auth/token"), env)
        paths = endpoint_paths(service)
        endpoints = {
            endpoint: _load(server.url, endpoint, paths[endpoint], headers, work / name, settings)
            for endpoint in ENDPOINTS
        }
    return StackResult(
        stack=name,
        server=" ".join(service.serve_production).replace("{port}", "$PORT"),
        install_s=install_s,
        startup_s=server.startup_s,
        peak_rss_bytes=server.sampler.peak,
        loc=project_loc(project),
        deps=project_dependencies(project),
        endpoints=endpoints,
        paths=paths,
    )


def _server_env(service: Service, settings: Settings) -> dict[str, str]:
    """Production settings for prepare and serve, our worker count, a throwaway demo user
    (under every stack's names for it)."""
    password = os.urandom(18).hex()
    users = {key: COMPARE_USER for key, _ in ADMIN_LOGIN_KEYS}
    passwords = {key: password for _, key in ADMIN_LOGIN_KEYS}
    return {
        **dict(service.production_env),
        "WEB_CONCURRENCY": str(settings.workers),
        **users,
        **passwords,
        "DJANGO_SUPERUSER_EMAIL": "compare@example.com",
    }


def _write_headers(name: str, token_url: str, env: dict[str, str]) -> dict[str, str]:
    """The Authorization header of the demo user made by prepare."""
    user_key, password_key = ADMIN_LOGIN_KEYS[0]
    credentials = {"username": env[user_key], "password": env[password_key]}
    status, body = request("POST", token_url, credentials)
    if status != 200 or not isinstance(body, dict):
        raise UserError(f"{name}: getting an API token failed ({status}).", str(body)[:300])
    return {"Authorization": f"Bearer {body['token']}"}


def endpoint_paths(service: Service) -> dict[str, str]:
    """list/read/create paths from the service's "students API" URL (slash style kept)."""
    base = service.path("/api/students")
    one = base.rstrip("/") + "/1" + ("/" if base.endswith("/") else "")
    return {"list": base, "read": one, "create": base}


def _load(
    url: str,
    endpoint: str,
    path: str,
    headers: dict[str, str],
    scripts: Path,
    settings: Settings,
) -> EndpointResult:
    """Check the endpoint answers 2xx, warm it up, then count ``settings.rounds`` runs."""
    method, body = ("POST", NEW_STUDENT) if endpoint == "create" else ("GET", None)
    status, answer = request(method, url + path, body, headers)
    if not 200 <= status < 300:
        raise UserError(
            f"{method} {path} answered {status} before the load started.", str(answer)[:300]
        )
    script = scripts.with_name(f"{scripts.name}-{endpoint}.lua")
    json_body = "" if body is None else json.dumps(body)
    extra = [("Content-Type", "application/json")] if body is not None else []
    script.write_text(wrk_script(method, json_body, [*extra, *headers.items()]))
    target = url + path
    run_wrk(target, script, connections=settings.connections, seconds=settings.warmup)
    rounds = tuple(
        run_wrk(target, script, connections=settings.connections, seconds=settings.duration)
        for _ in range(settings.rounds)
    )
    return EndpointResult(rounds)


def describe_machine(work: Path, load_before: tuple[float, float, float]) -> Machine:
    """CPU, cores, memory, kernel, the projects' Python, Node and wrk versions, load."""
    venvs = sorted(work.glob("*/.venv/pyvenv.cfg"))
    python = parse_venv_python(venvs[0].read_text()) if venvs else platform.python_version()
    return Machine(
        cpu=parse_cpu_model(_read("/proc/cpuinfo")),
        cores=os.cpu_count() or 1,
        memory_mb=parse_mem_total_mb(_read("/proc/meminfo")),
        kernel=f"{platform.system()} {platform.release()}",
        python=python,
        node=_version(["node", "--version"]),
        wrk=_version(["wrk", "--version"]).split(" Copyright")[0],
        load_before=load_before,
        load_after=os.getloadavg(),
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _version(argv: list[str]) -> str:
    tool = shutil.which(argv[0])
    if not tool:
        return "not installed"
    done = subprocess.run([tool, *argv[1:]], capture_output=True, text=True, check=False)
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0].strip() if lines else "unknown"
