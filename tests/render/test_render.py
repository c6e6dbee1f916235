"""Every stack x feature set x database renders to a clean, lint-passing project."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from scaffold.envfile import is_secret
from scaffold.errors import UnsupportedFeatures
from scaffold.stacks import STACKS
from tests.support.combos import Combo, all_combinations, combo_id, render

pytestmark = pytest.mark.render

COMBOS = all_combinations()
# Jinja left unrendered; `${{ }}` is GitHub Actions syntax and HTML files may be Django
# templates, both legitimately full of braces.
LEFTOVER = re.compile(r"(?<!\$)\{\{|\{%")
REQUIRED = ["README.md", "AGENTS.md", ".gitignore", ".env.example", ".copier-answers.yml"]


@pytest.fixture(scope="module", params=COMBOS, ids=[combo_id(*c) for c in COMBOS])
def rendered(
    request: pytest.FixtureRequest, renders: Callable[[Combo], Path]
) -> tuple[Path, str, tuple[str, ...], str]:
    """Rendered once per combination (tests/render/conftest.py); the tests only read it."""
    stack, features, db = request.param
    return renders(request.param), stack, features, db


def test_project_has_no_jinja_left_in_names_or_contents(
    rendered: tuple[Path, str, tuple[str, ...], str],
) -> None:
    project = rendered[0]
    for path in project.rglob("*"):
        assert "{" not in path.name, f"unrendered file name: {path}"
        if path.is_file() and path.suffix != ".html":
            text = path.read_text(errors="ignore")
            assert not LEFTOVER.search(text), f"unrendered Jinja in {path.relative_to(project)}"


def test_project_has_the_files_every_project_needs(
    rendered: tuple[Path, str, tuple[str, ...], str],
) -> None:
    project = rendered[0]
    for name in REQUIRED:
        assert (project / name).is_file(), name
    assert (project / ".env").is_file(), ".env is written from .env.example"
    assert ".env" in (project / ".gitignore").read_text().split()


def test_answers_file_records_the_answers_and_no_secret(
    rendered: tuple[Path, str, tuple[str, ...], str],
) -> None:
    project, stack, features, db = rendered
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert (
        answers["stack"] == stack and answers["features"] == list(features) and answers["db"] == db
    )
    assert answers["_src_path"] and answers["_commit"]
    env = dict(
        line.split("=", 1)
        for line in (project / ".env").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    secrets = [value for key, value in env.items() if is_secret(key) and value]
    for path in project.rglob("*"):
        if path.is_file() and path.name != ".env":
            text = path.read_text(errors="ignore")
            assert not any(s in text for s in secrets), f"a secret leaked into {path}"


def test_a_new_project_has_no_past(
    rendered: tuple[Path, str, tuple[str, ...], str],
) -> None:
    """Its answers record that it never had the starter migrations of releases before
    0.7.0, and no migration holds demo rows: those come from the seed command."""
    project, _, _, _ = rendered
    for answers_file in (
        project / ".copier-answers.yml",
        project / "backend" / ".copier-answers.yml",
    ):
        answers = yaml.safe_load(answers_file.read_text()) if answers_file.is_file() else None
        if answers and answers.get("part", "backend") == "backend":
            assert answers["starter_history"] is False, answers_file
    migrations = [p for p in project.rglob("*") if "migrations" in p.parts and p.is_file()]
    seeded = [p for p in migrations if "Rahul" in p.read_text(errors="ignore")]
    assert not seeded, f"demo rows in schema migrations: {seeded}"


def test_generated_python_passes_its_own_ruff_config(
    rendered: tuple[Path, str, tuple[str, ...], str],
) -> None:
    project = rendered[0]
    for pyproject in project.glob("**/pyproject.toml"):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
            cwd=pyproject.parent,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_readme_starts_with_the_two_commands(
    rendered: tuple[Path, str, tuple[str, ...], str],
) -> None:
    """Before any section: one code block with exactly install+run, then test — the same
    commands scaffold's next-steps panel shows (stacks.py ``quickstart``)."""
    project, stack = rendered[0], rendered[1]
    head = (project / "README.md").read_text().split("\n## ", 1)[0]
    block = head.split("```", 2)[1].splitlines()[1:]  # drop the fence's language tag
    commands = [line.split("  #")[0].strip() for line in block if line.strip()]
    run, test = STACKS[stack].quickstart
    assert len(commands) == 2, commands
    assert run in commands[0] and commands[1] == test


@pytest.mark.parametrize(
    ("stack", "features"),
    [("fastapi", ("chat",)), ("django-drf", ("chat",)), ("node-express", ("admin",))],
)
def test_unsupported_combinations_are_refused_before_anything_is_written(
    tmp_path: Path, stack: str, features: tuple[str, ...]
) -> None:
    with pytest.raises(UnsupportedFeatures):
        render(tmp_path, stack, features, "sqlite")
    assert list(tmp_path.iterdir()) == []
