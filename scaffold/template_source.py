"""Where the copier template comes from, as a git repository copier can version.

In a git checkout of scaffold the checkout itself is the template (its tags are the
template versions; ``HEAD`` includes uncommitted edits, for template development). An
installed scaffold carries the template as package data and keeps a local git
repository in the user's cache with one tagged commit per scaffold version it has run
as, so ``copier update`` works offline between versions installed on this machine.
``SCAFFOLD_TEMPLATE`` (a path or URL, optionally ``@ref``) overrides both.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .toolchain import run

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_ROOT = PACKAGE_DIR.parent
BUNDLED = PACKAGE_DIR / "_template"


@dataclass(frozen=True)
class TemplateSource:
    """What copier gets: ``src_path`` and the ``vcs_ref`` to render (None: newest tag)."""

    path: str
    ref: str | None


def locate() -> TemplateSource:
    override = os.environ.get("SCAFFOLD_TEMPLATE")
    if override:
        path, _, ref = override.partition("@")
        return TemplateSource(path, ref or None)
    if (CHECKOUT_ROOT / "copier.yml").is_file() and (CHECKOUT_ROOT / ".git").exists():
        return TemplateSource(str(CHECKOUT_ROOT), "HEAD")
    return TemplateSource(str(_store()), f"v{__version__}")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "scaffold"


def _store() -> Path:
    """The cache repository, holding a tagged commit for this scaffold version."""
    store = cache_dir() / "template"
    tag = f"v{__version__}"
    if not (store / ".git").exists():
        store.mkdir(parents=True, exist_ok=True)
        run(["git", "init", "-q", "-b", "main"], store, step="template store")
    elif tag in run(["git", "tag", "--list", tag], store, step="template store").split():
        return store
    for child in store.iterdir():
        if child.name != ".git":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(BUNDLED, store, dirs_exist_ok=True)
    ident = ["-c", "user.name=scaffold", "-c", "user.email=scaffold@localhost"]
    run(["git", "add", "-A"], store, step="template store")
    run(
        ["git", *ident, "commit", "-q", "--allow-empty", "-m", f"scaffold {tag}"],
        store,
        step="template store",
    )
    run(["git", *ident, "tag", tag], store, step="template store")
    return store
