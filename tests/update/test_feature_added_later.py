"""Adding a feature later is an update with a changed answer, and the result still runs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest

from scaffold import api
from scaffold.stacks import STACKS
from tests.support.projects import generate, install, run_all, serve

pytestmark = [pytest.mark.update, pytest.mark.spinup]

# (stack, features at generation, feature added later, a path it serves, its status)
CASES = [
    ("fastapi", (), "students", "/api/students", 200),
    ("node-express", ("students",), "chat", "/chat", 200),
    ("django-drf", ("students",), "admin", "/admin/login/", 200),
    # The hybrid's chat lives behind the backend's sign-in.
    ("hybrid", ("students", "admin"), "chat", "/chat/", 302),
]


@pytest.mark.parametrize(
    ("stack", "before", "added", "path", "status"), CASES, ids=[c[0] for c in CASES]
)
def test_feature_added_by_update_installs_passes_its_tests_and_serves(
    tmp_path: Path, stack: str, before: tuple[str, ...], added: str, path: str, status: int
) -> None:
    project = generate(tmp_path, stack, features=before)
    features = ",".join((*before, added))

    result = api.update_project(path=project, data={"features": features})

    assert not result.conflicts
    assert f"- {added}" in (project / ".copier-answers.yml").read_text()
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "add"],
        cwd=project,
        check=True,
    )
    install(project, stack)
    run_all(project, STACKS[stack].test)
    with serve(project, stack) as url:
        assert httpx.get(url + path, timeout=10).status_code == status
