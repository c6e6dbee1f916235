"""git, as scaffold uses it: a first commit for new projects, the state of a work tree,
and the identity to commit with when the user has not configured one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from .toolchain import probe, resolve, run

# Commits scaffold makes on its own (the template store, update scratch trees), and the
# first commit of a project on a machine where git has no user yet.
FALLBACK_IDENTITY = ("-c", "user.name=scaffold", "-c", "user.email=scaffold@localhost")


def identity(cwd: Path) -> list[str]:
    """``git`` plus the fallback identity when the user has none configured."""
    configured = probe(["git", "config", "user.email"], cwd=cwd)
    if configured and configured.stdout.strip():
        return ["git"]
    return ["git", *FALLBACK_IDENTITY]


def init_commit(project: Path, message: str, *, paths: Sequence[str]) -> None:
    """``git init`` and commit ``paths``, so copier update has a clean base to work from.

    Only the files scaffold wrote are added: a destination may hold the user's own files.
    """
    run(["git", "init", "-q", "-b", "main"], project, step="git init")
    run(["git", "add", "--", *paths], project, step="git add")
    run(
        [*identity(project), "commit", "-q", "--no-verify", "-m", message],
        project,
        step="git commit",
    )


def state(path: Path, *, only: Sequence[str] = ()) -> Literal["none", "clean", "dirty"]:
    """Whether ``path`` is in a git work tree, and whether that tree (or, given ``only``,
    those paths in it) has changes."""
    resolve("git")  # ToolMissing with the fix, rather than "not a git work tree"
    inside = probe(["git", "rev-parse", "--is-inside-work-tree"], cwd=path)
    if inside is None or inside.returncode != 0 or inside.stdout.strip() != "true":
        return "none"
    status = probe(["git", "status", "--porcelain", "--", *only], cwd=path)
    return "dirty" if status is None or status.stdout.strip() else "clean"


def uncommitted_lines(path: Path, only: Sequence[str]) -> tuple[list[str], list[str]]:
    """Lines added and removed in ``only`` since the last commit (stripped)."""
    diff = run(["git", "diff", "--no-color", "-U0", "HEAD", "--", *only], path, step="git diff")
    rows = [row for row in diff.splitlines() if not row.startswith(("+++", "---"))]
    added = [row[1:].strip() for row in rows if row.startswith("+")]
    removed = [row[1:].strip() for row in rows if row.startswith("-")]
    return added, removed


def top_level(path: Path) -> Path:
    """The root of the git work tree ``path`` is in."""
    return Path(run(["git", "rev-parse", "--show-toplevel"], path, step="git").strip())


def changes(path: Path) -> tuple[list[str], list[str]]:
    """Files under ``path`` changed since the last commit, and files git does not track
    (ignored ones aside), relative to ``path``."""
    changed = run(["git", "diff", "--name-only", "--relative", "HEAD"], path, step="git diff")
    new = run(["git", "ls-files", "--others", "--exclude-standard"], path, step="git ls-files")
    return changed.splitlines(), new.splitlines()


def discard_changes(path: Path) -> None:
    """Put every file under ``path`` back as last committed; remove the untracked ones."""
    changed, new = changes(path)
    if changed:
        run(["git", "checkout", "HEAD", "--", *changed], path, step="git checkout")
    for rel in new:
        (path / rel).unlink(missing_ok=True)
