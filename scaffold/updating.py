"""Bringing a generated project to another template version without losing work."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from . import dropped, envfile, git, render, template_source
from .answers import ANSWERS_FILE, Recorded, answers_in, asks_language, read_answers
from .errors import UserError
from .resources.project import RESOURCES_DIR
from .stacks import LEGACY_LANGUAGE
from .toolchain import run
from .validation import parse_features, validate_db, validate_features

CONFLICT_MARKER = "<<<<<<< "
# Scratch commits never reach the user's branch; they need an identity all the same.


@dataclass(frozen=True)
class UpdateResult:
    project: Path
    old_version: str
    new_version: str
    changed: tuple[str, ...]
    conflicts: tuple[str, ...]
    # Keys the template's .env.example gained, added to the (git-ignored) .env files.
    env_added: tuple[str, ...] = ()
    # Files the new version no longer has, kept because the user had edited them.
    kept: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    project: Path
    current: str
    latest: str | None

    @property
    def behind(self) -> bool:
        now, newest = (
            template_source.version_of(self.current),
            template_source.version_of(self.latest),
        )
        return bool(newest and (now is None or now < newest))


def require_clean_git(project: Path) -> None:
    """copier update merges through git: refuse a project that is not a clean work tree."""
    state = git.state(project)
    if state == "none":
        raise UserError(
            f"{project} is not in a git repository, so an update could not be reviewed or undone.",
            f"Run: cd {project} && git init && git add -A && git commit -m 'Initial'",
        )
    if state == "dirty":
        raise UserError(
            f"{project} has uncommitted changes; an update would mix them with the template's.",
            "Commit or stash them first: git add -A && git commit -m 'WIP'",
        )


def normalise_data(recorded: Recorded, data: Mapping[str, str]) -> dict[str, object]:
    """Validate changed answers against the project's stack; features become a list."""
    answers: dict[str, object] = dict(data)
    if "stack" in data and data["stack"] != recorded.stack:
        raise UserError(
            f"Changing the stack ({recorded.stack} → {data['stack']}) is not an update.",
            "Create a new project with `scaffold new --stack ...` and move your code.",
        )
    if "language" in data and data["language"] != recorded.language:
        raise LanguageFixed(recorded.language, data["language"])
    if "features" in data:
        answers["features"] = validate_features(recorded.stack, parse_features(data["features"]))
    if "db" in data:
        answers["db"] = validate_db(data["db"])
    return answers


class LanguageFixed(UserError):
    def __init__(self, language: str | None, wanted: str) -> None:
        super().__init__(
            f"A project's language is fixed at creation; this one's is {language or 'python'}, "
            f"so language={wanted} is not an update.",
            f"Create a new project with `scaffold new --lang {wanted}` and move your code.",
        )


def kept_language(recorded: Mapping[str, object]) -> dict[str, object]:
    """The language to replay for a render whose answers file lacks one: a Node project
    made before the question existed is JavaScript, whatever copier's default says."""
    if "language" in recorded or not asks_language(recorded):
        return {}
    return {"language": LEGACY_LANGUAGE}


def target_ref(recorded: Recorded, to: str | None) -> str | None:
    """``--to`` as given; else this scaffold's own template when the project uses the store."""
    if to:
        return to if to.startswith("v") or not to[:1].isdigit() else f"v{to}"
    return template_source.sync_store() if template_source.is_store(recorded.src_path) else None


def update(project: Path, *, to: str | None, data: Mapping[str, str]) -> UpdateResult:
    recorded = read_answers(project)
    require_clean_git(project)
    answers = normalise_data(recorded, data)
    ref = target_ref(recorded, to)
    patch = scratch_patch(project, _runs(part_dirs(project), answers), ref)
    apply_patch(project, patch)
    changed = tuple(
        line[3:]
        for line in run(
            ["git", "status", "--porcelain", "--untracked-files=all"], project, step="git status"
        ).splitlines()
    )
    conflicts = tuple(p for p in changed if _has_markers(project / p))
    env_added = tuple(
        f"{env.relative_to(project)}: {key}"
        for env, keys in envfile.add_missing_keys(project).items()
        for key in keys
    )
    new_version = read_answers(project).commit
    return UpdateResult(
        project, recorded.commit, new_version, changed, conflicts, env_added, patch.kept
    )


