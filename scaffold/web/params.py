"""Query parameters of the HTTP API → validated answers. Pure: no I/O.

Validation is the library's own (``make_spec``, ``validation``), so a bad answer gets the
same message and fix over HTTP as on the command line.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import get_args

from ..api import ProjectSpec, make_spec
from ..errors import InvalidChoice, UserError
from ..recommend import NEEDS, Frontend, Needs, Team
from ..stacks import DEFAULT_DB, DEFAULT_STACK

DEFAULT_NAME = "my-project"  # as `scaffold new --defaults`
MAX_QUERY = 2048  # bytes of query string: every real answer set fits in a few hundred
MAX_VALUE = 200  # characters of one parameter value
MAX_PATH = 400

PROJECT_PARAMS = ("stack", "features", "db", "name", "lang")
NEEDS_PARAMS = ("team", "frontend", "needs")
# Tokens of ``needs=`` as ``scaffold recommend`` spells its flags (``api-only``).
NEED_TOKENS = {field.replace("_", "-"): field for field in NEEDS}

# Where the page would render: make_spec wants a destination, the web never writes there.
_NOWHERE = Path("/nonexistent")


class BadRequest(UserError):
    """A request the API refuses with 400 (the message and fix say why)."""


@dataclass(frozen=True)
class Answers:
    """What identifies a rendered project: identical answers, identical files."""

    name: str
    stack: str
    features: tuple[str, ...]
    db: str
    language: str | None = None  # None: a stack without Node code

    def spec(self, dest: Path = _NOWHERE) -> ProjectSpec:
        return make_spec(
            name=self.name,
            stack=self.stack,
            features=self.features,
            db=self.db,
            dest=dest,
            language=self.language,
        )


def check_params(query: Mapping[str, str], allowed: Sequence[str]) -> None:
    """Refuse unknown parameters (a typo would silently mean a default) and long values."""
    for key, value in query.items():
        if key not in allowed:
            raise BadRequest(f"Unknown parameter {key[:40]!r}.", f"Use only: {', '.join(allowed)}.")
        if len(value) > MAX_VALUE:
            raise BadRequest(
                f"Parameter {key!r} is longer than {MAX_VALUE} characters.", "Shorten it."
            )


def parse_answers(query: Mapping[str, str]) -> Answers:
    """``stack``, ``features`` (absent: the stack's defaults), ``db``, ``name``, ``lang``
    (absent: the default of a stack with Node code; refused for the others, as ``--lang``)."""
    features = query.get("features")
    spec = make_spec(
        name=query.get("name", DEFAULT_NAME),
        stack=query.get("stack", DEFAULT_STACK),
        features=None if features is None else features.split(","),
        db=query.get("db", DEFAULT_DB),
        dest=_NOWHERE,
        language=query.get("lang") or None,
    )
    return Answers(spec.name, spec.stack, spec.features, spec.db, spec.language)


def parse_needs(query: Mapping[str, str]) -> Needs:
    """``team``, ``frontend`` and ``needs=realtime,admin,…`` as ``scaffold recommend`` takes
    them (``--team``, ``--frontend``, ``--realtime``…)."""
    team = query.get("team") or None
    frontend = query.get("frontend") or None
    if team is not None and team not in get_args(Team):
        raise InvalidChoice("team", team, get_args(Team))
    if frontend is not None and frontend not in get_args(Frontend):
        raise InvalidChoice("frontend", frontend, get_args(Frontend))
    tokens = {t.strip() for t in query.get("needs", "").split(",") if t.strip()}
    for token in sorted(tokens - NEED_TOKENS.keys()):
        raise InvalidChoice("need", token, list(NEED_TOKENS))
    flags = {NEED_TOKENS[t]: True for t in tokens}
    return Needs(team=team, frontend=frontend, **flags)  # type: ignore[arg-type]


def new_command(answers: Answers) -> str:
    """The ``scaffold new`` line that makes the same project, without a question asked."""
    return shlex.join(
        [
            "scaffold",
            "new",
            answers.name,
            "--stack",
            answers.stack,
            "--features",
            ",".join(answers.features),
            "--db",
            answers.db,
            *(("--lang", answers.language) if answers.language else ()),
        ]
    )


def project_path(raw: str) -> str:
    """A relative path inside the project, normalised; BadRequest for anything that could
    point outside it (absolute, ``..``, backslashes, control characters)."""
    fix = "Pass a path from /api/files, e.g. path=README.md."
    if not raw or len(raw) > MAX_PATH:
        raise BadRequest("The path is empty or too long.", fix)
    if "\\" in raw or any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise BadRequest("The path contains a backslash or a control character.", fix)
    path = PurePosixPath(raw)
    if path.is_absolute() or any(part in {"..", "."} for part in raw.split("/")):
        raise BadRequest(f"The path {raw[:80]!r} is not inside the project.", fix)
    return str(path)
