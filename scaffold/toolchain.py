"""Running the tools a project needs (git, uv, npm, node) with clear failures.

Every subprocess scaffold starts goes through here: ``run`` (a step that must succeed),
``execute`` (a command whose exit code the caller reads), ``probe`` (a quick question
to a tool that may be missing) and ``spawn`` (a long-running server). A missing tool
raises ToolMissing with ``install_advice``: the same fix ``scaffold doctor`` prints.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import IO

from .errors import CommandFailed, ToolMissing

MIN_NODE = (22, 18)  # TypeScript projects: type stripping without a flag (engines ^22.18.0 || >=24)

# Environment that keeps every uv and npm command of a project off the network, including
# the implicit syncs of `uv run` and npm's metadata look-ups.
OFFLINE_ENV: dict[str, str] = {"UV_OFFLINE": "1", "npm_config_offline": "true"}
# Online installs still take what the cache has: lock files pin exact versions and
# hashes, so re-checking cached npm metadata only costs time (it halves a warm `npm ci`).
PREFER_CACHE_ENV: dict[str, str] = {"npm_config_prefer_offline": "true"}


@cache
def resolve(tool: str) -> str:
    """Absolute path of ``tool``; uv falls back to the binary the ``uv`` package ships."""
    found = shutil.which(tool)
    if found:
        return found
    if tool == "uv":
        try:
            from uv import find_uv_bin

            return find_uv_bin()
        except (ImportError, FileNotFoundError):
            pass
    raise ToolMissing(tool, install_advice(tool))


def install_advice(tool: str) -> str:
    """The command that installs ``tool`` on this machine (what doctor prints too)."""
    if tool in ("node", "npm"):
        return _node_advice()
    if tool == "uv":
        return "pip install uv   (scaffold normally brings its own)"
    return _package_install(tool, other=f"install {tool} and put it on PATH")


def _package_install(package: str, *, other: str) -> str:
    if sys.platform == "darwin":
        return f"brew install {package}"
    if shutil.which("apt-get"):
        sudo = "" if os.geteuid() == 0 else "sudo "
        return f"{sudo}apt-get install -y {package}"
    return other


def _node_advice() -> str:
    # Distribution packages are often older than Node 20; NodeSource has current ones.
    wanted = MIN_NODE[0] + 2  # the current LTS line
    if sys.platform == "darwin":
        return f"brew install node@{wanted}"
    if shutil.which("apt-get"):
        return (
            f"curl -fsSL https://deb.nodesource.com/setup_{wanted}.x | sudo -E bash - "
            "&& sudo apt-get install -y nodejs"
        )
    return (
        "curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.1/install.sh | bash "
        f"&& nvm install {wanted}"
    )


def command_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for project commands: ours, minus the active virtualenv, plus a
    ``uv`` on PATH.

    scaffold may itself run inside a virtualenv; uv would otherwise warn about it (or use
    it) instead of the project's own ``.venv``.
    """
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    if not shutil.which("uv"):
        # Project scripts call `uv` themselves (npm scripts, pre-commit hooks): let them
        # find the one scaffold brings, last on PATH so it shadows nothing.
        with contextlib.suppress(ToolMissing):
            env["PATH"] = os.pathsep.join([env.get("PATH", ""), str(Path(resolve("uv")).parent)])
    env.update(extra or {})
    return env


def argv_for(argv: Sequence[str]) -> list[str]:
    """Replace the tool name at argv[0] by its resolved path."""
    return [resolve(argv[0]), *argv[1:]]


def execute(
    argv: Sequence[str],
    cwd: Path,
    *,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a project command (no input, output and errors together); never raises on exit."""
    return subprocess.run(
        argv_for(argv),
        cwd=cwd,
        env=command_env(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


def run(
    argv: Sequence[str],
    cwd: Path,
    *,
    step: str,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> str:
    """Run a command to completion and return its output; CommandFailed when it fails."""
    try:
        done = execute(argv, cwd, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        out = exc.output if isinstance(exc.output, str) else ""
        raise CommandFailed(step, argv, cwd, out + f"\n(timed out after {timeout:.0f}s)") from exc
    if done.returncode != 0:
        raise CommandFailed(step, argv, cwd, done.stdout)
    return done.stdout


def offline_argv(argv: Sequence[str]) -> tuple[str, ...]:
    """An install command that uses the package caches only (``uv sync … --offline``)."""
    if argv and argv[0] in {"uv", "npm"} and "--offline" not in argv:
        return (*argv, "--offline")
    return tuple(argv)


def probe(
    argv: Sequence[str], *, timeout: float = 30, cwd: Path | None = None
) -> subprocess.CompletedProcess[str] | None:
    """Ask a tool something (``--version``, ``config get``): its output, or None when it
    is missing, cannot start or does not answer within ``timeout``."""
    try:
        return subprocess.run(
            argv_for(argv),
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (ToolMissing, OSError, subprocess.TimeoutExpired):
        return None


def spawn(
    argv: Sequence[str],
    cwd: Path,
    *,
    env: Mapping[str, str] | None = None,
    output: IO[bytes] | int | None = None,
) -> subprocess.Popen[bytes]:
    """Start a long-running process (a server) in its own process group, so that
    ``os.killpg`` stops its whole tree (uv → python); stderr goes where stdout goes."""
    return subprocess.Popen(
        argv_for(argv),
        cwd=cwd,
        env=command_env(env),
        stdin=subprocess.DEVNULL,
        stdout=output,
        stderr=None if output is None else subprocess.STDOUT,
        start_new_session=True,
    )
