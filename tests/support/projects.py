"""Generating, installing and serving projects in tests — through scaffold's own code.

The same functions users run (``api.create_project``, ``runner.serving``) do the work,
so a spin-up test proves the path a user takes.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import httpx

from scaffold import api, runner
from scaffold.envfile import read_env_file
from scaffold.launch import ADMIN_LOGIN_KEYS
from scaffold.stacks import STACKS, Service
from scaffold.toolchain import OFFLINE_ENV, execute
from tests.support import prerequisites

free_port = runner.free_port


def generate(
    parent: Path,
    stack: str,
    *,
    features: Sequence[str] | None = None,
    db: str = "sqlite",
    name: str = "demo",
    language: str | None = None,
) -> Path:
    """Render a project under ``parent`` (git-initialised, not installed); return its path."""
    spec = api.make_spec(
        name=name, stack=stack, features=features, db=db, language=language, dest=parent / name
    )
    return api.create_project(spec=spec, install=False).path


def install(project: Path, stack: str) -> None:
    """Install dependencies exactly as ``scaffold new`` does (uv / npm, shared caches)."""
    if "node" in STACKS[stack].toolchain:
        prerequisites.require_node()
    api.install_dependencies(project, STACKS[stack])


def run(
    project: Path,
    *argv: str,
    cwd: str = ".",
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run a command in the project; on failure the assertion shows its whole output."""
    done = execute(argv, project / cwd, env=env, timeout=timeout)
    assert done.returncode == 0, f"`{' '.join(argv)}` exited {done.returncode}:\n{done.stdout}"
    return done


def run_all(
    project: Path,
    commands: Sequence[tuple[str, Sequence[str]]],
    env: Mapping[str, str] | None = None,
) -> None:
    """Run a stack's (cwd, argv) command list, e.g. ``STACKS[s].test``."""
    for cwd, argv in commands:
        run(project, *argv, cwd=cwd, env=env)


# Any network access fails: uv and npm stay offline, anything else meets a closed port.
OFFLINE = {**OFFLINE_ENV, "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}


def run_pre_commit(project: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit run --all-files`` in an installed project, offline; fails on any finding."""
    pre_commit = prerequisites.require_python_tool("pre-commit")
    home = {"PRE_COMMIT_HOME": str(project.parent / "pre-commit-home")}  # keeps git clean
    return run(project, pre_commit, "run", "--all-files", env={**OFFLINE, **home})


@contextlib.contextmanager
def serve(
    project: Path,
    stack: str,
    *,
    env: Mapping[str, str] | None = None,
    port: int | None = None,
) -> Iterator[str]:
    """Prepare and start the project's first service; yield its base URL; stop it by PID."""
    definition = STACKS[stack]
    runner.prepare(project, definition, env=env)
    ports = {definition.services[0].name: port} if port else None
    logs = project.parent / f"{project.name}-logs"  # outside the project: keeps git clean
    logs.mkdir(exist_ok=True)
    with runner.serving(
        project, definition, ports=ports, env=env, log_dir=logs, timeout=90
    ) as running:
        yield running[0].url


@contextlib.contextmanager
def serve_all(
    project: Path,
    stack: str,
    *,
    env: Mapping[str, str] | None = None,
    seed: bool = True,
) -> Iterator[dict[str, str]]:
    """Prepare (and ``seed``) and start every service of the project; yield {service name:
    base URL}."""
    definition = STACKS[stack]
    runner.prepare(project, definition, env=env, seed=seed)
    logs = project.parent / f"{project.name}-logs"  # outside the project: keeps git clean
    logs.mkdir(exist_ok=True)
    with runner.serving(project, definition, env=env, log_dir=logs, timeout=90) as running:
        yield {r.service.name: r.url for r in running}


def demo_login(service_dir: Path) -> tuple[str, str]:
    """The demo user's name and password, as the service's ``.env`` holds them."""
    dotenv = read_env_file(service_dir / ".env")
    for user_key, password_key in ADMIN_LOGIN_KEYS:
        if dotenv.get(user_key) and dotenv.get(password_key):
            return dotenv[user_key], dotenv[password_key]
    raise AssertionError(f"no demo user in {service_dir / '.env'}")


def demo_authorization(url: str, project: Path, service: Service) -> dict[str, str]:
    """The demo user's ``Authorization`` header, from ``service``'s token endpoint at
    ``url`` with the login scaffold wrote to the service's ``.env``."""
    username, password = demo_login(project / service.cwd)
    answer = httpx.post(
        url + service.path("/api/auth/token"),
        json={"username": username, "password": password},
        timeout=30,
        trust_env=False,
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}
