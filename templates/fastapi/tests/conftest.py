import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, text
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import create_db_engine
from app.main import create_app
from app.users import passwords, service
from app.users.models import User

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery staple"


def alembic_config(url: str) -> Config:
    config = Config(ROOT / "alembic.ini")
    config.attributes["database_url"] = url
    return config


def reset_database(url: str) -> None:
    """Drop every table (whatever made it), then migrate from nothing to the latest schema."""
    engine = create_db_engine(url)
    existing = MetaData()
    existing.reflect(engine)
    existing.drop_all(engine)
    engine.dispose()
    command.upgrade(alembic_config(url), "head")


class Baseline:
    """A shared database migrated once, and the rows its migrations left, if any.

    ``restore()`` empties every table and puts those rows back: far faster than migrating
    again before each test (Django's test runner flushes between tests the same way).
    PostgreSQL only (TRUNCATE ... RESTART IDENTITY).
    """

    def __init__(self, url: str) -> None:
        reset_database(url)
        self.engine = create_db_engine(url)
        metadata = MetaData()
        metadata.reflect(self.engine)
        self.tables = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
        with self.engine.connect() as connection:
            self.rows = {
                t.name: [dict(row._mapping) for row in connection.execute(t.select())]
                for t in self.tables
            }

    def restore(self) -> None:
        quote = self.engine.dialect.identifier_preparer.quote
        with self.engine.begin() as connection:
            names = ", ".join(quote(t.name) for t in self.tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            for table in self.tables:
                if self.rows[table.name]:
                    connection.execute(table.insert(), self.rows[table.name])
                    # Explicit ids were inserted: the sequence continues after them.
                    connection.execute(
                        text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :last)"),
                        {"table": table.name, "last": max(r["id"] for r in self.rows[table.name])},
                    )


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashes() -> Iterator[None]:
    """Test users' passwords are hashed at a low scrypt cost (Django's tests use a fast
    hasher for the same reason): two real hashes per signed-in test made the suite 2-4x
    slower. Verifying reads the cost from each hash, so it stays exact."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "N", 2**4)
        yield


@pytest.fixture(scope="session")
def shared_baseline() -> Iterator[Baseline | None]:
    shared = os.environ.get("TEST_DATABASE_URL")
    if not shared:
        yield None
        return
    baseline = Baseline(Settings(_env_file=None, database_url=shared).database_url)
    yield baseline
    baseline.engine.dispose()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per run; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    command.upgrade(alembic_config(f"sqlite:///{path}"), "head")
    return path


@pytest.fixture
def database_url(
    tmp_path: Path, migrated_sqlite: Path, shared_baseline: Baseline | None
) -> Iterator[str]:
    """A fresh, migrated database for every test: a SQLite copy unless TEST_DATABASE_URL is set.

    With TEST_DATABASE_URL (e.g. PostgreSQL in CI) it is migrated once, restored to its
    migrated rows before each test, and its tables are dropped after the last.
    """
    if shared_baseline is not None:
        shared_baseline.restore()
        yield shared_baseline.engine.url.render_as_string(hide_password=False)
        return
    path = tmp_path / "test.db"
    shutil.copyfile(migrated_sqlite, path)
    yield f"sqlite:///{path}"


@pytest.fixture(scope="session", autouse=True)
def _drop_shared_tables() -> Iterator[None]:
    yield
    if shared := os.environ.get("TEST_DATABASE_URL"):
        engine = create_db_engine(Settings(_env_file=None, database_url=shared).database_url)
        leftovers = MetaData()
        leftovers.reflect(engine)
        leftovers.drop_all(engine)
        engine.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    # Explicit values win over the environment and `.env` is not read: tests never
    # touch the development database.
    return Settings(_env_file=None, database_url=database_url, cors_origins=[])


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def session(settings: Settings) -> Iterator[Session]:
    engine = create_db_engine(settings.database_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture
def user(session: Session) -> User:
    return service.create_user(session, "tester", PASSWORD)


@pytest.fixture
def token(client: TestClient, user: User) -> str:
    response = client.post("/api/auth/token", json={"username": "tester", "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["token"]


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    """Headers that authorize a write."""
    return {"Authorization": f"Bearer {token}"}
