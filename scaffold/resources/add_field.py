"""Adding fields to a resource `scaffold add resource` made: its recorded definition gains
them, its files are rendered again from it (the user's edits merged, as an update merges
them), and the framework's own tool writes the migration: Django's `makemigrations`,
Alembic's `revision --autogenerate`; Express has none, so its resource template renders
one per dialect for each recorded change. All or nothing."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import git, toolchain, updating
from ..answers import ANSWERS_FILE
from ..errors import UserError
from ..progress import Progress, no_progress
from ..stacks import STACKS
from .engine import migrate_target, starters, template_version
from .project import Target, locate, next_migration, recorded_resources
from .spec import Field, field_answer, parse_added_fields


@dataclass(frozen=True)
class FieldsAdded:
    resource: str
    path: Path  # the render root the resource lives in (a hybrid's backend/)
    fields: tuple[str, ...]
    files: tuple[str, ...]  # changed or written (pretending: to be), relative to ``path``
    migration: str | None
    migrated: bool
    commands: Mapping[str, str]
    pretend: bool


class UnknownResource(UserError):
    def __init__(self, name: str, known: Sequence[str]) -> None:
        super().__init__(
            f"The project has no resource {name!r}.",
            f"Its resources: {', '.join(known)}."
            if known
            else f"Add one first: scaffold add resource {name} name:str",
        )


def add_fields(
    project: Path,
    name: str,
    fields: Sequence[str],
    *,
    migrate: bool = True,
    pretend: bool = False,
    progress: Progress = no_progress,
) -> FieldsAdded:
    target = locate(project)
    referable = {**starters(target), **recorded_resources(target)}
    definition = _definition(target, name)
    added = parse_added_fields(name, fields, existing=definition.fields, resources=referable)
    updating.require_clean_git(target.root)
    grown = definition.grown([field_answer(field, referable) for field in added], target)
    run = (target.root, definition.answers_file, {definition.answer: grown})
    with progress(f"Rendering the {name} resource with its new fields"):
        patch = updating.scratch_patch(target.root, [run], template_version(target))
    if pretend:
        files = tuple(_patched_files(patch.diff, target))
        return _result(target, name, added, files, None, migrated=False, pretend=True)
    before = set(_migration_files(target))
    with _all_or_nothing(target.root):
        updating.apply_patch(target.root, patch)  # Express: the template's migration with it
        with progress("Writing the migration"):
            migration = _write_migration(target, definition.plural, added, before)
        migrated = migrate and migrate_target(target, progress)
        files = tuple(_changed_files(target.root))
    return _result(target, name, added, files, migration, migrated=migrated, pretend=False)


# The starters that grow fields, with their plural and their own fields: copier.yml defines
# them; what `add field` gave one is the project's answer `<name>_additions`.
STARTER_FIELDS = {"student": ("students", ("name", "grade"))}


@dataclass(frozen=True)
class _Definition:
    """Where a resource's definition is recorded, and the part of it that grows."""

    answers_file: str
    answer: str  # the answer holding it: `resource`, or a starter's `<name>_additions`
    recorded: Mapping[str, Any]  # that answer as recorded
    plural: str
    fields: list[Mapping[str, Any]]  # every field it has

    def grown(self, added: list[dict[str, object]], target: Target) -> dict[str, object]:
        """The answer with ``added`` after its fields. Where the template writes the
        migrations (Express), the change is recorded too, numbered."""
        grown = {**self.recorded, "fields": [*self.recorded.get("fields", []), *added]}
        if target.template_stack == "node-express":
            change = {"id": next_migration(target)["id"], "fields": [f["name"] for f in added]}
            grown["changes"] = [*self.recorded.get("changes", []), change]
        return grown


def _definition(target: Target, name: str) -> _Definition:
    recorded = recorded_resources(target)
    if name in recorded:
        answer = recorded[name]
        return _Definition(
            target.answers_file(name), "resource", answer, answer["plural"], answer["fields"]
        )
    if name in starters(target) and name in STARTER_FIELDS:
        plural, own = STARTER_FIELDS[name]
        additions = target.recorded.raw.get(f"{name}_additions") or {}
        fields = [*({"name": f, "api_name": f} for f in own), *additions.get("fields", [])]
        return _Definition(ANSWERS_FILE, f"{name}_additions", additions, plural, fields)
    raise UnknownResource(name, sorted({*recorded, *starters(target)}))


