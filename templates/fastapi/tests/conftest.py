import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import MetaData
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import create_db_engine
from app.main import create_app
from app.users import service
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


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per run; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    command.upgrade(alembic_config(f"sqlite:///{path}"), "head")
    return path


@pytest.fixture
def database_url(tmp_path: Path, migrated_sqlite: Path) -> Iterator[str]:
    """A fresh, migrated database for every test: a SQLite copy unless TEST_DATABASE_URL is set.

    With TEST_DATABASE_URL (e.g. PostgreSQL in CI) its tables are dropped and migrated
    again before each test and dropped after the last.
    """
    shared = os.environ.get("TEST_DATABASE_URL")
    if shared:
        url = Settings(_env_file=None, database_url=shared).database_url
        reset_database(url)
        yield url
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
