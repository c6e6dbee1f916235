"""The CRUD every resource is made of: `crud_router()` serves a model at a URL, with list,
create, read, replace, update and delete, and each failure's answer.

A resource's own files say only what is its own: the model (its table and constraints), the
request and response bodies (its fields' rules) and the URL. The checks a table's columns ask
for (unique values, references to rows of other tables) run where a model has such columns.
"""

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, create_model
from sqlalchemy import Engine, Row, bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import Base, EngineDep, SessionDep
from app.dependencies import JSONBody
from app.errors import ApiError, error_responses
from app.fields import INT_MAX
from app.users.dependencies import get_current_user

# Ids are 32-bit integers (PostgreSQL `integer`); any other value names no row:
# app.errors answers a path parameter that doesn't validate with 404.
RowId = Annotated[int, Path(ge=1, le=INT_MAX)]
Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=INT_MAX)]  # no table holds more rows than ids
# Writes need a JSON body (415 otherwise) and a signed-in user (401), checked in that order.
WRITE = [JSONBody, Depends(get_current_user)]
# Every answer an operation can give is documented (the 422 replaces FastAPI's own shape).
WRITE_ERRORS = error_responses(400, 401, 413, 415, 422)
NOT_FOUND = error_responses(404)


class Body(BaseModel):
    """A request body: strict types (no coercion between JSON types), no unknown field."""

    model_config = ConfigDict(extra="forbid", strict=True)


def patch_body(body: type[Body]) -> type[Body]:
    """The body of PATCH: `body`'s fields, none required; omitted ones keep their value. A
    field that is never null keeps its type, so `null` is refused for it: pydantic does not
    validate the default, None, that marks it unset."""
    fields: dict[str, Any] = {
        name: (
            Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation,
            None,
        )
        for name, info in body.model_fields.items()
    }
    return create_model(body.__name__.removesuffix("Input") + "Patch", __base__=Body, **fields)


def page_of(row: type[BaseModel]) -> type[BaseModel]:
    """The body of one page of the list (`row`s ordered by id); `count` is the total."""
    counts: Any = (int, ...)
    return create_model(
        f"{row.__name__}Page", count=counts, limit=counts, offset=counts, results=(list[row], ...)
    )


def problems(session: Session, row: Base, values: dict[str, Any]) -> dict[str, str]:
    """Why ``values`` can't be stored in ``row``: a unique value another row has, or the id
    of a row that doesn't exist. The database's constraints enforce both too."""
    model = type(row)
    others = select(model.id).where(model.id != row.id)  # a new row's id is None
    found: dict[str, str] = {}
    for column in model.__table__.columns:
        if (value := values.get(column.name)) is None:
            continue
        if column.unique and session.scalar(others.where(column == value).limit(1)):
            found[column.name] = "Another row already has this value."
        for key in column.foreign_keys:
            if session.scalar(select(key.column).where(key.column == value)) is None:
                found[column.name] = f"No row of {key.column.table.name} has this id."
    return found


def save(session: Session, row: Base, values: dict[str, Any]) -> Base:
    """Set ``values`` on ``row`` (new or stored) and commit; what breaks a rule is a 422."""
    if found := problems(session, row, values):
        raise ApiError(422, fields=found)
    for name, value in values.items():
        setattr(row, name, value)
    session.add(row)
    try:
        session.commit()
    except IntegrityError:
        # A concurrent request took the value, or deleted the row, since the check.
        session.rollback()
        raise ApiError(422, fields=problems(session, row, values)) from None
    return row


def crud_router(
    prefix: str, model: type[Base], create: type[Body], read: type[BaseModel]
) -> APIRouter:
    """The operations on ``model`` at ``prefix``, named for the OpenAPI document's
    operationIds (`list_lessons` is `listLessons`)."""
    one = re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()
    label = one.replace("_", " ")
    many = model.__tablename__
    patch, page = patch_body(create), page_of(read)
    router = APIRouter(prefix=prefix, tags=[many.replace("_", " ")])

    missing = f"No {label} has this id."

    def get_row(session: SessionDep, id: RowId) -> Base:
        if (row := session.get(model, id)) is None:
            raise ApiError(status.HTTP_404_NOT_FOUND, missing)
        return row

    Stored = Annotated[Base, Depends(get_row)]

    # Reads are coroutines that take their query to the thread pool in one trip: FastAPI
    # runs a sync handler, each sync dependency and the check of its answer in the pool, a
    # trip apiece, and each trip costs more than reading the rows. They select the columns
    # the answer shows: plain rows, no ORM objects to build and track.
    shown = select(*(model.__table__.c[name] for name in read.model_fields))
    one_query = shown.where(model.id == bindparam("id"))
    page_query = shown.order_by(model.id).limit(bindparam("limit")).offset(bindparam("offset"))
    count_query = select(func.count()).select_from(model)

    def fetch_page(engine: Engine, limit: int, offset: int) -> dict[str, Any]:
        with engine.connect() as connection:
            count = connection.scalar(count_query)
            rows = connection.execute(page_query, {"limit": limit, "offset": offset}).all()
        return {"count": count, "limit": limit, "offset": offset, "results": rows}

    def fetch_one(engine: Engine, id: int) -> Row[Any] | None:
        with engine.connect() as connection:
            return connection.execute(one_query, {"id": id}).first()

    @router.get("", name=f"list_{many}", response_model=page, responses=error_responses(422))
    async def list_rows(engine: EngineDep, limit: Limit = 20, offset: Offset = 0) -> Any:
        return await run_in_threadpool(fetch_page, engine, limit, offset)

    @router.post(
        "",
        name=f"create_{one}",
        response_model=read,
        status_code=status.HTTP_201_CREATED,
        dependencies=WRITE,
        responses=WRITE_ERRORS,
    )
    def create_row(request: Request, response: Response, session: SessionDep, data: create) -> Any:
        row = save(session, model(), data.model_dump())
        response.headers["Location"] = str(request.url_for(f"read_{one}", id=row.id))
        return row

    @router.get("/{id}", name=f"read_{one}", response_model=read, responses=NOT_FOUND)
    async def read_row(engine: EngineDep, id: RowId) -> Any:
        if (row := await run_in_threadpool(fetch_one, engine, id)) is None:
            raise ApiError(status.HTTP_404_NOT_FOUND, missing)
        return row

    @router.put(
        "/{id}",
        name=f"replace_{one}",
        response_model=read,
        dependencies=WRITE,
        responses={**NOT_FOUND, **WRITE_ERRORS},
    )
    def replace_row(session: SessionDep, row: Stored, data: create) -> Any:
        # Every field: an optional one left out becomes null.
        return save(session, row, data.model_dump())

    @router.patch(
        "/{id}",
        name=f"update_{one}",
        response_model=read,
        dependencies=WRITE,
        responses={**NOT_FOUND, **WRITE_ERRORS},
    )
    def update_row(session: SessionDep, row: Stored, data: patch) -> Any:
        return save(session, row, data.model_dump(exclude_unset=True))

    @router.delete(
        "/{id}",
        name=f"delete_{one}",
        status_code=status.HTTP_204_NO_CONTENT,
        dependencies=[Depends(get_current_user)],
        responses=error_responses(401, 404, 409),
    )
    def delete_row(session: SessionDep, row: Stored) -> None:
        session.delete(row)
        try:
            session.commit()
        except IntegrityError:
            # Rows of another table refer to it (their foreign key is ON DELETE RESTRICT).
            session.rollback()
            message = "Rows of another resource refer to it; change or delete them first."
            raise ApiError(409, message) from None

    return router
