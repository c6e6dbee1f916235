"""The field types of resources: the starter's and those `scaffold add resource` makes
(docs/api-contract.md).

Input types validate a request body with no coercion between JSON types (`"5"` is not an
int, `5` is not a string, `true` is not a number) and normalize what they keep: strings
trimmed, datetimes in UTC, decimals exact. `DecimalOut` and `DateTimeOut` are how stored
values go back out: `"12.50"`, and `2026-03-01T08:30:00Z`. Messages never echo the input.
"""

import datetime as dt
import decimal
import math
import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    Strict,
)
from pydantic import StringConstraints as Length
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

STR_MAX_LENGTH = 255
TEXT_MAX_LENGTH = 10_000
EMAIL_MAX_LENGTH = 254
URL_MAX_LENGTH = 2000
# PostgreSQL `integer`; ids are positive ones.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
# numeric(10, 2): 8 digits before the point, 2 after.
DECIMAL_DIGITS, DECIMAL_PLACES = 10, 2

_DECIMAL = re.compile(r"-?[0-9]{1,8}(\.[0-9]{1,2})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
# Tab, LF and CR are the only control characters a text may hold.
_TEXT_CONTROLS = frozenset("\t\n\r")


def _error(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def _storable(value: object, allowed: frozenset[str] = frozenset()) -> str:
    """A string with no lone surrogate (not storable as UTF-8; `"\\ud800"` is valid JSON)
    and no control character but ``allowed`` (PostgreSQL refuses NUL in text)."""
    if not isinstance(value, str):
        raise _error("string_type", "Must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _error("surrogate", "Must not contain lone surrogates") from None
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
        raise _error("control_character", "Must not contain control characters")
    return value


def _text(value: object) -> str:
    return _storable(value, _TEXT_CONTROLS)


def _integral(value: object) -> object:
    # JSON has one number type: 2.0 is the integer 2, 2.5 is no integer (strict mode
    # refuses it next, and booleans and strings too).
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _decimal(value: object) -> decimal.Decimal:
    """A JSON string as written (`-?digits(.digits)?`) or a JSON number, within numeric(10, 2)."""
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return decimal.Decimal(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        number = decimal.Decimal(str(value))  # a float's shortest form: 12.5, not 12.4999…
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= -DECIMAL_PLACES and abs(number) < 10**8:
            return number
    raise _error("decimal", "Must be a decimal with at most 8 digits before the point and 2 after")


def _date(value: object) -> dt.date:
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _error("date", "Must be a real date") from None
    raise _error("date", "Must be a date written YYYY-MM-DD")


def _datetime(value: object) -> dt.datetime:
    if isinstance(value, str) and _DATETIME.fullmatch(value):
        try:
            return dt.datetime.fromisoformat(value).astimezone(dt.UTC)
        except (ValueError, OverflowError):
            raise _error("datetime", "Must be a real date and time") from None
    raise _error("datetime", "Must be a date and time with its offset: YYYY-MM-DDTHH:MM:SSZ")


def _email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise _error("email", "Must be an email address (name@example.com)")
    return value


def _url(value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if not parts or parts.scheme not in {"http", "https"} or not parts.hostname:
        raise _error("url", "Must be an http:// or https:// URL with a host")
    if any(c.isspace() for c in value):
        raise _error("url", "Must not contain spaces")
    return value


def _as_utc(value: dt.datetime) -> dt.datetime:
    # SQLite stores datetimes without their offset: the app only ever writes UTC.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _two_places(value: decimal.Decimal) -> str:
    return f"{value:.2f}"


# A string's first check, before trimming. A str shorter than Str (a student's name) is
# `Annotated[str, Length(strip_whitespace=True, min_length=1, max_length=N), Storable]`.
Storable = BeforeValidator(_storable)
# Trimmed of leading and trailing white space (U+FEFF is not), then 1-255 characters.
Str = Annotated[
    str,
    Length(strip_whitespace=True, min_length=1, max_length=STR_MAX_LENGTH),
    Storable,
]
# Kept as sent (not trimmed): 1-10,000 characters; tab, LF and CR allowed.
Text = Annotated[str, Length(min_length=1, max_length=TEXT_MAX_LENGTH), BeforeValidator(_text)]
Int = Annotated[int, Strict(), Field(ge=INT_MIN, le=INT_MAX), BeforeValidator(_integral)]
# The id of a row that another table refers to (the router checks that it exists).
Id = Annotated[int, Strict(), Field(ge=1, le=INT_MAX), BeforeValidator(_integral)]
Decimal = Annotated[decimal.Decimal, BeforeValidator(_decimal)]
Bool = Annotated[bool, Strict()]
Date = Annotated[dt.date, BeforeValidator(_date)]
DateTime = Annotated[dt.datetime, BeforeValidator(_datetime)]
Email = Annotated[
    str,
    Length(strip_whitespace=True, min_length=1, max_length=EMAIL_MAX_LENGTH),
    AfterValidator(_email),
    BeforeValidator(_storable),
]
Url = Annotated[
    str,
    Length(strip_whitespace=True, min_length=1, max_length=URL_MAX_LENGTH),
    AfterValidator(_url),
    BeforeValidator(_storable),
]


class OneOf:
    """`Annotated[str, OneOf("A", "B")]`: exactly one of these strings (case-sensitive, not
    trimmed); the OpenAPI schema lists them as its `enum`."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(schema), "enum": list(self.choices)}

    def _check(self, value: str) -> str:
        if value not in self.choices:
            choices = ", ".join(self.choices)
            raise PydanticCustomError("one_of", "Must be one of {choices}", {"choices": choices})
        return value


DecimalOut = Annotated[decimal.Decimal, PlainSerializer(_two_places, return_type=str)]
DateTimeOut = Annotated[dt.datetime, AfterValidator(_as_utc)]
