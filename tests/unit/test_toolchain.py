"""Project commands scaffold runs see the tools scaffold itself uses."""

from __future__ import annotations

import shutil

import pytest

from scaffold import toolchain


def test_project_commands_find_the_uv_scaffold_brings_when_none_is_on_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """npm scripts and pre-commit hooks call `uv` by name; scaffold's own is the fallback."""
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    toolchain.resolve.cache_clear()
    try:
        env = toolchain.command_env()
    finally:
        toolchain.resolve.cache_clear()

    assert env["PATH"].startswith("/usr/bin:/bin"), "the user's PATH comes first"
    assert shutil.which("uv", path=env["PATH"]) == toolchain.resolve("uv")
