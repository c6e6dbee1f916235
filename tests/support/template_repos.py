"""Real, tagged template repositories in temp dirs: this repo's template, released as
versions the tests control."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_JUNK = shutil.ignore_patterns("node_modules", ".venv", "__pycache__", "*.pyc", ".pytest_cache")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def status(project: Path) -> str:
    """``git status --porcelain``, untracked files listed one by one: "" when unchanged."""
    return git(project, "status", "--porcelain", "--untracked-files=all")


def commit_all(project: Path, message: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)


def template_repo(path: Path, version: str = "v1.0.0") -> Path:
    """A git repository holding this checkout's template, tagged ``version``."""
    path.mkdir(parents=True)
    shutil.copy2(ROOT / "copier.yml", path / "copier.yml")
    shutil.copytree(ROOT / "templates", path / "templates", symlinks=True, ignore=_JUNK)
    git(path, "init", "-q", "-b", "main")
    release(path, version, lambda _: None)
    return path


def template_repo_at(path: Path, commit: str, version: str) -> Path:
    """A git repository holding the template as this repo's ``commit`` had it, tagged
    ``version``: a past release, to update projects from."""
    path.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", commit, "copier.yml", "templates"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(path)], input=archive, check=True)
    git(path, "init", "-q", "-b", "main")
    release(path, version, lambda _: None)
    return path


def this_checkout(repo: Path) -> None:
    """A release change: the repo's template becomes this checkout's."""
    for name in ("copier.yml", "templates"):
        target = repo / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    shutil.copy2(ROOT / "copier.yml", repo / "copier.yml")
    shutil.copytree(ROOT / "templates", repo / "templates", symlinks=True, ignore=_JUNK)


def release(repo: Path, version: str, change: Callable[[Path], None]) -> None:
    """Apply ``change`` to the repo's files, commit, and tag the result ``version``."""
    change(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", f"release {version}")
    git(repo, "tag", version)


def stack_dirs(repo: Path) -> list[Path]:
    """Every stack folder of the template with a README (a hybrid renders three of them)."""
    return sorted(p.parent for p in (repo / "templates").glob("*/README.md.jinja"))
