"""Projects made by scaffold 0.2.0 and 0.3.0 keep working: one per release and stack
(default features, SQLite), migrated and used the way that release's README says (its demo
user wrote a row through the API), with a committed README edit of the team's, update to
this release, then install, migrate that same database and serve the old rows beside a
demo user who writes.

What these tests alone prove is the update of a 0.2.0 and of a 0.3.0 tree (the first with
compose, hooks and login limits) and their databases. Both shipped the migrations 0.4.0
shipped; after the update the files are this release's, whose own tests the 0.4.0, 0.5.0
(JavaScript) and 0.6.0 tests run, and resources following the template (made by a past
release, a team's edit in one) is test_from_0_6_0's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scaffold.stacks import STACKS
from tests.support.past_releases import (
    edit_readme_and_commit,
    installs_and_serves_old_rows,
    update_to_this_release,
    used_as_released,
)

pytestmark = [pytest.mark.update, pytest.mark.spinup]


@pytest.mark.parametrize("release", ["v0.2.0", "v0.3.0"])
@pytest.mark.parametrize("stack", list(STACKS))
def test_a_project_of_the_release_updates_and_keeps_its_data(
    release: str, stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, project = used_as_released(tmp_path, release, stack, monkeypatch)
    edit_readme_and_commit(project)

    update_to_this_release(project)

    installs_and_serves_old_rows(project, stack)
