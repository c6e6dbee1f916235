"""Pure checks of user input: they return normalised values or raise a UserError."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable

from .errors import InvalidChoice, InvalidName, UnsupportedFeatures, UserError
from .stacks import DATABASES, DEFAULT_LANGUAGE, FEATURES, LANGUAGES, STACKS

MAX_NAME = 50
_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
# Names that shadow a module the generated project imports, or that tools treat specially.
_RESERVED = frozenset(
    {
        "app",
        "test",
        "tests",
        "src",
        "site",
        "django",
        "fastapi",
        "express",
        "node",
        "socketio",
        "config",
        "scaffold",
        "copier",
        "pip",
        "uv",
        "npm",
        "con",
        "nul",
        "prn",
        "aux",
    }
)


def validate_name(name: str) -> str:
    """Return ``name`` if it is a usable project name, else raise InvalidName with the reason."""
    if not name:
        raise InvalidName(name, "it is empty")
    if len(name) > MAX_NAME:
        raise InvalidName(name, f"it is longer than {MAX_NAME} characters")
    if "/" in name or "\\" in name or ".." in name:
        raise InvalidName(name, "it contains a path separator or '..'")
    if any(c.isspace() for c in name):
        raise InvalidName(name, "it contains spaces")
    if name[0].isdigit():
        raise InvalidName(name, "it starts with a digit")
    if not _NAME.fullmatch(name):
        raise InvalidName(name, "only lowercase letters, digits and single dashes are allowed")
    slug = name.replace("-", "_")
    if keyword.iskeyword(slug) or slug in _RESERVED:
        raise InvalidName(name, "it is a reserved word or the name of a package the project uses")
    return name


def validate_stack(stack: str) -> str:
    if stack not in STACKS:
        raise InvalidChoice("stack", stack, list(STACKS))
    return stack


def validate_db(db: str) -> str:
    if db not in DATABASES:
        raise InvalidChoice("database", db, list(DATABASES))
    return db


def validate_language(stack: str, language: str | None) -> str | None:
    """The language of ``stack``'s Node code (default: DEFAULT_LANGUAGE); None for a
    stack without Node code, where asking for one is an error."""
    offered = STACKS[stack].languages
    if not offered:
        if language is not None:
            raise LanguageNotOffered(stack)
        return None
    if language is None:
        return DEFAULT_LANGUAGE
    if language not in offered:
        raise InvalidChoice("language", language, offered)
    return language


class LanguageNotOffered(UserError):
    def __init__(self, stack: str) -> None:
        with_node = [name for name, s in STACKS.items() if s.languages]
        super().__init__(
            f"The {stack} stack is Python only (no Node code); a language "
            f"({', '.join(LANGUAGES)}) is chosen for {' and '.join(with_node)}.",
            "Leave out --lang, or pick a stack with Node code.",
        )


def parse_features(value: str | Iterable[str]) -> list[str]:
    """Split ``students,chat`` (or a list) into known feature names, in catalogue order."""
    items = value.split(",") if isinstance(value, str) else list(value)
    wanted = {item.strip() for item in items if item.strip()}
    for item in sorted(wanted - FEATURES.keys()):
        raise InvalidChoice("feature", item, list(FEATURES))
    return [name for name in FEATURES if name in wanted]


def validate_features(stack: str, features: Iterable[str]) -> list[str]:
    """Features the stack offers, in catalogue order; UnsupportedFeatures for the others."""
    chosen = parse_features(features)
    offered = STACKS[stack].features
    unsupported = [f for f in chosen if f not in offered]
    if unsupported:
        raise UnsupportedFeatures(stack, unsupported, offered)
    return chosen
