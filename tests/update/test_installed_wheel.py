"""An installed scaffold (a wheel, no checkout) renders and updates offline.

Two releases are built from a clone of this repository: v90.0.0 and v90.0.1 (numbered
above every real release, whose tags the store makes from their commits), the second
changing a template file. "Machine A" generates a project with the first; "machine B",
which never ran scaffold, updates it with the second. Everything B needs comes from the
history bundle inside its wheel: no network, no checkout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.template_repos import ROOT, git

pytestmark = pytest.mark.update

UV = Path(sys.executable).with_name("uv")
CHANGE = "\nReleased with scaffold 90.0.1.\n"


def build_wheel(source: Path, out: Path) -> Path:
    subprocess.run(
        [UV, "build", "--wheel", "-q", "-o", str(out)], cwd=source, check=True, capture_output=True
    )
    return next(out.glob("*.whl"))


def machine(tmp: Path, name: str, wheel: Path) -> dict[str, str]:
    """A venv with ``wheel`` installed and a HOME of its own; returns the environment."""
    venv = tmp / f"venv-{name}"
    subprocess.run([UV, "venv", "-q", str(venv)], check=True)
    subprocess.run(
        [UV, "pip", "install", "-q", "--python", str(venv / "bin/python"), str(wheel)], check=True
    )
    home = tmp / f"home-{name}"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"SCAFFOLD_HOME", "VIRTUAL_ENV"}}
    # Registries unreachable: anything that tried the network would fail.
    unreachable = "http://127.0.0.1:9"
    return {
        **env,
        "HOME": str(home),
        "PATH": f"{venv / 'bin'}:{env['PATH']}",
        "HTTP_PROXY": unreachable,
        "HTTPS_PROXY": unreachable,
        "ALL_PROXY": unreachable,
    }


def scaffold(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["scaffold", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def set_version(clone: Path, version: str) -> None:
    init = clone / "scaffold/__init__.py"
    text = re.sub(r'__version__ = "[^"]+"', f'__version__ = "{version}"', init.read_text())
    init.write_text(text)


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("wheels")
    clone = tmp / "scaffold"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    # The releases are this test's own, whatever this checkout's version and tags are.
    for tag in git(clone, "tag", "--list").split():
        git(clone, "tag", "-d", tag)
    set_version(clone, "90.0.0")
    git(clone, "commit", "-qam", "release 90.0.0", "--allow-empty")
    git(clone, "tag", "v90.0.0")
    first = build_wheel(clone, tmp / "dist-90.0.0")
    set_version(clone, "90.0.1")
    readme = clone / "templates/fastapi/README.md.jinja"
    readme.write_text(readme.read_text() + CHANGE)
    git(clone, "commit", "-qam", "release 90.0.1")
    git(clone, "tag", "v90.0.1")
    return first, build_wheel(clone, tmp / "dist-90.0.1")


def test_a_project_from_an_older_release_updates_on_a_machine_that_never_saw_it(
    tmp_path: Path, wheels: tuple[Path, Path]
) -> None:
    a = machine(tmp_path, "a", wheels[0])
    made = scaffold(a, tmp_path, "new", "demo", "--stack", "fastapi", "--defaults", "--no-install")
    assert made.returncode == 0, made.stderr
    project = tmp_path / "demo"
    answers = (project / ".copier-answers.yml").read_text()
    assert "_commit: v90.0.0" in answers and "_src_path: ~/.scaffold/template" in answers

    b = machine(tmp_path, "b", wheels[1])
    behind = scaffold(b, project, "check")
    assert behind.returncode == 3, behind.stdout + behind.stderr
    updated = scaffold(b, project, "update")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert (project / "README.md").read_text().endswith(CHANGE)
    assert "_commit: v90.0.1" in (project / ".copier-answers.yml").read_text()


def test_plain_copier_update_finds_the_store_by_its_home_relative_path(
    tmp_path: Path, wheels: tuple[Path, Path]
) -> None:
    a = machine(tmp_path, "a", wheels[0])
    assert (
        scaffold(
            a, tmp_path, "new", "demo", "--stack", "fastapi", "--defaults", "--no-install"
        ).returncode
        == 0
    )
    b = machine(tmp_path, "b", wheels[1])
    project = tmp_path / "demo"
    assert scaffold(b, project, "check").returncode == 3  # any scaffold run syncs the store
    copier = shutil.which("copier", path=b["PATH"])
    done = subprocess.run(
        # --trust: the template's Jinja extension (it strips TypeScript) ships with scaffold.
        [copier or "copier", "update", "--defaults", "--trust"],
        cwd=project,
        env=b,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (project / "README.md").read_text().endswith(CHANGE)
