"""The library API that ``scaffold/__init__.py`` documents, importable from the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import scaffold
from scaffold.recommend import recommend as recommend_in_its_module


def test_recommend_is_exported_and_is_the_function() -> None:
    rec = scaffold.recommend(scaffold.Needs(api_only=True))
    assert isinstance(rec, scaffold.Recommendation)
    assert scaffold.recommend is recommend_in_its_module


def test_project_functions_are_exported(tmp_path: Path) -> None:
    from scaffold import create_project, make_spec, update_project

    spec = make_spec(name="shop", stack="fastapi", dest=tmp_path / "shop")
    assert isinstance(spec, scaffold.ProjectSpec)
    assert callable(create_project) and callable(update_project)
    assert set(scaffold.__all__) >= {"recommend", "create_project", "update_project"}


def test_importing_scaffold_does_not_load_copier() -> None:
    code = "import sys, scaffold; print('copier' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
