"""Projects made by scaffold 0.2.0 keep working: one per stack (default features, SQLite),
migrated and used the way 0.2.0's README says (its demo user wrote a row through the API),
with a committed README edit of the team's, updates to this release, then installs,
migrates that same database, passes its own tests and serves the old rows.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from scaffold.stacks import STACKS
from tests.support.past_releases import (
    edit_readme_and_commit,
    generate_at,
    installs_passes_its_tests_and_serves_old_rows,
    template_history,
    update_to_this_release,
)
from tests.support.projects import demo_authorization, install, serve_all

pytestmark = [pytest.mark.update, pytest.mark.spinup]


@pytest.mark.parametrize("stack", list(STACKS))
def test_a_0_2_0_project_updates_keeps_its_data_and_passes_its_tests(
    stack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = template_history(tmp_path / "template", "v0.2.0")
    project = generate_at(repo, "v0.2.0", tmp_path / "projects", stack, monkeypatch)
    install(project, stack)
    use_as_0_2_0_did(project, stack)
    edit_readme_and_commit(project)

    update_to_this_release(project)

    installs_passes_its_tests_and_serves_old_rows(project, stack)


def use_as_0_2_0_did(project: Path, stack: str) -> None:
    """Migrate, create the demo user and start the project as 0.2.0 did, then add the
    team's row through the API with the demo user's token."""
    with serve_all(project, stack) as urls:
        service = next(s for s in STACKS[stack].services if s.name in urls)
        url = urls[service.name]
        created = httpx.post(
            url + service.path("/api/students"),
            json={"name": "Kept", "grade": "B"},
            headers=demo_authorization(url, project, service),
            timeout=30,
            trust_env=False,
        )
        assert created.status_code == 201, created.text
