import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Base, create_db_engine
from app.main import create_app


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A fresh database for every test: a new SQLite file unless TEST_DATABASE_URL is set."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    # A shared server (e.g. PostgreSQL in CI): start from no tables and leave none behind.
    engine = create_db_engine(Settings(_env_file=None, database_url=url).database_url)
    Base.metadata.drop_all(engine)
    yield url
    Base.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    # Explicit values win over the environment and `.env` is not read: tests never
    # touch the development database.
    return Settings(_env_file=None, database_url=database_url, cors_origins=[])


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    # The `with` block runs the lifespan: tables are created and starter data seeded.
    with TestClient(create_app(settings)) as client:
        yield client
