"""Database engine, the declarative base and the per-request engine and session dependencies."""

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session
from sqlalchemy.pool import StaticPool

# FastAPI runs sync endpoints and dependencies in a pool of 40 threads. If fewer database
# connections than that can be checked out, a burst of requests can hold every thread
# waiting for a connection while the sessions holding the connections wait for a thread
# to finish their responses: a deadlock (fastapi/fastapi#3205). So every thread gets one.
THREADS = 40
# How long a SQLite writer waits for the others before giving up. SQLite's waiting is not
# a queue, so under many concurrent writers (64 connections to 2 workers) one can wait
# seconds; a generous timeout turns that into latency instead of errors.
SQLITE_BUSY_TIMEOUT_MS = 15_000


class Base(DeclarativeBase):
    # Named constraints, so Alembic migrations can refer to (and drop) them.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run while one connection writes; the busy timeout makes a second
    # writer (another thread, or another uvicorn worker) wait instead of failing at once.
    # synchronous=NORMAL is WAL's recommended setting: commits skip the fsync (the WAL is
    # synced at checkpoints), so the write lock is held for microseconds, not a disk flush.
    # The database can't be corrupted; a power cut may lose the last commits.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # A pooled connection per thread: reopening the file and its PRAGMAs on every
        # request cost ~15% of the list endpoint's throughput. An in-memory database lives
        # only as long as its one connection, so it keeps it. A session may move between
        # threads (never used by two at once).
        in_memory = url in ("sqlite://", "sqlite:///:memory:")
        pool: dict[str, Any] = (
            {"poolclass": StaticPool} if in_memory else {"pool_size": THREADS, "max_overflow": 0}
        )
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=THREADS // 2, max_overflow=THREADS // 2)


async def get_engine(request: Request) -> Engine:
    # A coroutine: FastAPI runs a plain function in the thread pool, a trip this needn't take.
    return request.app.state.engine


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


EngineDep = Annotated[Engine, Depends(get_engine)]
SessionDep = Annotated[Session, Depends(get_session)]
