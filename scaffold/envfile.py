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


def _examples(project: Path) -> list[Path]:
    return [
        example
        for example in sorted(project.glob("**/.env.example"))
        if not {"node_modules", ".venv"} & set(example.relative_to(project).parts)
    ]


def _secret_source() -> Callable[[str], str]:
    """Fresh secrets, one per key for the whole run: a key shared by several ``.env``
    files of a project (a hybrid's internal secret) gets the same value in each, so its
    services can authenticate each other."""
    values: dict[str, str] = {}

    def secret_for(key: str) -> str:
        return values.setdefault(key, secrets.token_urlsafe(48))

    return secret_for


def write_env_files(project: Path) -> list[Path]:
    """Create ``.env`` beside every ``.env.example`` that has none; never overwrite one."""
    secret_for = _secret_source()
    written = []
    for example in _examples(project):
        target = example.with_name(".env")
        if target.exists():
            continue
        target.write_text(fill_secrets(example.read_text(), secret_for))
        target.chmod(0o600)
        written.append(target)
    return written


def add_missing_keys(project: Path) -> dict[Path, list[str]]:
    """Append to each existing ``.env`` the keys its ``.env.example`` gained (an update
    brought them), secrets fresh; lines already there are never changed."""
    secret_for = _secret_source()
    added: dict[Path, list[str]] = {}
    for example in _examples(project):
        target = example.with_name(".env")
        if not target.exists():
            continue
        have = read_env_file(target)
        wanted = read_env_file(example.with_name(".env.example"))
        new = [key for key in wanted if key not in have]
        if not new:
            continue
        lines = [f"{key}={wanted[key]}" for key in new]
        block = fill_secrets("\n".join(lines), secret_for)
        text = target.read_text()
        separator = "" if not text or text.endswith("\n") else "\n"
        target.write_text(f"{text}{separator}# Added by scaffold update:\n{block}")
        added[target] = new
    return added


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
