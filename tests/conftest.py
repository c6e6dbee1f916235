"""Fixtures shared by every tier: real servers, started once per session, on demand."""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator

import pytest

from tests.support import prerequisites, services

pytest_plugins = ["tests.support.browser"]  # `browser`, `context`: one Chromium per session

_db_names = itertools.count()


def pytest_configure() -> None:
    # Each run gets its own template store, so tests never see (or leave) a user's.
    os.environ["SCAFFOLD_HOME"] = tempfile.mkdtemp(prefix="scaffold-home-")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest modules first (updates, then other spin-ups): with --dist=loadscope a
    module runs on one worker, so one started last would leave the other worker idle."""
    items.sort(
        key=lambda item: (
            0
            if item.get_closest_marker("update")
            else 1
            if item.get_closest_marker("spinup")
            else 2
        )
    )


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    bin_dir = prerequisites.postgres_bin()
    prerequisites.require_tool("psql")
    with services.postgres_server(bin_dir) as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server_url: str) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    return services.create_database(postgres_server_url, f"test_{next(_db_names)}")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    binary = prerequisites.require_tool("redis-server")
    with services.redis_server(binary) as url:
        yield url
