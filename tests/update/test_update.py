"""Updates never lose work: user edits survive, template changes arrive, conflicts show.

Each test releases this repository's template as v1.0.0 and v2.0.0 of a temp git repo,
generates a project from v1, commits, edits like a user, and updates.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from scaffold.cli import app
from scaffold.cli.boundary import EXIT_BEHIND, EXIT_CONFLICTS
from scaffold.stacks import STACKS
from tests.support.projects import generate
from tests.support.template_repos import (
    commit_all,
    release,
    stack_dirs,
    template_repo,
)

pytestmark = pytest.mark.update

runner = CliRunner()
NEW_SECTION = "\n## Changelog\n\nSee CHANGELOG.md.\n"


def scaffold(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def append_section(repo: Path) -> None:
    """v2: README gains a section at its end; CHANGELOG.md is new; .dockerignore goes."""
    for folder in stack_dirs(repo):
        readme = folder / "README.md.jinja"
        readme.write_text(readme.read_text() + NEW_SECTION)
        (folder / "CHANGELOG.md").write_text("# Changelog\n\n## 2.0.0\n")
        (folder / ".dockerignore").unlink(missing_ok=True)


def retitle(repo: Path) -> None:
    """v2: the README's title line changes (the line the user edits too)."""
    for folder in stack_dirs(repo):
        readme = folder / "README.md.jinja"
        first, rest = readme.read_text().split("\n", 1)
        readme.write_text(f"{first} (v2)\n{rest}")


@pytest.fixture(params=list(STACKS))
def stack(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = template_repo(tmp_path / "template")
    monkeypatch.setenv("SCAFFOLD_TEMPLATE", f"{path}@v1.0.0")
    return path


@pytest.fixture
def project(tmp_path: Path, repo: Path, stack: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = generate(tmp_path / "projects", stack)
    monkeypatch.delenv("SCAFFOLD_TEMPLATE")  # updates follow the answers file's _src_path
    return path


def test_user_edits_survive_and_template_changes_arrive(project: Path, repo: Path) -> None:
    readme = project / "README.md"
    lines = readme.read_text().splitlines()
    middle = len(lines) // 2
    lines.insert(middle, "A note the team added.")
    readme.write_text("\n".join(lines) + "\n")
    (project / "NOTES.md").write_text("ours\n")
    commit_all(project, "our edits")
    release(repo, "v2.0.0", append_section)

    code, output = scaffold("update", str(project))

    assert code == 0, output
    text = readme.read_text()
    assert "A note the team added." in text and text.rstrip().endswith("See CHANGELOG.md.")
    assert (project / "NOTES.md").read_text() == "ours\n"
    assert (project / "CHANGELOG.md").is_file(), "a file the template added arrives"
    assert not (project / ".dockerignore").exists(), "a file the template removed goes"
    assert yaml.safe_load((project / ".copier-answers.yml").read_text())["_commit"] == "v2.0.0"


def test_a_file_the_user_deleted_stays_deleted(project: Path, repo: Path) -> None:
    (project / ".env.example").unlink()
    commit_all(project, "we configure elsewhere")
    release(repo, "v2.0.0", append_section)

    code, output = scaffold("update", str(project))

    assert code == 0, output
    assert not (project / ".env.example").exists()


@pytest.mark.parametrize("stack", ["fastapi", "hybrid"])
def test_a_file_the_template_drops_stays_when_the_user_edited_it(project: Path, repo: Path) -> None:
    """copier deletes a file a newer version no longer renders, edits and all: scaffold
    keeps the user's edited copy, lists it and exits non-zero so it gets looked at."""
    ignored = sorted(project.rglob(".dockerignore"))
    assert ignored
    ignored[0].write_text(ignored[0].read_text() + "our-secrets/\n")
    commit_all(project, "ignore our secrets")
    release(repo, "v2.0.0", append_section)

    code, output = scaffold("update", str(project))

    assert code == EXIT_CONFLICTS, output
    assert ignored[0].read_text().endswith("our-secrets/\n"), "the edited copy is kept"
    assert "Kept" in output and str(ignored[0].relative_to(project)) in output
    assert not [p for p in ignored[1:] if p.exists()], "unedited ones go, as before"
    assert (project / "README.md").read_text().rstrip().endswith("See CHANGELOG.md.")


def test_a_real_conflict_leaves_markers_lists_the_file_and_exits_non_zero(
    project: Path, repo: Path
) -> None:
    readme = project / "README.md"
    _title, rest = readme.read_text().split("\n", 1)
    readme.write_text(f"# Our own title\n{rest}")
    commit_all(project, "retitle")
    release(repo, "v2.0.0", retitle)

    code, output = scaffold("update", str(project))

    assert code == EXIT_CONFLICTS
    assert "README.md" in output
    text = readme.read_text()
    assert "<<<<<<< " in text and "# Our own title" in text and "(v2)" in text
    assert not list(project.rglob("*.rej")), "inline markers, never copier's .rej files"


def test_check_flips_from_behind_to_current(project: Path, repo: Path) -> None:
    assert scaffold("check", str(project))[0] == 0
    release(repo, "v2.0.0", append_section)

    code, output = scaffold("check", str(project))
    assert code == EXIT_BEHIND and "v2.0.0" in output

    assert scaffold("update", str(project))[0] == 0
    commit_all(project, "update")
    assert scaffold("check", str(project))[0] == 0


def test_plain_copier_update_works_too(project: Path, repo: Path) -> None:
    release(repo, "v2.0.0", append_section)
    copier = Path(sys.executable).with_name("copier")
    done = subprocess.run(
        [copier, "update", "--defaults", "--trust"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (project / "README.md").read_text().rstrip().endswith("See CHANGELOG.md.")


@pytest.mark.parametrize("stack", ["fastapi"])
def test_dirty_and_non_git_projects_are_refused_untouched(project: Path, repo: Path) -> None:
    release(repo, "v2.0.0", append_section)
    (project / "README.md").write_text("work in progress\n")
    code, output = scaffold("update", str(project))
    assert code == 1 and "uncommitted changes" in output
    assert (project / "README.md").read_text() == "work in progress\n"

    subprocess.run(["rm", "-rf", str(project / ".git")], check=True)
    code, output = scaffold("update", str(project))
    assert code == 1 and "not in a git repository" in output


@pytest.mark.parametrize("stack", ["fastapi"])
def test_changing_the_stack_is_refused(project: Path) -> None:
    code, output = scaffold("update", str(project), "--data", "stack=node-express")
    assert code == 1 and "not an update" in output


def test_not_a_project_is_refused(tmp_path: Path) -> None:
    code, output = scaffold("update", str(tmp_path))
    assert code == 1 and "not a scaffold project" in output
