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
import tempfile
import time
from pathlib import Path

from .. import api, runner
from ..errors import UserError
from ..net import request
from ..progress import Progress, no_progress
from ..stacks import STACKS, AdminLogin, Service
from .footprint import project_dependencies, project_loc
from .machine import describe_machine
from .model import (
    COMPARABLE,
    ENDPOINTS,
    EndpointResult,
    LoadRun,
    Machine,
    Report,
    Settings,
    StackResult,
    parse_target,
)
from .servers import production_server, trivial_server
from .wrk import require_wrk, run_wrk, wrk_script

__all__ = [
    "COMPARABLE",
    "ENDPOINTS",
    "NEW_STUDENT",
    "Machine",
    "Report",
    "Settings",
    "StackResult",
    "compare",
    "describe_machine",
    "endpoint_paths",
]

NEW_STUDENT = {"name": "Asha", "grade": "A"}
# Writes need a Bearer token in every stack (docs/api-contract.md); prepare makes this user.
COMPARE_USER = "compare"


def validate_settings(settings: Settings) -> None:
    unknown = [t for t in settings.stacks if not _comparable(*parse_target(t))]
    if unknown or not settings.stacks:
        with_node = [f"{s}:{lang}" for s in COMPARABLE for lang in STACKS[s].languages]
        raise UserError(
            f"Cannot compare {', '.join(unknown) or 'no stacks'}.",
            f"Pick from: {', '.join(COMPARABLE)} (comma-separated); a language after a "
            f"colon compares builds: {', '.join(with_node)}.",
        )
    for name in ("duration", "connections", "rounds", "workers"):
        if getattr(settings, name) < 1:
            raise UserError(f"--{name} must be at least 1.", f"Pass --{name} 1 or more.")


def _comparable(stack: str, language: str | None) -> bool:
    return stack in COMPARABLE and (language is None or language in STACKS[stack].languages)


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


def _measure_stack(target: str, work: Path, settings: Settings, progress: Progress) -> StackResult:
    name = parse_target(target)[0]
    stack = STACKS[name]
    service = stack.services[0]
    project = work / target.replace(":", "-")
    spec = _render(target, project, progress)
    started = time.monotonic()
    api.install_dependencies(project, stack, progress=progress)
    install_s = time.monotonic() - started
    env = _server_env(service, settings)
    runner.prepare(project, stack, env=env, progress=progress)
    # A first, uncounted start creates the database and the bytecode caches, so the
    # measured startup is a restart for every stack alike.
    with (
        progress(f"{target}: first start (creates the database; not timed)"),
        production_server(project, service, env=env, log=work / f"{project.name}-first.log"),
    ):
        pass
    with (
        progress(f"{target}: starting the production server"),
        production_server(project, service, env=env, log=work / f"{project.name}.log") as server,
    ):
        headers = _write_headers(name, server.url, service, env)
        paths = endpoint_paths(service)
        endpoints = {
            endpoint: _load(server.url, endpoint, paths[endpoint], headers, project, settings)
            for endpoint in ENDPOINTS
        }
    return StackResult(
        stack=name,
        server=" ".join(service.serve_production).format(port="$PORT", language=spec.language),
        install_s=install_s,
        startup_s=server.startup_s,
        peak_rss_bytes=server.sampler.peak,
        loc=project_loc(project),
        deps=project_dependencies(project),
        endpoints=endpoints,
        paths=paths,
        language=spec.language,
    )


def _render(target: str, project: Path, progress: Progress) -> api.ProjectSpec:
    """The students API (students only, SQLite) of ``target`` rendered into ``project``."""
    name, language = parse_target(target)
    spec = api.make_spec(
        name="students-api",
        stack=name,
        features=["students"],
        db="sqlite",
        dest=project,
        language=language,
    )
    with progress(f"{target}: rendering the students API"):
        api.create_project(spec=spec, git=False, install=False)
    return spec


def _server_env(service: Service, settings: Settings) -> dict[str, str]:
    """Production settings for prepare and serve, our worker count, and a throwaway demo
    admin under the names the stack reads it from."""
    login = _admin_login(service)
    return {
        **dict(service.production_env),
        "WEB_CONCURRENCY": str(settings.workers),
        login.user_key: COMPARE_USER,
        login.password_key: os.urandom(18).hex(),
        **{key: value.format(user=COMPARE_USER) for key, value in login.extra},
    }


def _admin_login(service: Service) -> AdminLogin:
    if service.admin_login is None:
        raise UserError(
            f"{service.name} creates no demo user, and writes need a Bearer token.",
            f"Compare only stacks whose service creates one: {', '.join(COMPARABLE)}.",
        )
    return service.admin_login


def _write_headers(name: str, url: str, service: Service, env: dict[str, str]) -> dict[str, str]:
    """The Authorization header of the demo user made by prepare."""
    login = _admin_login(service)
    credentials = {"username": env[login.user_key], "password": env[login.password_key]}
    status, body = request("POST", url + service.token_path, credentials)
    if status != 200 or not isinstance(body, dict):
        raise UserError(
            f"{name}: getting an API token failed ({status}): {str(body)[:300]}",
            f"Run the {name} project's own tests (they sign in the same way) to see why.",
        )
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
            f"{method} {path} answered {status} before the load started: {str(answer)[:300]}",
            "Run the project's own tests (they call the same endpoint) to see why.",
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
