"""Reading what a generated project recorded about itself (copier's answers file)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import UserError

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


def read_answers(project: Path, answers_file: str = ANSWERS_FILE) -> Recorded:
    path = project / answers_file
    if not path.is_file():
        raise UserError(
            f"{project} is not a scaffold project: it has no {answers_file}.",
            "Run this in (or pass the path of) a project made by `scaffold new` or `copier copy`.",
        )
    raw = yaml.safe_load(path.read_text()) or {}
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
