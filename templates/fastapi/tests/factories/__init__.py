"""Rows for tests, one module per resource (the starter's and those `scaffold add resource`
makes): `<name>_body()` is a valid request body, `make_<name>()` a stored row (other
resources' tests use them for their references)."""

import json
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app import crud
from app.crud import Body
from app.db import Base

Row = TypeVar("Row", bound=Base)


def stored(session: Session, row: Row, create: type[Body], body: dict[str, Any]) -> Row:
    """``row`` with ``body``'s values, validated like a request body, saved."""
    crud.save(session, row, create.model_validate_json(json.dumps(body)).model_dump())
    return row
