"""Database engine, the declarative base and the per-request session dependency."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import DeclarativeBase, Session
from sqlalchemy.pool import NullPool, StaticPool

# FastAPI runs sync endpoints and dependencies in a pool of 40 threads. If fewer database
# connections than that can be checked out, a burst of requests can hold every thread
# waiting for a connection while the sessions holding the connections wait for a thread
# to finish their responses: a deadlock (fastapi/fastapi#3205). So every thread gets one.
THREADS = 40


class Base(DeclarativeBase):
    pass


def create_db_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # Opening a SQLite file is cheap: a connection per session, no pool to run dry.
        # An in-memory database lives only as long as its one connection, so it keeps it.
        # A session may move between threads (never used by two at once).
        in_memory = url in ("sqlite://", "sqlite:///:memory:")
        return create_engine(
            url,
            connect_args={"check_same_thread": False},
            poolclass=StaticPool if in_memory else NullPool,
        )
    return create_engine(url, pool_pre_ping=True, pool_size=THREADS // 2, max_overflow=THREADS // 2)


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
