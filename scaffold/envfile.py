"""Writing a project's ``.env`` from its ``.env.example`` with fresh secrets."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

SECRET_SUFFIXES = ("SECRET_KEY", "_SECRET", "_TOKEN", "_PASSWORD")


def is_secret(key: str) -> bool:
    return key.upper().endswith(SECRET_SUFFIXES)


def fill_secrets(example: str, secret_for: Callable[[str], str]) -> str:
    """Copy ``example`` line by line, giving every secret key the value ``secret_for(key)``."""
    lines = []
    for line in example.splitlines():
        key, sep, _ = line.partition("=")
        if sep and not line.lstrip().startswith("#") and is_secret(key.strip()):
            line = f"{key}={secret_for(key.strip())}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def write_env_files(project: Path) -> list[Path]:
    """Create ``.env`` beside every ``.env.example`` that has none; never overwrite one.

    A key shared by several services of one project (a hybrid's internal secret) gets the
    same value in each of their files, so the services can authenticate each other.
    """
    values: dict[str, str] = {}

    def secret_for(key: str) -> str:
        return values.setdefault(key, secrets.token_urlsafe(48))

    written = []
    for example in sorted(project.glob("**/.env.example")):
        if {"node_modules", ".venv"} & set(example.relative_to(project).parts):
            continue
        target = example.with_name(".env")
        if target.exists():
            continue
        target.write_text(fill_secrets(example.read_text(), secret_for))
        target.chmod(0o600)
        written.append(target)
    return written


def read_env_file(path: Path) -> dict[str, str]:
    """``KEY=VALUE`` lines of a ``.env`` file (comments and blanks skipped, quotes removed)."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text().splitlines():
        key, sep, value = line.strip().removeprefix("export ").partition("=")
        if sep and key and not key.startswith("#"):
            values[key.strip()] = value.strip().strip("'\"")
    return values
