"""A field's ``:default=VALUE``: checked against the field's type and rules when the command
is parsed (nothing is written for a bad one), and recorded as the value the API returns."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .spec import Field

# Why a type takes no default (the field is then added as optional).
NO_DEFAULT = {
    "ref": "a default row id would name different rows in different databases",
    "datetime": "one fixed instant is rarely a right value for every row",
}
# A default each type takes, for the messages' examples.
EXAMPLES = {
    "str": "Untitled",
    "text": "None yet.",
    "int": "0",
    "decimal": "0.00",
    "bool": "false",
    "date": "2026-01-01",
    "email": "office@example.com",
    "url": "https://example.com",
}
INT_RANGE = range(-(2**31), 2**31)


def spelled(field: Field, end: str) -> str:
    """``field`` as the command line writes it, ``end`` last (``?``, ``:default=…``)."""
    options = (
        (":unique" if field.unique else "")
        + (f":max={field.max_length}" if field.max_length else "")
        + (f":choices={','.join(field.choices)}" if field.choices else "")
    )
    return f"{field.name}:{field.type}{options}{end}"


def spelled_with_default(field: Field) -> str:
    """``field`` with a default it takes (its first choice, or one of its type's), for a
    message's fix."""
    value = field.choices[0] if field.choices else EXAMPLES[field.type]
    return spelled(field, f":default={value[: field.max_length or None]}")


class BadDefault(ValueError):
    """The value breaks the field's rules; the message says which."""


def default_value(
    kind: str, text: str, max_length: int | None, choices: tuple[str, ...] | None
) -> str | int | bool:
    """``text`` as the value the API returns for it: an int, a bool, a decimal with two
    places, or the string itself; ``BadDefault`` saying why when the field refuses it."""
    if choices is not None:
        if text not in choices:
            raise BadDefault(f"it is not one of {', '.join(choices)}")
        return text
    return _READERS[kind](text, max_length)


def _str(text: str, max_length: int | None, limit: int = 255) -> str:
    if text != text.strip() or not text:
        raise BadDefault("it is blank or has spaces around it")
    if not text.isprintable():
        raise BadDefault("it has control characters")
    if len(text) > (max_length or limit):
        raise BadDefault(f"it is longer than {max_length or limit} characters")
    return text


def _int(text: str, _: int | None) -> int:
    if not re.fullmatch(r"-?[0-9]+", text) or int(text) not in INT_RANGE:
        raise BadDefault("it is not a whole number from -2147483648 to 2147483647")
    return int(text)


def _decimal(text: str, _: int | None) -> str:
    if not re.fullmatch(r"-?[0-9]{1,8}(\.[0-9]{1,2})?", text):
        raise BadDefault("it is not a number with at most 8 digits before the point and 2 after")
    whole, _point, fraction = text.partition(".")
    return f"{whole}.{fraction:0<2}"


def _bool(text: str, _: int | None) -> bool:
    if text not in ("true", "false"):
        raise BadDefault("a bool's default is true or false")
    return text == "true"


def _date(text: str, _: int | None) -> str:
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError(text)
        datetime.date.fromisoformat(text)
    except ValueError:
        raise BadDefault("it is not a real date written YYYY-MM-DD") from None
    return text


def _email(text: str, _: int | None) -> str:
    if len(text) > 254 or not re.fullmatch(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+", text):
        raise BadDefault("it is not an email address (local@domain.tld)")
    return text


def _url(text: str, _: int | None) -> str:
    parts = urlsplit(text)
    if len(text) > 2000 or parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadDefault("it is not an http or https URL with a host")
    return _str(text, 2000)


_READERS: dict[str, Callable[[str, int | None], str | int | bool]] = {
    "str": _str,
    "text": lambda text, _: _str(text, None, limit=10_000),
    "int": _int,
    "decimal": _decimal,
    "bool": _bool,
    "date": _date,
    "email": _email,
    "url": _url,
}
