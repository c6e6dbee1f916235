"""Missing tools: the error scaffold raises gives the same fix `scaffold doctor` prints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scaffold import doctor, toolchain
from scaffold.errors import ToolMissing


@pytest.fixture
def empty_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PATH", str(tmp_path))
    toolchain.resolve.cache_clear()
    yield
    toolchain.resolve.cache_clear()


@pytest.mark.usefixtures("empty_path")
def test_a_missing_tool_names_the_fix_doctor_prints() -> None:
    with pytest.raises(ToolMissing) as caught:
        toolchain.resolve("git")
    assert caught.value.hint == toolchain.install_advice("git") == doctor.check_git().fix


@pytest.mark.usefixtures("empty_path")
def test_asking_a_missing_tool_is_no_answer_not_a_crash() -> None:
    assert toolchain.probe(["node", "--version"]) is None
