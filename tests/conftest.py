"""Fixtures shared by every tier: real servers, started once per session, on demand."""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support import prerequisites, services

pytest_plugins = ["tests.support.browser"]  # `browser`, `context`: one Chromium per session

_db_names = itertools.count()


def pytest_configure() -> None:
    # Each run gets its own template store, so tests never see (or leave) a user's.
    os.environ["SCAFFOLD_HOME"] = tempfile.mkdtemp(prefix="scaffold-home-")


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """--dist=loadscope, except that each test of the `test_from_<release>` modules is a
    unit of its own: they share no fixture, and as whole modules (a few minutes each,
    one stack after another) the update tier kept one worker busy long after the other
    had finished."""
    from xdist.scheduler import LoadScopeScheduling

    class UpdatesSpread(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith("tests/update/test_from_"):
                return nodeid
            return str(super()._split_scope(nodeid))

    return UpdatesSpread(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest work first (updates, then other spin-ups): with --dist=loadscope a
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
