"""What a generated project costs: lines of code, dependencies, resident memory."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .model import Dependencies

# Launchers that only wait for the server they started; their memory is not the server's.
LAUNCHERS = {"uv"}
CODE_SUFFIXES = {".py": "#", ".js": "//", ".mjs": "//", ".cjs": "//", ".ts": "//"}
MARKUP_SUFFIXES = {".html", ".css"}
SKIPPED_DIRS = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}


def count_loc(text: str, comment: str | None) -> int:
    """Lines that are neither blank nor a whole-line comment starting with ``comment``."""
    lines = (line.strip() for line in text.splitlines())
    return sum(1 for line in lines if line and not (comment and line.startswith(comment)))


def project_loc(project: Path) -> int:
    """Lines of code of a project's own source (.py, .js, .ts, .html, .css; tests
    included),
    without installed packages, lock files, data or configuration."""
    total = 0
    for path in project.rglob("*"):
        rel_parts = path.relative_to(project).parts
        if not path.is_file() or SKIPPED_DIRS.intersection(rel_parts):
            continue
        if path.suffix in CODE_SUFFIXES or path.suffix in MARKUP_SUFFIXES:
            comment = CODE_SUFFIXES.get(path.suffix)
            total += count_loc(path.read_text(errors="replace"), comment)
    return total


def python_dependencies(pyproject: str, uv_lock: str) -> Dependencies:
    """From a pyproject.toml and its uv.lock (the project itself is not counted)."""
    declared = tomllib.loads(pyproject).get("project", {}).get("dependencies", [])
    packages = tomllib.loads(uv_lock).get("package", [])
    locked = [p for p in packages if not _is_virtual_root(p)]
    return Dependencies(direct=len(declared), total=len(locked))


def _is_virtual_root(package: dict[str, object]) -> bool:
    source = package.get("source")
    return isinstance(source, dict) and source.get("virtual") == "."


def node_dependencies(package_json: str, package_lock: str) -> Dependencies:
    """From a package.json and its package-lock.json (lockfile v2/v3)."""
    declared = json.loads(package_json).get("dependencies", {})
    packages = json.loads(package_lock).get("packages", {})
    return Dependencies(direct=len(declared), total=sum(1 for key in packages if key))


def project_dependencies(project: Path) -> Dependencies:
    if (project / "package.json").is_file():
        return node_dependencies(
            (project / "package.json").read_text(), (project / "package-lock.json").read_text()
        )
    return python_dependencies(
        (project / "pyproject.toml").read_text(), (project / "uv.lock").read_text()
    )


def parse_proc_stat(text: str) -> tuple[str, int]:
    """(command name, process group id) from the text of /proc/PID/stat."""
    head, _, rest = text.rpartition(")")
    comm = head.partition("(")[2]
    fields = rest.split()
    return comm, int(fields[2])  # after ")": state, ppid, pgrp


def parse_statm_rss(text: str, page_size: int) -> int:
    """Resident bytes from the text of /proc/PID/statm."""
    return int(text.split()[1]) * page_size


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
