"""Projects made by scaffold 0.2.0 keep working: one per stack (default features, SQLite),
migrated and used the way 0.2.0's README says (its demo user wrote a row through the API),
with a committed README edit of the team's, updates to this release, then installs,
migrates that same database, passes its own tests and serves the old rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scaffold.stacks import STACKS
from tests.support.past_releases import (
    edit_readme_and_commit,
    installs_passes_its_tests_and_serves_old_rows,
    update_to_this_release,
    used_as_released,
)

pytestmark = [pytest.mark.update, pytest.mark.spinup]


@pytest.mark.parametrize("stack", list(STACKS))
def test_a_0_2_0_project_updates_keeps_its_data_and_passes_its_tests(
    stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, project = used_as_released(tmp_path, "v0.2.0", stack, monkeypatch)
    edit_readme_and_commit(project)

    update_to_this_release(project)

    installs_passes_its_tests_and_serves_old_rows(project, stack)
