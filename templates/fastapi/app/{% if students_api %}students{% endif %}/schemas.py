"""Request and response bodies: strict strings, unknown fields refused (typos never pass)."""

import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from app.students.models import NAME_MAX_LENGTH

Grade = Literal["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"]


def _printable(value: object) -> object:
    # Before trimming, so a tab or newline at either end is refused, not silently dropped.
    # A lone surrogate (`"\ud800"` is valid JSON) can't be stored as UTF-8; control
    # characters are never part of a name, and PostgreSQL refuses NUL in text.
    if not isinstance(value, str):
        return value  # strict mode refuses it next
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise PydanticCustomError("surrogate", "Must not contain lone surrogates") from None
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise PydanticCustomError("control_character", "Must not contain control characters")
    return value


# 1-100 characters (code points) once leading and trailing whitespace is removed.
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_LENGTH),
    BeforeValidator(_printable),
]


class StudentCreate(BaseModel):
    """A full student: the body of POST, and of PUT (which replaces every field)."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"name": "Rahul", "grade": "A"}]},
    )

    name: Name
    grade: Grade


class StudentPatch(BaseModel):
    """A partial update: omitted fields keep their value, `{}` changes nothing."""

    model_config = ConfigDict(
        extra="forbid", strict=True, json_schema_extra={"examples": [{"grade": "B+"}]}
    )

    name: Name | None = None
    grade: Grade | None = None

    @field_validator("name", "grade")
    @classmethod
    def _not_null(cls, value: str | None) -> str:
        # Defaults are not validated, so this only refuses an explicit `null`.
        if value is None:
            raise PydanticCustomError("not_null", "May be omitted, but not null")
        return value


class StudentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    grade: Grade


class StudentPage(BaseModel):
    """One page of the list, ordered by id: `count` is the total number of students."""

    count: int
    limit: int
    offset: int
    results: list[StudentRead]
