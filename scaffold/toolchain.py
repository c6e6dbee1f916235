"""Running the tools a project needs (git, uv, npm, node) with clear failures."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from .errors import CommandFailed, ToolMissing

FIXES: dict[str, str] = {
    "git": "Install git: `apt-get install git` (Debian/Ubuntu), `brew install git` (macOS).",
    "node": "Install Node.js 20 or newer: https://nodejs.org or `apt-get install nodejs npm`.",
    "npm": "npm ships with Node.js: install Node.js 20 or newer (https://nodejs.org).",
    "uv": "Install uv: `pip install uv` (scaffold normally brings its own).",
}

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
    raise ToolMissing(tool, FIXES.get(tool, f"Install {tool} and put it on PATH."))


def command_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for project commands: ours, minus the active virtualenv.

    scaffold may itself run inside a virtualenv; uv would otherwise warn about it (or use
    it) instead of the project's own ``.venv``.
    """
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
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


def git_init(project: Path, message: str, *, paths: Sequence[str]) -> None:
    """``git init`` and commit ``paths``, so copier update has a clean base to work from.

    Only the files scaffold wrote are added: a destination may hold the user's own files.
    """
    run(["git", "init", "-q", "-b", "main"], project, step="git init")
    run(["git", "add", "--", *paths], project, step="git add")
    run(
        [*_git_identity(project), "commit", "-q", "--no-verify", "-m", message],
        project,
        step="git commit",
    )


def _git_identity(cwd: Path) -> list[str]:
    """``git`` plus a fallback identity when the user has none configured."""
    configured = subprocess.run(
        [resolve("git"), "config", "user.email"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if configured:
        return ["git"]
    return ["git", "-c", "user.name=scaffold", "-c", "user.email=scaffold@localhost"]


def git_state(path: Path) -> Literal["none", "clean", "dirty"]:
    """Whether ``path`` is in a git work tree, and whether that tree has changes."""
    git = resolve("git")
    inside = subprocess.run(
        [git, "rev-parse", "--is-inside-work-tree"],
        cwd=path,
        capture_output=True,
        text=True,
        check=False,
    )
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return "none"
    status = subprocess.run(
        [git, "status", "--porcelain"], cwd=path, capture_output=True, text=True, check=False
    )
    return "dirty" if status.stdout.strip() else "clean"
