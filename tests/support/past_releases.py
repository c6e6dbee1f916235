"""Projects made by a past release, used by a team, then updated to this checkout: the
steps every "a project made by release X keeps updating" test shares."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import yaml
from typer.testing import CliRunner

from scaffold import __version__
from scaffold.cli import app
from scaffold.cli.boundary import EXIT_CONFLICTS
from scaffold.stacks import STACKS, Service
from scaffold.template_source import RELEASES
from tests.support.projects import demo_authorization, generate, install, run_all, serve_all
from tests.support.template_repos import (
    commit_all,
    git,
    release,
    template_repo_at,
    this_checkout,
)

THIS_RELEASE = f"v{__version__}"
TEAM_NOTES = "\n## Our notes\n\nDeploys go through the staging box first.\n"


def template_history(path: Path, past: str) -> Path:
    """A template repository holding release ``past`` and, tagged after it, this checkout."""
    repo = template_repo_at(path, RELEASES[past], past)
    release(repo, THIS_RELEASE, this_checkout)
    return repo


def generate_at(
    repo: Path, tag: str, parent: Path, stack: str, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Render ``stack`` as release ``tag`` of ``repo`` rendered it (not installed)."""
    monkeypatch.setenv("SCAFFOLD_TEMPLATE", f"{repo}@{tag}")
    project = generate(parent, stack)
    monkeypatch.delenv("SCAFFOLD_TEMPLATE")  # updates follow the answers file's _src_path
    return project


def used_as_released(
    tmp_path: Path, tag: str, stack: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """A ``stack`` project made by release ``tag``, installed, with a row written as that
    release's README says; returns the template history (``tag``, then this checkout) and
    the project."""
    repo = template_history(tmp_path / "template", tag)
    project = generate_at(repo, tag, tmp_path / "projects", stack, monkeypatch)
    install(project, stack)
    write_a_row_as_released(project, stack)
    return repo, project


def edit_readme_and_commit(project: Path) -> None:
    readme = project / "README.md"
    readme.write_text(readme.read_text() + TEAM_NOTES)
    commit_all(project, "our notes")


def update_to_this_release(project: Path, release: str = THIS_RELEASE) -> None:
    """``scaffold update`` (to ``release``, the newest tag); README conflicts resolved as a
    person would (keep both sides); the team's note kept; the project recorded at that
    release; the result committed."""
    result = CliRunner().invoke(app, ["update", str(project)])
    assert result.exit_code in (0, EXIT_CONFLICTS), result.output
    if result.exit_code == EXIT_CONFLICTS:
        keep_both_sides(project)
    assert TEAM_NOTES.strip() in (project / "README.md").read_text()
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_commit"] == release
    commit_all(project, f"update to {release}")


def installs_passes_its_tests_and_serves_old_rows(project: Path, stack: str) -> None:
    """After the update: install, the project's own tests, then the old rows served and
    a demo user who writes."""
    install(project, stack)
    run_all(project, STACKS[stack].test)
    serves_old_rows(project, stack)


def installs_and_serves_old_rows(project: Path, stack: str) -> None:
    """After the update: install, migrate the old database, serve the old rows and a demo
    user who writes (for a release whose updated tree another release's test runs the
    project's own tests on)."""
    install(project, stack)
    serves_old_rows(project, stack)


def serves_old_rows(project: Path, stack: str) -> None:
    with serve_all(project, stack) as urls:
        service = next(s for s in STACKS[stack].services if s.name in urls)
        check_old_rows_and_demo_writes(project, service, urls[service.name])


def keep_both_sides(project: Path) -> None:
    """Resolve README conflicts by keeping both sides; any other conflict fails."""
    listed = (
        git(project, "diff", "--name-only").split()
        + git(project, "ls-files", "--others", "--exclude-standard").split()
    )
    marked = [p for p in listed if "<<<<<<< " in _text(project / p)]
    assert marked == ["README.md"], f"conflicts outside the README: {marked}"
    readme = project / "README.md"
    kept = [
        line
        for line in readme.read_text().splitlines()
        if not line.startswith(("<<<<<<< ", "=======", ">>>>>>> "))
    ]
    readme.write_text("\n".join(kept) + "\n")


def check_old_rows_and_demo_writes(project: Path, service: Service, url: str) -> None:
    """The team's row and the starter rows are served once each; the demo user writes."""
    with httpx.Client(base_url=url, timeout=30, trust_env=False) as client:
        assert client.get(service.health_path).json() == {"status": "ok"}
        page = client.get(service.path("/api/students?limit=100")).json()
        names = [s["name"] for s in page["results"]]
        assert sorted(names) == ["Kept", "Priya", "Rahul"], "old rows kept, none doubled"
        created = client.post(
            service.path("/api/students"),
            json={"name": "After update", "grade": "A-"},
            headers=demo_authorization(url, project, service),
        )
        assert created.status_code == 201, created.text


def write_a_row_as_released(project: Path, stack: str) -> None:
    """Migrate, create the demo user and start the project as a release since 0.2.0 did,
    then add the team's row through the API with the demo user's token (no seed command
    before 0.7.0: the starter rows came with the migrations)."""
    with serve_all(project, stack, seed=False) as urls:
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


def _text(path: Path) -> str:
    try:
        return path.read_text()
    except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
        return ""
