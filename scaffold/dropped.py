"""Files a newer template version no longer renders. copier deletes them on update, edits
and all; scaffold puts back those the user had edited, and says so."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import render, template_source
from .errors import ScaffoldError
from .template_source import TemplateSource
from .toolchain import run


def deleted_files(tree: Path, where: Path) -> list[str]:
    """Tracked files under ``where`` that the work tree ``tree`` no longer has (paths
    relative to ``tree``)."""
    status = run(["git", "status", "--porcelain", "--", str(where)], tree, step="git status")
    return [line[3:] for line in status.splitlines() if line[:2] == " D"]


def edited(
    tree: Path, where: Path, answers_file: str, recorded: Mapping[str, Any], deleted: Sequence[str]
) -> list[str]:
    """Of ``deleted``, the files whose last committed text differs from what the template
    version ``recorded`` names rendered for those answers: the user's edits. When that
    version cannot be rendered here, none (copier's own behaviour)."""
    old = {rel: _committed(tree, rel) for rel in deleted}
    with tempfile.TemporaryDirectory(prefix="scaffold-old-render-") as tmp:
        rendered = Path(tmp) / "render"
        with contextlib.suppress(ScaffoldError, OSError):
            render.render(
                _source(recorded), rendered, _answers(recorded), answers_file=answers_file
            )
            prefix = where.relative_to(tree)
            return [
                rel
                for rel, text in old.items()
                if _bytes(rendered / Path(rel).relative_to(prefix)) != text
            ]
    return []


def restore(tree: Path, files: Sequence[str]) -> None:
    """Put ``files`` back in the scratch work tree as last committed."""
    if files:
        run(["git", "checkout", "HEAD", "--", *files], tree, step="git checkout")


def _source(recorded: Mapping[str, Any]) -> TemplateSource:
    src, commit = str(recorded["_src_path"]), str(recorded["_commit"])
    if template_source.is_store(src):
        return TemplateSource(src, commit, template_source.export(commit))
    return TemplateSource(src, commit)


def _answers(recorded: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in recorded.items() if not key.startswith("_")}


def _committed(tree: Path, rel: str) -> bytes:
    return run(["git", "show", f"HEAD:{rel}"], tree, step="git show").encode()


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
