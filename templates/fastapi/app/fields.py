"""The field types of resources: pydantic's own, in strict bodies (app.crud.Body: `"5"` is
no int, `5` no string, `true` no number). The wrappers below are where the API's rules ask
more than pydantic does. Choices are `Literal[...]`."""

import datetime as dt
import decimal
import re
import unicodedata
from functools import partial
from typing import Annotated

from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    AwareDatetime,
    BeforeValidator,
    EmailStr,
    Field,
    PlainSerializer,
    UrlConstraints,
)
from pydantic_core import PydanticCustomError

from app import openapi

# PostgreSQL `integer`; ids are positive ones.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
_DATETIME = r"[\d-]{10}T\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"


def _storable(value: object, allowed: str = "", strip: bool = True) -> object:
    """No control character but ``allowed`` (PostgreSQL refuses NUL in text), no lone
    surrogate (`"\\ud800"` is valid JSON, but no UTF-8); trimmed of Unicode white space
    (U+00A0, U+3000; not U+FEFF) unless not ``strip``."""
    if not isinstance(value, str):
        return value
    if any(unicodedata.category(c) in ("Cc", "Cs") and c not in allowed for c in value):
        raise PydanticCustomError("unstorable", "Must not contain control or surrogate characters")
    return value.strip() if strip else value


def _json(message: str, written: str = ".*", numbers: bool = False) -> BeforeValidator:
    """A string matching ``written`` (or a JSON number), for pydantic's lax mode to parse:
    FastAPI validates the parsed body, where strict mode takes no string for a date."""

    def check(value: object) -> object:
        number = numbers and isinstance(value, int | float) and not isinstance(value, bool)
        if not number and not (isinstance(value, str) and re.fullmatch(written, value)):
            raise PydanticCustomError("format", message)
        return value

    return BeforeValidator(check)


def _integral(value: object) -> object:
    # JSON has one number type: 2.0 is the integer 2 (strict mode refuses 2.5, true, "2").
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _as_utc(value: dt.datetime) -> dt.datetime:
    # SQLite stores datetimes without their offset: the app only ever writes UTC.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# Trimmed, then 1-255 characters; a shorter one: `Annotated[fields.Str, Field(max_length=N)]`.
Str = Annotated[str, Field(min_length=1, max_length=255), BeforeValidator(_storable)]
# Kept as sent; tab, LF and CR allowed.
_text = partial(_storable, allowed="\t\n\r", strip=False)
Text = Annotated[str, Field(min_length=1, max_length=10_000), BeforeValidator(_text)]
Int = Annotated[int, Field(ge=INT_MIN, le=INT_MAX), BeforeValidator(_integral)]
# The id of a row of another table (app.crud checks that it exists).
Id = Annotated[Int, Field(ge=1), openapi.ID]
# numeric(10, 2), stored and sent back as "12.50". pydantic would also take "1e3", " 1.5"
# and "+1.5"; so a string is digits and a point only.
Decimal = Annotated[
    decimal.Decimal,
    Field(max_digits=10, decimal_places=2, strict=False),
    _json("Must be a number: digits, a point, 2 decimals", r"-?\d+(\.\d+)?", numbers=True),
    AfterValidator(lambda value: value.quantize(decimal.Decimal("0.01"))),
    openapi.DECIMAL,
]
Date = Annotated[dt.date, Field(strict=False), _json("Must be a date: YYYY-MM-DD")]
# In UTC once read. pydantic would also take "2026-03-01 10:30Z" (no T, no seconds).
DateTime = Annotated[
    AwareDatetime,
    Field(strict=False),
    _json("Must be YYYY-MM-DDTHH:MM:SS and Z or an offset", _DATETIME),
    AfterValidator(_as_utc),
]
Email = Annotated[EmailStr, BeforeValidator(_storable), openapi.EMAIL]
# Stored as text, as pydantic normalizes it ("HTTP://Example.com" is "http://example.com").
Url = Annotated[
    AnyHttpUrl,
    UrlConstraints(max_length=2000, preserve_empty_path=True),
    Field(strict=False),
    BeforeValidator(_storable),
    PlainSerializer(str, return_type=str),
]
# A stored datetime going out: in UTC, `2026-03-01T08:30:00Z`.
DateTimeOut = Annotated[dt.datetime, AfterValidator(_as_utc)]
