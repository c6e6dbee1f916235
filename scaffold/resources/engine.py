"""Adding one resource to a project: render its template, register it, migrate — all or
nothing (a failure half-way puts back every file as it was)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import git, render, template_source, toolchain
from ..errors import UserError
from ..progress import Progress, no_progress
from ..stacks import STACKS
from ..template_source import TemplateSource
from . import registration
from .project import Target, locate, next_migration, recorded_resources, taken_names
from .spec import Resource, parse_resource, resource_answers
from .words import spellings


@dataclass(frozen=True)
class AddResult:
    resource: str
    path: Path  # the render root the resource lives in (a hybrid's backend/)
    files: tuple[str, ...]  # written (or, pretending, to be written), relative to ``path``
    registrations: tuple[str, ...]  # "file: line" added above the markers
    migration: str | None
    migrated: bool
    commands: Mapping[str, str]
    pretend: bool


def add_resource(
    project: Path,
    name: str,
    fields: Sequence[str],
    *,
    migrate: bool = True,
    pretend: bool = False,
    progress: Progress = no_progress,
) -> AddResult:
    target = locate(project)
    existing = recorded_resources(target)
    known_starters = starters(target)
    referable = {**known_starters, **existing}
    resource = parse_resource(name, fields, taken=taken_names(target), resources=referable)
    _require_committed_registrations(target, existing)
    migration = next_migration(target)
    answer = resource_answers(resource, referable, migration)
    names = spellings(resource.name)
    with tempfile.TemporaryDirectory(prefix="scaffold-resource-") as tmp:
        with progress(f"Rendering the {resource.name} resource"):
            staging = Path(tmp) / "render"
            source = _template_of(target)
            _require_resource_starters(resource, known_starters, source)
            render.render(
                source,
                staging,
                {**_main_answers(target), "resource": answer},
                answers_file=target.answers_file(resource.name),
            )
        files = tuple(
            sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file())
        )
        _refuse_clashes(target.root, files)
        texts = _registered(target, names)
        result = _result(target, resource, files, names, migrated=False, pretend=pretend)
        if pretend:
            return result
        with _all_or_nothing(target.root, files, texts):
            _copy(staging, target.root, files)
            for rel, text in texts.items():
                (target.root / rel).write_text(text)
            migrated = migrate and migrate_target(target, progress)
    return _result(target, resource, files, names, migrated=migrated, pretend=False)


def template_version(target: Target) -> str:
    """The template version the project is on (scaffold's store synced, so it is there):
    adding never upgrades anything."""
    if template_source.is_store(target.recorded.src_path):
        template_source.sync_store()
    return target.recorded.commit


def _template_of(target: Target) -> TemplateSource:
    """The template version the project is on: adding never upgrades anything."""
    recorded = target.recorded
    if not template_source.is_store(recorded.src_path):
        return TemplateSource(recorded.src_path, recorded.commit)
    template_source.sync_store()
    files = template_source.export(recorded.commit)
    if not (files / "templates" / "resource" / target.template_stack).is_dir():
        raise UserError(
            f"This project is on template {recorded.commit}, which has no resource generator.",
            "Update it first: scaffold update (then commit), and run this command again.",
        )
    return TemplateSource(recorded.src_path, recorded.commit, files)


# The starter examples that are resources (feature → resource): `student:ref` refers to
# the students starter like to any resource.
STARTERS = {"students": "student"}


def starters(target: Target) -> dict[str, dict[str, Any]]:
    features = target.recorded.raw.get("features") or ()
    return {name: spellings(name) for feature, name in STARTERS.items() if feature in features}


def _require_resource_starters(
    resource: Resource, starters: Mapping[str, object], source: TemplateSource
) -> None:
    """A reference to a starter needs a template version whose starters are resources."""
    wanted = [f.name for f in resource.fields if f.type == "ref" and f.name in starters]
    # The template defines its starters as resources in copier.yml since 0.5.0.
    if wanted and "starter_student:" not in (template_source.read_file(source, "copier.yml") or ""):
        raise UserError(
            f"This project's {wanted[0]} starter predates resources; nothing can refer to it yet.",
            "Update the project first: scaffold update (then commit), and run this again.",
        )


def _main_answers(target: Target) -> dict[str, object]:
    """The project's answers, which its resources render with. The language is spelled
    out: a project made before the question has none recorded, and copier's default for
    a new answers file (the resource's) would be TypeScript."""
    answers = {k: v for k, v in target.recorded.raw.items() if not k.startswith("_")}
    language = target.recorded.language
    return answers if language is None else {**answers, "language": language}


def _require_committed_registrations(target: Target, existing: Iterable[str]) -> None:
    """The registration files as last committed, give or take the lines scaffold added
    for resources not committed yet (adding several resources in a row is fine)."""
    paths = sorted({spot.path for spot in target.layout.spots})
    if git.state(target.root, only=paths) != "dirty":
        return
    ours = {
        spot.render(spellings(name)).strip() for name in existing for spot in target.layout.spots
    }
    added, removed = git.uncommitted_lines(target.root, paths)
    if removed or not set(added) <= ours:
        raise UserError(
            f"{', '.join(paths)} has uncommitted edits; scaffold adds its lines there.",
            "Commit or stash them first, so this change can be reviewed on its own.",
        )


def _refuse_clashes(root: Path, files: Sequence[str]) -> None:
    clashes = [rel for rel in files if (root / rel).exists()]
    if clashes:
        raise UserError(
            f"{len(clashes)} file(s) already exist: {', '.join(clashes[:5])}; nothing was written.",
            "Choose another resource name, or move those files away.",
        )


def _registered(target: Target, names: Mapping[str, object]) -> dict[str, str]:
    """The registration files' new text (MarkerMissing, before anything is written)."""
    paths = {spot.path for spot in target.layout.spots}
    current = {
        rel: (target.root / rel).read_text() for rel in paths if (target.root / rel).is_file()
    }
    needed = [s for s in target.layout.spots if s.path not in current and not s.optional]
    if needed:
        spot = min(needed, key=lambda s: s.path)
        raise registration.MarkerMissing(spot.path, spot.marker, [spot.render(names)])
    return registration.apply(current, target.layout.spots, names)


def _copy(staging: Path, root: Path, files: Sequence[str]) -> None:
    for rel in files:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(staging / rel, root / rel)


@contextlib.contextmanager
def _all_or_nothing(root: Path, files: Sequence[str], texts: Mapping[str, str]) -> Iterator[None]:
    """On any failure inside: remove the new files (and directories), restore the edited ones."""
    originals = {rel: (root / rel).read_bytes() for rel in texts}
    new_dirs = sorted(
        {p for rel in files for p in (root / rel).parents if not p.exists()}, reverse=True
    )
    try:
        yield
    except BaseException:
        for rel in files:
            (root / rel).unlink(missing_ok=True)
        for directory in new_dirs:
            shutil.rmtree(directory, ignore_errors=True)
        for rel, data in originals.items():
            (root / rel).write_bytes(data)
        raise


def migrate_target(target: Target, progress: Progress) -> bool:
    """Apply migrations when the project is installed (else its run command will)."""
    if not (target.root / target.layout.installed).exists():
        return False
    argv = list(target.layout.migrate)
    if "/" in argv[0]:
        argv[0] = str(target.root / argv[0])
    with progress("Applying the migration"):
        toolchain.run(argv, target.root, step="Applying the migration")
    return True


def _result(
    target: Target,
    resource: Resource,
    files: tuple[str, ...],
    names: Mapping[str, object],
    *,
    migrated: bool,
    pretend: bool,
) -> AddResult:
    spots = target.layout.spots
    migrations = [f for f in files if "migrations/" in f and Path(f).name[:1].isdigit()]
    # The Node stack writes one per dialect: name the one the project runs on.
    migrations.sort(key=lambda f: target.recorded.db not in f)
    return AddResult(
        resource=resource.name,
        path=target.root,
        files=files,
        registrations=tuple(f"{spot.path}: {spot.render(names)}" for spot in spots),
        migration=migrations[0] if migrations else None,
        migrated=migrated,
        commands={
            "test": STACKS[target.template_stack].quickstart[1],
            "migrate": " ".join(target.layout.migrate),
        },
        pretend=pretend,
    )