def part_dirs(project: Path) -> list[Path]:
    """The project and every subdirectory holding its own answers file (hybrid parts)."""
    found = sorted(path.parent for path in project.glob(f"*/{ANSWERS_FILE}"))
    return [project, *found]


Run = tuple[Path, str, Mapping[str, object]]  # (render root, answers file, answers to change)


class Patch(NamedTuple):
    diff: str  # git's binary diff, relative to the work tree's top
    kept: tuple[str, ...]  # files the new version dropped, kept because the user edited them


def _runs(parts: list[Path], answers: Mapping[str, object]) -> list[Run]:
    """Every template applied to each part: the part's own, then one per added resource
    (``scaffold add resource`` records each in ``.scaffold/resources/<name>.yml``)."""
    return [
        (part, answers_file, answers)
        for part in parts
        for answers_file in (
            ANSWERS_FILE,
            *(
                path.relative_to(part).as_posix()
                for path in sorted((part / RESOURCES_DIR).glob("*.yml"))
            ),
        )
    ]


def scratch_patch(project: Path, runs: list[Run], ref: str | None) -> Patch:
    """Update each (render root, answers file) with its changed answers in a scratch git
    worktree of the project's last commit; return the sum, as a patch for ``apply_patch``.

    copier refuses to update a dirty repository, so a hybrid's second part could not be
    updated after the first in place. In the worktree each run's result is committed;
    the user gets one uncommitted change to review, as with a single copier update.
    A file the new version no longer renders but the user had edited stays (``kept``).
    """
    top = git.top_level(project)
    start = run(["git", "rev-parse", "HEAD"], project, step="git").strip()
    with tempfile.TemporaryDirectory(prefix="scaffold-update-") as tmp:
        tree = Path(tmp) / "tree"
        run(
            ["git", "worktree", "add", "-q", "--detach", str(tree), start], top, step="git worktree"
        )
        try:
            kept: list[str] = []
            for part, answers_file, answers in runs:
                where = tree / part.resolve().relative_to(top.resolve())
                before = answers_in(where / answers_file)
                _update_one(where, answers_file, answers, ref)
                if deleted := dropped.deleted_files(tree, where):
                    edited = dropped.edited(tree, where, answers_file, before, deleted)
                    dropped.restore(tree, edited)
                    kept += edited
                _commit_scratch(tree)
            diff = run(["git", "diff", "--binary", start, "HEAD"], tree, step="git diff")
            return Patch(diff, tuple(kept))
        finally:
            run(["git", "worktree", "remove", "--force", str(tree)], top, step="git worktree")


def apply_patch(project: Path, patch: Patch) -> None:
    """Apply a ``scratch_patch`` to the project's work tree (left uncommitted)."""
    if not patch.diff:
        return
    with tempfile.NamedTemporaryFile("w", suffix=".patch", delete=False) as file:
        file.write(patch.diff)
    try:
        run(
            ["git", "apply", "--whitespace=nowarn", file.name],
            git.top_level(project),
            step="Applying",
        )
    finally:
        Path(file.name).unlink()


def _commit_scratch(tree: Path) -> None:
    run(["git", "add", "-A"], tree, step="git add")
    run(
        [
            "git",
            *git.FALLBACK_IDENTITY,
            "commit",
            "-q",
            "--no-verify",
            "--allow-empty",
            "-m",
            "update",
        ],
        tree,
        step="git commit",
    )


def _update_one(
    where: Path, answers_file: str, answers: Mapping[str, object], ref: str | None
) -> None:
    """Update one template applied at ``where``, its language kept (``kept_language``)."""
    replayed = {**kept_language(answers_in(where / answers_file)), **answers}
    render.update(where, replayed, ref, answers_file=answers_file)


def check(project: Path) -> CheckResult:
    recorded = read_answers(project)
    if template_source.is_store(recorded.src_path):
        latest: str | None = template_source.sync_store()
    else:
        latest = template_source.latest_tag(recorded.src_path)
    return CheckResult(project, recorded.commit, latest)


def _has_markers(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        return any(line.startswith(CONFLICT_MARKER) for line in path.read_text().splitlines())
    except UnicodeDecodeError:
        return False
