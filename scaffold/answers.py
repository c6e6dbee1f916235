"""Reading what a generated project recorded about itself (copier's answers file)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import UserError
from .stacks import LEGACY_LANGUAGE, STACKS

ANSWERS_FILE = ".copier-answers.yml"


@dataclass(frozen=True)
class Recorded:
    """The answers a project was generated (or last updated) with."""

    project: Path
    src_path: str
    commit: str
    stack: str
    features: tuple[str, ...]
    db: str
    raw: dict[str, Any]

    @property
    def language(self) -> str | None:
        return language_of(self.raw)


def answers_in(path: Path) -> dict[str, Any]:
    """An answers file as copier wrote it (empty when there is none)."""
    return (yaml.safe_load(path.read_text()) or {}) if path.is_file() else {}


def read_answers(project: Path, answers_file: str = ANSWERS_FILE) -> Recorded:
    path = project / answers_file
    if not path.is_file():
        raise UserError(
            f"{project} is not a scaffold project: it has no {answers_file}.",
            "Run this in (or pass the path of) a project made by `scaffold new` or `copier copy`.",
        )
    raw = answers_in(path)
    missing = [key for key in ("_src_path", "_commit", "stack") if not raw.get(key)]
    if missing:
        raise UserError(
            f"{path} lacks {', '.join(missing)}, so its template version is unknown.",
            "Restore the file from git history (`git log -p -- " + answers_file + "`).",
        )
    return Recorded(
        project=project,
        src_path=str(raw["_src_path"]),
        commit=str(raw["_commit"]),
        stack=str(raw["stack"]),
        features=tuple(raw.get("features") or ()),
        db=str(raw.get("db", "sqlite")),
        raw=raw,
    )


def asks_language(answers: Mapping[str, object]) -> bool:
    """Whether a render with these answers has Node code, so a ``language`` (copier.yml's
    ``when`` of that question: a hybrid's backend part has none)."""
    stack = STACKS.get(str(answers.get("stack")))
    return bool(stack and stack.languages) and answers.get("part", "root") != "backend"


def language_of(answers: Mapping[str, object]) -> str | None:
    """The language of a render's recorded answers: none without Node code; a Node
    project recorded before the question existed is JavaScript."""
    if not asks_language(answers):
        return None
    return str(answers.get("language") or LEGACY_LANGUAGE)


def project_language(project: Path) -> str:
    """The language of the project's Node code (``{language}`` in a service's command);
    a project without answers to read is taken to predate the question."""
    return language_of(answers_in(project / ANSWERS_FILE)) or LEGACY_LANGUAGE