def _write_migration(target: Target, plural: str, added: Sequence[Field], before: set[str]) -> str:
    """The migration adding ``added``'s columns (the files new since ``before``), by the
    stack's own tool; its path."""
    # Django's file needs the project's ruff; Alembic's hooks (alembic.ini) run it.
    tidy = target.template_stack == "django-drf"
    if target.template_stack == "django-drf":
        _require_installed(target)
        _tool(target, ".venv/bin/python", "manage.py", "makemigrations", plural)
    elif target.template_stack == "fastapi":
        _require_installed(target)
        _autogenerate(target, plural, added)
        tidy = not _formats_revisions(target)
    new = sorted(set(_migration_files(target)) - before)
    if not new:
        raise UserError(
            "No migration was written for the new fields.",
            "Check that the resource's model has them (git diff), then write one by hand.",
        )
    new.sort(key=lambda rel: target.recorded.db not in rel)  # Express: the project's dialect
    if tidy:
        _tidy(target, new)
    return new[0]


def _tidy(target: Target, files: Sequence[str]) -> None:
    """The project's own lint and format, so the tool's file passes the project's checks
    (Django writes `import core.validators` above `from django...`, unsorted for ruff)."""
    ruff = ".venv/bin/ruff"
    if (target.root / ruff).exists():
        _tool(target, ruff, "check", "--fix", "--quiet", "--select", "I", *files)
        _tool(target, ruff, "format", "--quiet", *files)


# One Python process (the project's, where its models and Alembic are) brings a scratch
# database to head and writes the revision: each process imports the whole app (~0.5 s).
_REVISION = """\
import sys

from alembic import command
from alembic.config import Config

config = Config("alembic.ini")
command.upgrade(config, "head")
command.revision(config, message=sys.argv[1], autogenerate=True, rev_id=sys.argv[2])
"""


def _autogenerate(target: Target, plural: str, added: Sequence[Field]) -> None:
    """Alembic compares the models with a database at head: a scratch SQLite one, so the
    project's own database is never touched. The revision is numbered like the others."""
    number = next_migration(target)["id"] or "0001"
    slug = f"add_{'_'.join(f.name for f in added)}_to_{plural}"
    with tempfile.TemporaryDirectory(prefix="scaffold-alembic-") as tmp:
        env = {"DATABASE_URL": f"sqlite:///{Path(tmp) / 'schema.db'}"}
        message = slug.replace("_", " ")
        _tool(target, ".venv/bin/python", "-c", _REVISION, message, number, env=env)
    versions = target.root / "migrations" / "versions"
    (written,) = [p for p in versions.glob(f"*{number}_*.py") if not p.name.startswith(number)]
    written.rename(versions / f"{number}_{slug}.py")


def _formats_revisions(target: Target) -> bool:
    """The project's alembic.ini runs its ruff on each revision (every release since 0.2.0)."""
    ini = target.root / "alembic.ini"
    return ini.is_file() and "ruff" in ini.read_text()


def _migration_files(target: Target) -> Iterator[str]:
    for path in target.root.rglob("migrations/**/*"):
        if path.is_file() and path.name[:1].isdigit() and ".venv" not in path.parts:
            yield path.relative_to(target.root).as_posix()


def _tool(target: Target, *argv: str, env: Mapping[str, str] | None = None) -> None:
    command = [str(target.root / argv[0]), *argv[1:]]
    toolchain.run(command, target.root, step="Writing the migration", env=env)


def _require_installed(target: Target) -> None:
    if not (target.root / target.layout.installed).exists():
        raise UserError(
            "The migration is written by the framework's own tool, which is not installed yet.",
            f"Install the project first ({' '.join(STACKS[target.template_stack].install[0][1])}),"
            " then run this again.",
        )


@contextlib.contextmanager
def _all_or_nothing(root: Path) -> Iterator[None]:
    """The work tree was clean: on any failure inside, put back every file as committed."""
    try:
        yield
    except BaseException:
        git.discard_changes(root)
        raise


def _changed_files(root: Path) -> list[str]:
    changed, new = git.changes(root)
    return sorted({*changed, *new})


def _patched_files(patch: str, target: Target) -> Iterator[str]:
    """The files a ``scratch_patch`` changes, relative to the render root."""
    top = git.top_level(target.root)
    for line in patch.splitlines():
        if line.startswith("+++ b/"):
            yield str((top / line[6:]).relative_to(target.root))


def _result(
    target: Target,
    name: str,
    added: Sequence[Field],
    files: tuple[str, ...],
    migration: str | None,
    *,
    migrated: bool,
    pretend: bool,
) -> FieldsAdded:
    return FieldsAdded(
        resource=name,
        path=target.root,
        fields=tuple(field.name for field in added),
        files=files,
        migration=migration,
        migrated=migrated,
        commands={
            "test": STACKS[target.template_stack].quickstart[1],
            "migrate": " ".join(target.layout.migrate),
        },
        pretend=pretend,
    )
