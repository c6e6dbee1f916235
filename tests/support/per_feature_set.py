"""Fixtures for a stack's spin-up module: one installed, served project per feature set.

    project, base_url, http = per_feature_set("node-express")

at module level gives tests a ``project`` (installed once per feature set), its running
``base_url`` (served once) and an ``http`` client for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.combos import feature_sets
from tests.support.projects import generate, install, serve


@dataclass
class Project:
    path: Path
    features: tuple[str, ...]

    def needs(self, feature: str) -> None:
        """Skip the calling test when this project was generated without ``feature``."""
        if feature not in self.features:
            pytest.skip(f"feature {feature!r} is off")


def feature_set_id(features: tuple[str, ...]) -> str:
    return "+".join(features) or "bare"


def per_feature_set(
    stack: str, env: Mapping[str, str] | None = None
) -> tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any]]:
    @pytest.fixture(scope="module", params=feature_sets(stack), ids=feature_set_id)
    def project(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> Project:
        path = generate(tmp_path_factory.mktemp(stack), stack, features=request.param)
        install(path, stack)
        return Project(path, request.param)

    @pytest.fixture(scope="module")
    def base_url(project: Project) -> Iterator[str]:
        with serve(project.path, stack, env=env) as url:
            yield url

    @pytest.fixture
    def http(base_url: str) -> Iterator[httpx.Client]:
        with httpx.Client(base_url=base_url, timeout=30) as client:
            yield client

    return project, base_url, http
