"""Where the copier template comes from: a local, tagged git repository (the store).

copier can only update a project from a git template whose versions are PEP 440 tags.
A clone of scaffold may have no tags, may hold uncommitted template edits, and an
installed wheel has no git at all; so every scaffold renders from one store,
``~/.scaffold/template`` (``$SCAFFOLD_HOME/template``), kept like this:

- history comes in from the scaffold checkout's tags, or, for an installed wheel, from
  the git bundle the wheel carries (``_template/template.bundle``, made at build time);
- the running scaffold's template is tagged ``v<version>``; a checkout whose template
  differs from that tag gets ``v<version>.post<n>`` snapshots, so updates always move up.

Projects record ``_src_path: ~/.scaffold/template``, so plain ``copier update`` works on
any machine where scaffold has run, offline. ``SCAFFOLD_TEMPLATE`` (path or URL, with an
optional ``@ref``) bypasses the store, e.g. for a team's fork.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

from . import __version__
from .errors import CommandFailed
from .git import FALLBACK_IDENTITY
from .toolchain import run

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_ROOT = PACKAGE_DIR.parent
BUNDLE = PACKAGE_DIR / "_template" / "template.bundle"
_SKIP = {"node_modules", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"}
# Past releases by commit, so the store can tag them even when the checkout or the wheel
# came without tags: projects made by them record the tag as their ``_commit``. A new
# release adds the previous one here (its commit is known by then).
RELEASES = {
    "v0.1.0": "5f8ed9e8dc2087e2cfebdd86c736b02841343814",
    "v0.2.0": "30ca662bea5c23c49becb1d2a67a044ba6870e12",
    "v0.3.0": "840a939fa60338ce14b18299a7b9415684446993",
    "v0.4.0": "66b5c2bf454e705c59750ff627ba8d2cd504dcd9",
    "v0.5.0": "f65a4d5114eba1389a9f229be9a728f02589e254",
    "v0.6.0": "98143566e4094c7f8f9ad2c0289746c2d36df6bc",
}


@dataclass(frozen=True)
class TemplateSource:
    """What copier gets: ``src_path`` and the ``vcs_ref`` to render (None: newest tag).

    ``files``: that version as plain files (``export``), which copier renders without
    cloning the store; projects still record ``path`` and ``ref`` as their origin.
    """

    path: str
    ref: str | None
    files: Path | None = None


def locate() -> TemplateSource:
    """The template this scaffold renders, synced into the store when needed."""
    override = os.environ.get("SCAFFOLD_TEMPLATE")
    if override:
        path, _, ref = override.partition("@")
        return TemplateSource(path, ref or None)
    tag = sync_store()
    return TemplateSource(store_src(), tag, export(tag))


def store_dir() -> Path:
    return Path(os.environ.get("SCAFFOLD_HOME") or Path.home() / ".scaffold") / "template"


def store_src() -> str:
    """The store as projects record it: home-relative when possible, so it travels."""
    store = store_dir()
    with contextlib.suppress(ValueError):
        return "~/" + store.relative_to(Path.home()).as_posix()
    return str(store)


def is_store(src_path: str) -> bool:
    return Path(src_path).expanduser().resolve() == store_dir().resolve()


def version_of(ref: str | None) -> Version | None:
    """PEP 440 version of a tag or ``git describe`` string (``v1.2-3-gabc`` → 1.2.post3)."""
    if not ref:
        return None
    base, *rest = ref.split("-")
    try:
        version = Version(base)
    except InvalidVersion:
        return None
    if len(rest) == 2 and rest[0].isdigit():  # describe: <tag>-<distance>-g<hash>
        return Version(f"{version.base_version}.post{int(rest[0]) + (version.post or 0)}")
    return version


def latest_tag(src_path: str) -> str | None:
    """The newest PEP 440 tag of a local template repository."""
    listed = run(["git", "tag", "--list"], Path(src_path).expanduser(), step="Reading versions")
    tags = [(v, tag) for tag in listed.split() if (v := version_of(tag)) is not None]
    return max(tags)[1] if tags else None


def sync_store() -> str:
    """Make sure the store holds this scaffold's template; return its tag."""
    store = store_dir()
    with _locked(store):
        if _from_checkout():
            return _sync_checkout(store)
        return _sync_bundle(store)


