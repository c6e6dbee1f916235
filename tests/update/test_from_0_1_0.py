"""Projects made by scaffold 0.1.0 keep working: one per stack (default features, SQLite),
with data in its database and an edit of the team's committed, updates to this release,
then installs, migrates that same database (adopting the tables 0.1.0 made) and serves the
old rows beside a demo user who can write; where the update keeps Django's built-in user
(django-drf, the hybrid), it passes its own tests too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest
import yaml
from typer.testing import CliRunner

from scaffold import runner, template_source
from scaffold.cli import app
from scaffold.stacks import STACKS
from scaffold.toolchain import execute
from tests.support.past_releases import (
    edit_readme_and_commit,
    generate_at,
    installs_and_serves_old_rows,
    installs_passes_its_tests_and_serves_old_rows,
    template_history,
    update_to_this_release,
)
from tests.support.projects import free_port, generate, install, run
from tests.support.template_repos import git

pytestmark = [pytest.mark.update, pytest.mark.spinup]

RELEASE_0_1_0 = "5f8ed9e8dc2087e2cfebdd86c736b02841343814"  # tag v0.1.0
# Where 0.1.0 kept each stack's SQLite database, and a row of the team's own in it.
_KEPT = "INSERT INTO students (name, grade) VALUES ('Kept', 'B')"
_DJANGO_KEPT = (
    "INSERT INTO students_student (name, grade, email, created_at, updated_at) "
    "VALUES ('Kept', 'B', '', datetime('now'), datetime('now'))"
)
OLD_DATABASE = {
    "node-express": ("data/app.sqlite3", _KEPT),
    "django-drf": ("db.sqlite3", _DJANGO_KEPT),
    "fastapi": ("app.db", _KEPT),
    "hybrid": ("backend/db.sqlite3", _DJANGO_KEPT),
}


# Stacks whose updated 0.1.0 project differs from every newer release's: Django's built-in
# auth.User, so their own tests run here.
KEEPS_DJANGOS_USER = ("django-drf", "hybrid")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return template_history(tmp_path / "template", "v0.1.0")


@pytest.mark.parametrize("stack", list(STACKS))
def test_a_0_1_0_project_updates_migrates_its_data_and_passes_its_tests(
    stack: str, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = generate_at(repo, "v0.1.0", tmp_path / "projects", stack, monkeypatch)
    install(project, stack)
    use_as_0_1_0_did(project, stack)
    edit_readme_and_commit(project)

    update_to_this_release(project)

    if stack in KEEPS_DJANGOS_USER:
        installs_passes_its_tests_and_serves_old_rows(project, stack)
    else:  # its updated files are a 0.5.0 JavaScript or a 0.6.0 project's, tested there
        installs_and_serves_old_rows(project, stack)


def test_an_updated_0_1_0_django_project_keeps_djangos_built_in_user(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = generate_at(repo, "v0.1.0", tmp_path / "projects", "django-drf", monkeypatch)

    assert CliRunner().invoke(app, ["update", str(project)]).exit_code == 0

    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["custom_user_model"] is False, "recorded, so later updates keep it"
    assert not (project / "users").exists()
    fresh = generate(tmp_path / "fresh", "django-drf")
    assert yaml.safe_load((fresh / ".copier-answers.yml").read_text())["custom_user_model"]


def test_a_django_update_never_drops_the_emails_0_1_0_students_hold(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0.1.0's Student had an email the contract no longer has. Dropping the column would
    lose data, so migrate stops with the cause and the fix while any email is set."""
    project = generate_at(repo, "v0.1.0", tmp_path / "projects", "django-drf", monkeypatch)
    install(project, "django-drf")
    use_as_0_1_0_did(project, "django-drf")
    with sqlite3.connect(project / "db.sqlite3") as db:
        db.execute("UPDATE students_student SET email = 'kept@example.com' WHERE name = 'Kept'")
    assert CliRunner().invoke(app, ["update", str(project)]).exit_code == 0
    install(project, "django-drf")

    migrate = execute(("uv", "run", "python", "manage.py", "migrate", "--noinput"), project)

    assert migrate.returncode != 0
    assert "1 student has an email" in migrate.stdout, migrate.stdout
    with sqlite3.connect(project / "db.sqlite3") as db:
        assert db.execute("SELECT email FROM students_student WHERE name = 'Kept'").fetchone() == (
            "kept@example.com",
        )


def use_as_0_1_0_did(project: Path, stack: str) -> None:
    """Create the database the way 0.1.0 did (Django's migrate; the others at start-up,
    seeding Rahul and Priya), then add a row of the team's own."""
    services = STACKS[stack].services
    first = services[0]
    if (project / first.cwd / "manage.py").exists():
        for argv in first.prepare:  # 0.1.0 prepared Django exactly like this
            run(project, *argv, cwd=first.cwd)
    ports = {s.name: free_port() for s in services}
    started = runner.start(project, first, ports=ports, log=project.parent / "old-server.log")
    try:
        runner.wait_ready(started, timeout=90)
        students = httpx.get(started.url + first.path("/api/students"), timeout=30)
        assert students.status_code == 200, students.text
    finally:
        runner.stop(started)
    path, insert = OLD_DATABASE[stack]
    with sqlite3.connect(project / path) as db:
        db.execute(insert)


def test_the_store_tags_past_releases_even_when_the_checkout_has_no_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teammate's fresh machine can still update a 0.1.0 (or any past release's) project:
    its ``_commit`` is the release's tag, which the store makes from the release's commit in
    this repo's history."""
    monkeypatch.setenv("SCAFFOLD_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SCAFFOLD_TEMPLATE", raising=False)

    template_source.sync_store()

    store = template_source.store_dir()
    assert template_source.RELEASES["v0.1.0"] == RELEASE_0_1_0
    for tag, commit in template_source.RELEASES.items():
        assert git(store, "rev-parse", f"{tag}^{{commit}}").strip() == commit
