"""A rendered project held in memory: rendered by the library in a temporary directory
that is removed before the answer leaves, so nothing on disk outlives a request."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import api
from .params import Answers

GIT_DIR = ".git"
ENV_FILE = ".env"  # per download, with fresh secrets: never cached, never shown


@dataclass(frozen=True)
class Entry:
    """One file: its bytes (a symlink's target for links) and its permission bits."""

    data: bytes
    mode: int
    link: bool = False


@dataclass(frozen=True)
class Snapshot:
    """The project's files (what Explore shows) and its git repository, by relative path."""

    files: dict[str, Entry]
    git: dict[str, Entry]
    dirs: tuple[str, ...]  # every directory, empty ones too (git needs refs/tags…)

    def listing(self) -> list[dict[str, object]]:
        """``[{"path", "size"}]`` in path order, for ``/api/files``."""
        return [{"path": p, "size": len(e.data)} for p, e in sorted(self.files.items())]

    @property
    def env_examples(self) -> list[str]:
        return [p for p in self.files if p.rsplit("/", 1)[-1] == ".env.example"]


def render(answers: Answers) -> Snapshot:
    """Render as ``scaffold new --no-install`` does (git commit included) and read it back."""
    with tempfile.TemporaryDirectory(prefix="scaffold-web-") as tmp:
        dest = Path(tmp) / answers.name
        api.create_project(spec=answers.spec(dest), git=True, install=False)
        return read_tree(dest)


def read_tree(root: Path) -> Snapshot:
    """Every file under ``root`` without following links; ``.env`` left out."""
    files: dict[str, Entry] = {}
    git: dict[str, Entry] = {}
    dirs: list[str] = []
    for directory, dirnames, filenames in os.walk(root):
        here = Path(directory)
        links = [d for d in dirnames if (here / d).is_symlink()]  # kept as links, not walked
        dirnames[:] = [d for d in dirnames if d not in links]
        dirs += [(here / d).relative_to(root).as_posix() for d in dirnames]
        for name in [*filenames, *links]:
            path = here / name
            rel = path.relative_to(root).as_posix()
            if rel == ENV_FILE or rel.endswith("/" + ENV_FILE):
                continue
            into = git if rel.split("/", 1)[0] == GIT_DIR else files
            into[rel] = _entry(path)
    return Snapshot(files, git, tuple(sorted(dirs)))


def _entry(path: Path) -> Entry:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return Entry(os.readlink(path).encode(), 0o777, link=True)
    return Entry(path.read_bytes(), stat.S_IMODE(info.st_mode))