def export(tag: str) -> Path:
    """The template of ``tag`` (copier.yml and templates/) as plain files, made once per
    commit beside the store. copier would otherwise clone the store (the whole scaffold
    history and tree) and run a dozen git commands for every render."""
    store = store_dir()
    commit = _git(store, "rev-parse", "--verify", f"{tag}^{{commit}}")
    target = store.parent / "exports" / commit
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{commit[:12]}-", dir=target.parent))
    try:
        run(
            ["git", f"--work-tree={scratch}", "checkout", tag, "--", "copier.yml", "templates"],
            store,
            step="Preparing the template store",
            env={"GIT_INDEX_FILE": str(scratch.parent / f"{scratch.name}.index")},
        )
        with contextlib.suppress(OSError):  # another scaffold exported it first: theirs
            scratch.rename(target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        Path(f"{scratch}.index").unlink(missing_ok=True)
    return target


def _from_checkout() -> bool:
    return (CHECKOUT_ROOT / "copier.yml").is_file() and (CHECKOUT_ROOT / "templates").is_dir()


@contextlib.contextmanager
def _locked(store: Path) -> Iterator[None]:
    if not (store / ".git").exists():
        store.mkdir(parents=True, exist_ok=True)
        _git(store, "init", "-q", "-b", "main")
    with (store / ".git" / "scaffold.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def read_file(source: TemplateSource, rel: str) -> str | None:
    """A file of the template at ``source``'s version (None: not readable from here)."""
    if source.files:
        path = source.files / rel
        return path.read_text() if path.is_file() else None
    if source.ref and (Path(source.path) / ".git").exists():
        with contextlib.suppress(CommandFailed):
            return _git(Path(source.path), "show", f"{source.ref}:{rel}")
    return None


def _git(store: Path, *args: str) -> str:
    return run(
        ["git", *FALLBACK_IDENTITY, *args], store, step="Preparing the template store"
    ).strip()


def _tags(store: Path) -> set[str]:
    return set(_git(store, "tag", "--list").split())


def _sync_bundle(store: Path) -> str:
    tag = f"v{__version__}"
    if tag not in _tags(store):
        _git(
            store,
            "fetch",
            "-q",
            "--no-tags",
            str(BUNDLE),
            "+refs/tags/*:refs/tags/*",
            "+HEAD:refs/scaffold/bundle-head",
        )
        if tag not in _tags(store):  # a wheel built from an untagged commit
            _git(store, "tag", tag, "refs/scaffold/bundle-head")
        _tag_releases(store, str(BUNDLE))
    return tag


def _sync_checkout(store: Path) -> str:
    index_file = store / ".git" / "scaffold-fingerprints.json"
    index: dict[str, str] = json.loads(index_file.read_text()) if index_file.exists() else {}
    fingerprint = _fingerprint(CHECKOUT_ROOT)
    known = index.get(fingerprint)
    if known and known in _tags(store):
        return known
    if (CHECKOUT_ROOT / ".git").exists():
        _git(store, "fetch", "-q", "--no-tags", str(CHECKOUT_ROOT), "+refs/tags/v*:refs/tags/v*")
        _tag_releases(store, str(CHECKOUT_ROOT))
    tag = _snapshot(store)
    index[fingerprint] = tag
    index_file.write_text(json.dumps(index, indent=1))
    return tag


def _tag_releases(store: Path, source: str) -> None:
    """Tag each past release the store lacks, fetching its commit from ``source``."""
    for tag, commit in RELEASES.items():
        if tag in _tags(store):
            continue
        if not _has_commit(store, commit):
            with contextlib.suppress(CommandFailed):  # a shallow clone may lack it
                _git(store, "fetch", "-q", "--no-tags", source, commit)
        if _has_commit(store, commit):
            _git(store, "tag", tag, commit)


def _has_commit(store: Path, commit: str) -> bool:
    try:
        _git(store, "cat-file", "-e", f"{commit}^{{commit}}")
    except CommandFailed:
        return False
    return True


def _snapshot(store: Path) -> str:
    """Commit the checkout's template into the store; tag it unless an equal tag exists."""
    for child in store.iterdir():
        if child.name != ".git":
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    shutil.copy2(CHECKOUT_ROOT / "copier.yml", store / "copier.yml")
    shutil.copytree(
        CHECKOUT_ROOT / "templates", store / "templates", symlinks=True, ignore=_ignored
    )
    _git(store, "add", "-A")
    tree = _git(store, "write-tree")
    release = f"v{__version__}"
    tags = _tags(store)
    if release in tags and _same_template(store, tree, release):
        return release
    _git(store, "commit", "-q", "--allow-empty", "-m", f"scaffold {__version__} template snapshot")
    tag = release if release not in tags else _next_post(tags)
    _git(store, "tag", tag)
    return tag


def _same_template(store: Path, tree: str, tag: str) -> bool:
    def parts(ref: str) -> list[str]:
        return [
            _git(store, "rev-parse", "-q", "--verify", f"{ref}:{p}")
            for p in ("copier.yml", "templates")
        ]

    try:
        return parts(tree) == parts(tag)
    except Exception:  # the tag predates the layout: not the same template
        return False


def _next_post(tags: set[str]) -> str:
    posts = [v.post or 0 for t in tags if (v := version_of(t)) and v.base_version == __version__]
    return f"v{__version__}.post{max(posts, default=0) + 1}"


def _ignored(_: str, names: list[str]) -> set[str]:
    return {
        n for n in names if n in _SKIP or n.endswith((".pyc", ".db", ".sqlite3")) or n == ".env"
    }


def _fingerprint(root: Path) -> str:
    """A hash of the template as the store would copy it (names, modes, links, bytes)."""
    digest = hashlib.sha256()
    paths = [root / "copier.yml"]
    for directory, dirnames, filenames in os.walk(root / "templates"):
        dirnames[:] = sorted(set(dirnames) - _ignored(directory, dirnames))
        paths += [
            Path(directory) / f for f in sorted(set(filenames) - _ignored(directory, filenames))
        ]
    for path in paths:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        if path.is_symlink():
            digest.update(b"link:" + os.readlink(path).encode())
        else:
            digest.update(oct(path.stat().st_mode & 0o111).encode() + path.read_bytes())
    return digest.hexdigest()
