"""Rendering with copier. The only module that imports copier."""

from __future__ import annotations

import re
import tempfile
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from copier import run_update
from copier._jinja_ext import get_yield_context
from copier._main import Worker  # run_copy's own worker, to skip its no-op git calls
from copier.errors import CopierError

from .answers import ANSWERS_FILE
from .errors import TemplateError
from .template_source import TemplateSource


def render(
    source: TemplateSource,
    dest: Path,
    answers: Mapping[str, object],
    *,
    answers_file: str = ANSWERS_FILE,
) -> None:
    """Render the template into ``dest`` with every question answered by ``answers``;
    ``answers_file``: where copier records them (one per template applied to a project)."""
    src, ref = (str(source.files), None) if source.files else (source.path, source.ref)
    worker = Worker if _in_git_work_tree(dest) else _NewTreeWorker
    with warnings.catch_warnings():
        # Template development renders a dirty checkout on purpose; users need not know.
        warnings.simplefilter("ignore")
        try:
            with worker(
                src_path=src,
                dst_path=dest,
                data=dict(answers),
                vcs_ref=ref,
                answers_file=Path(answers_file),
                defaults=True,
                overwrite=False,
                quiet=True,
                # scaffold's own template: its Jinja extension (scaffold.typescript) is trusted.
                unsafe=True,
            ) as running:
                running.run_copy()
        except (CopierError, ValueError) as exc:
            raise TemplateError(str(exc).strip()) from exc
    if source.files:
        record_origin(dest / answers_file, source.path, source.ref)


_JINJA_MARKS = ("{{", "{%", "{#")


class _NewTreeWorker(Worker):
    """copier's worker for a render into a new tree, without work that does nothing there.

    copier (9.15 and later) asks git once per written file whether the destination's
    index must be told of an executable bit (it must only when core.fileMode is false).
    Outside a git work tree there is no index: those ~60 git processes per render (a
    third of a hybrid's `scaffold new`) do nothing."""

    def _sync_git_index_executable_bit(self, dst_relpath: Path, src_mode: int) -> None:
        return

    @property
    def answers_relpath(self) -> Path:
        """copier renders the answers file's path (and a whole context for it) once per
        path part it writes; a path without Jinja is itself."""
        path = self.answers_file or self.template.answers_relpath
        if any(mark in str(path) for mark in _JINJA_MARKS):
            return Path(super().answers_relpath)
        return Path(path)

    def _render_string(self, string: str, extra_context: dict[str, Any] | None = None) -> str:
        """copier compiles every part of every path as a Jinja template; most parts
        (``app``, ``tests``, ``main.py``) hold no Jinja and render as themselves. Rendering
        would also have cleared the `yield` state a previous part left (copier reads it
        after each part): clear it here too."""
        if not any(mark in string for mark in _JINJA_MARKS):
            yielded = get_yield_context(self.jinja_env)
            yielded.yield_name = yielded.yield_iterable = None
            return string
        return str(super()._render_string(string, extra_context))


def _in_git_work_tree(dest: Path) -> bool:
    return any((folder / ".git").exists() for folder in (dest.absolute(), *dest.absolute().parents))


def record_origin(answers_file: Path, src_path: str, ref: str | None) -> None:
    """Write the template's origin into an answers file rendered from exported files:
    the ``_commit`` and ``_src_path`` that copier writes when it renders ``ref`` of the
    repository at ``src_path`` itself (what ``copier update`` reads)."""
    origin = yaml.safe_dump(
        {"_commit": ref, "_src_path": src_path}, allow_unicode=True, default_flow_style=False
    )
    text = answers_file.read_text()
    answers_file.write_text(re.sub(r"^_src_path: .*\n", lambda _: origin, text, flags=re.M))


Render = tuple[str, Mapping[str, object]]  # (subdirectory, answers)


def render_all(source: TemplateSource, dest: Path, renders: Sequence[Render]) -> None:
    """Render the template once per (subdirectory, answers): a hybrid is three renders."""
    for subdir, answers in renders:
        render(source, dest / subdir, answers)


def planned_files(source: TemplateSource, renders: Sequence[Render]) -> list[str]:
    """The relative paths rendering would write, found by rendering into a temp dir."""
    with tempfile.TemporaryDirectory(prefix="scaffold-pretend-") as tmp:
        target = Path(tmp) / "project"
        render_all(source, target, renders)
        return sorted(str(path.relative_to(target)) for path in target.rglob("*") if path.is_file())


def update(
    project: Path,
    answers: Mapping[str, object],
    ref: str | None,
    *,
    answers_file: str = ANSWERS_FILE,
) -> None:
    """Move ``project`` to template ``ref`` (None: newest tag), replaying the answers
    recorded in ``answers_file`` plus ``answers``. Conflicts are left inline, as git-style
    markers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            run_update(
                project,
                data=dict(answers),
                answers_file=answers_file,
                vcs_ref=ref,
                defaults=True,
                overwrite=True,
                skip_answered=True,
                conflict="inline",
                quiet=True,
                unsafe=True,
            )
        except (CopierError, ValueError) as exc:
            raise TemplateError(str(exc).strip()) from exc
