"""The library API: keyword-only, typed, never prompts, never prints.

``create_project`` is the whole pipeline behind ``scaffold new``: validate → render
(into a staging directory, so an interruption leaves nothing half-written) → ``.env``
with fresh secrets → ``git init`` + first commit → install dependencies.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, render, template_source, toolchain, updating
from .envfile import write_env_files
from .errors import DestinationNotEmpty, UserError
from .git import init_commit
from .progress import Progress, no_progress
from .resources import add_field as field_engine
from .resources import engine
from .resources.add_field import FieldsAdded
from .resources.engine import AddResult
from .stacks import DEFAULT_DB, STACKS, Stack
from .updating import CheckResult, UpdateResult
from .validation import (
    validate_db,
    validate_features,
    validate_language,
    validate_name,
    validate_stack,
)


@dataclass(frozen=True)
class ProjectSpec:
    """A validated answer set: what to render and where."""

    name: str
    stack: str
    features: tuple[str, ...]
    db: str
    dest: Path
    extra: Mapping[str, object] = field(default_factory=dict)
    language: str | None = None  # the Node code's; None: a stack without Node code

    @property
    def answers(self) -> dict[str, object]:
        chosen = {} if self.language is None else {"language": self.language}
        return {
            **self.extra,
            "project_name": self.name,
            "stack": self.stack,
            "features": list(self.features),
            "db": self.db,
            **chosen,
        }

    @property
    def renders(self) -> list[render.Render]:
        """One render per part; each part keeps its own answers file for copier update."""
        parts = STACKS[self.stack].parts
        if not parts:
            return [(".", self.answers)]
        return [
            (subdir, {**self.answers, "part": part}) for part, subdir in (("root", "."), *parts)
        ]


@dataclass(frozen=True)
class Project:
    path: Path
    stack: Stack
    features: tuple[str, ...]
    db: str
    env_files: tuple[Path, ...]
    git: bool
    installed: bool
    language: str | None = None


def make_spec(
    *,
    name: str,
    stack: str,
    features: Sequence[str] | None = None,
    db: str = DEFAULT_DB,
    dest: Path | None = None,
    extra: Mapping[str, object] | None = None,
    language: str | None = None,
) -> ProjectSpec:
    """Validate the answers; features default to everything the stack offers, a Node
    stack's language to TypeScript (``language`` for a Python-only stack is an error;
    ``extra={"language": ...}`` means the same as ``language``)."""
    validate_name(name)
    validate_stack(stack)
    chosen = STACKS[stack].default_features if features is None else features
    others = dict(extra or {})
    given = others.pop("language", None) if language is None else language
    return ProjectSpec(
        name=name,
        stack=stack,
        features=tuple(validate_features(stack, chosen)),
        db=validate_db(db),
        dest=(dest or Path.cwd() / name).absolute(),
        extra=others,
        language=validate_language(stack, None if given is None else str(given)),
    )


def plan_project(spec: ProjectSpec) -> list[str]:
    """The files ``create_project`` would write for ``spec``; writes nothing at ``dest``."""
    check_destination(spec.dest, allow_existing=True)
    return render.planned_files(template_source.locate(), spec.renders)


def create_project(
    *,
    spec: ProjectSpec,
    git: bool = True,
    install: bool = True,
    allow_existing: bool = False,
    offline: bool = False,
    progress: Progress = no_progress,
) -> Project:
    """Render ``spec`` into ``spec.dest``, commit it and install its dependencies.

    Never deletes or overwrites a file that was there before. A failed install leaves
    the rendered project in place and raises CommandFailed naming the command to retry.
    ``offline`` installs from the uv/npm caches only (filled by ``scaffold warm``).
    """
    check_destination(spec.dest, allow_existing=allow_existing)
    with progress("Rendering the template"), _staging(spec.dest) as staging:
        render.render_all(template_source.locate(), staging, spec.renders)
        created = _move_into(staging, spec.dest)
    env_files = tuple(write_env_files(spec.dest))
    committed = git and not (spec.dest / ".git").exists()
    if committed:
        with progress("Creating the git repository"):
            init_commit(
                spec.dest,
                f"Generate {spec.stack} project with scaffold {__version__}",
                paths=created,
            )
    stack = STACKS[spec.stack]
    if install:
        install_dependencies(spec.dest, stack, offline=offline, progress=progress)
    return Project(
        spec.dest, stack, spec.features, spec.db, env_files, committed, install, spec.language
    )


def update_project(
    *,
    path: Path,
    to: str | None = None,
    data: Mapping[str, str] | None = None,
    progress: Progress = no_progress,
) -> UpdateResult:
    """Bring the project at ``path`` to template version ``to`` (default: this scaffold's).

    Recorded answers are replayed, ``data`` changes some (``features=students,chat`` adds
    the chat). User edits are kept; clashes are left inline as conflict markers and listed
    in the result. Refuses a project that is not a clean git work tree.
    """
    with progress("Updating from the template"):
        return updating.update(path.absolute(), to=to, data=dict(data or {}))


def add_resource(
    *,
    path: Path,
    name: str,
    fields: Sequence[str],
    migrate: bool = True,
    pretend: bool = False,
    progress: Progress = no_progress,
) -> AddResult:
    """Add resource ``name`` with ``fields`` (``title:str``, ``notes:text?``,
    ``code:str:unique``, ``teacher:ref``) to the project at ``path``: model, migration,
    validation, API, admin where the stack has one, OpenAPI and tests, registered in the
    app. Never commits; ``pretend`` renders and reports without writing. All or nothing."""
    return engine.add_resource(
        path.absolute(), name, fields, migrate=migrate, pretend=pretend, progress=progress
    )


def add_field(
    *,
    path: Path,
    resource: str,
    fields: Sequence[str],
    migrate: bool = True,
    pretend: bool = False,
    progress: Progress = no_progress,
) -> FieldsAdded:
    """Add ``fields`` (``room:str?``, ``seats:int:default=30``: optional or with a default,
    which the rows already stored get) to ``resource``, one `add resource` made, in the project at
    ``path``: its model, schemas or serializer, admin, OpenAPI and tests are rendered again
    (the user's edits merged), and the framework's own tool writes the migration. The
    project must be committed; never commits; ``pretend`` reports without writing. All or
    nothing."""
    return field_engine.add_fields(
        path.absolute(), resource, fields, migrate=migrate, pretend=pretend, progress=progress
    )


def check_project(*, path: Path) -> CheckResult:
    """Compare the project's template version with the newest one available."""
    return updating.check(path.absolute())


def install_dependencies(
    project: Path, stack: Stack, *, offline: bool = False, progress: Progress = no_progress
) -> None:
    """Run the stack's install commands (uv for Python parts, npm for Node parts).

    ``offline``: from the package caches only, never the network (``--offline`` flags).
    """
    env = toolchain.OFFLINE_ENV if offline else toolchain.PREFER_CACHE_ENV
    for cwd, argv in stack.install:
        command = toolchain.offline_argv(argv) if offline else argv
        where = "" if cwd == "." else f" in {cwd}/"
        with progress(f"Installing dependencies{where} ({' '.join(command)})"):
            toolchain.run(command, project / cwd, step="Installing dependencies", env=env)


def check_destination(dest: Path, *, allow_existing: bool = False) -> None:
    """Refuse a file, or (unless ``allow_existing``) a non-empty directory, at ``dest``."""
    if dest.exists() and not dest.is_dir():
        raise UserError(f"Destination {dest} is a file.", "Choose another name or --dest.")
    if dest.is_dir() and any(dest.iterdir()) and not allow_existing:
        raise DestinationNotEmpty(dest)


@contextlib.contextmanager
def _staging(dest: Path) -> Iterator[Path]:
    """A scratch directory beside ``dest`` (same filesystem), removed whatever happens."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{dest.name}.scaffold-", dir=dest.parent))
    try:
        yield scratch / dest.name
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _move_into(staging: Path, dest: Path) -> list[str]:
    """Move rendered files into ``dest``; refuse, before moving anything, to replace one."""
    files = sorted(p.relative_to(staging) for p in staging.rglob("*") if not p.is_dir())
    clashes = [str(rel) for rel in files if (dest / rel).exists() or (dest / rel).is_symlink()]
    if clashes:
        raise UserError(
            f"{len(clashes)} file(s) would be overwritten in {dest}: {', '.join(clashes[:5])}.",
            "Move them away or choose another --dest; nothing was written.",
        )
    if not dest.exists():
        staging.rename(dest)
        return [str(rel) for rel in files]
    for rel in files:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (staging / rel).rename(dest / rel)
    return [str(rel) for rel in files]
