"""Request and response bodies. Unknown fields are rejected so typos don't pass silently."""

import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, field_validator

from app.students.models import NAME_MAX_LENGTH

Grade = Literal["A+", "A", "B+", "B", "C+", "C", "D", "F"]


def _no_control_characters(value: str) -> str:
    # Never part of a name, and PostgreSQL rejects NUL in text columns.
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValueError("must not contain control characters")
    return value


Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_LENGTH),
    AfterValidator(_no_control_characters),
]


class StudentCreate(BaseModel):
    """A full student: the body of POST, and of PUT (which replaces every field)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "Rahul", "grade": "A"}]}
    )

    name: Name
    grade: Grade


class StudentPatch(BaseModel):
    """A partial update: omitted fields keep their value."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    grade: Grade | None = None

    @field_validator("name", "grade")
    @classmethod
    def _not_null(cls, value: str | None) -> str:
        # Defaults are not validated, so this only rejects an explicit `null`.
        if value is None:
            raise ValueError("may be omitted, but not null")
        return value


class StudentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    grade: Grade


class Problem(BaseModel):
    """The body of an error response."""

    detail: str
