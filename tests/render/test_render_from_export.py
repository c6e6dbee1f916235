"""scaffold renders the store's tag from exported files, not through copier's clone of the
store, with a worker that skips copier's no-op work; the project must be exactly what
copier's own `run_copy` makes from the tagged store."""

from __future__ import annotations

import warnings
from pathlib import Path

import copier
import pytest

from scaffold import api, render, template_source
from scaffold.resources.spec import parse_resource, resource_answers

pytestmark = pytest.mark.render


def tree(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file and link below ``root``: its bytes (a link: its target) and exec bits."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(root))] = (str(path.readlink()).encode(), 0)
        elif path.is_file():
            found[str(path.relative_to(root))] = (path.read_bytes(), path.stat().st_mode & 0o111)
    return found


# A field `scaffold add field` gave the students starter: Express renders a migration per
# change through copier's `yield`, whose state the worker must not carry to the next file.
ROOM = {
    "name": "room", "type": "str", "required": False, "unique": False, "api_name": "room",
    "camel": "room", "label": "room", "ref": None, "max_length": 20, "choices": None,
}  # fmt: skip
GROWN = {"student_additions": {"fields": [ROOM], "changes": [{"id": "0003", "fields": ["room"]}]}}


@pytest.mark.parametrize(
    ("stack", "extra"), [("fastapi", {}), ("hybrid", {}), ("node-express", GROWN)]
)
def test_exported_render_equals_copiers_render_of_the_tagged_store(
    tmp_path: Path, stack: str, extra: dict[str, object]
) -> None:
    source = template_source.locate()
    assert source.files is not None and (source.files / "copier.yml").is_file()
    spec = api.make_spec(name="demo", stack=stack, dest=tmp_path / "unused", extra=extra)
    render.render_all(source, tmp_path / "exported", spec.renders)
    for subdir, answers in spec.renders:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a dirty checkout's store, in development
            copier.run_copy(
                source.path,
                tmp_path / "cloned" / subdir,
                data=dict(answers),
                vcs_ref=source.ref,
                defaults=True,
                quiet=True,
                unsafe=True,  # the template's Jinja extension (scaffold.typescript)
            )
    assert tree(tmp_path / "exported") == tree(tmp_path / "cloned")
    if extra:
        assert (tmp_path / "exported/migrations/sqlite/0003_add_room_to_students.sql").is_file()


def test_the_export_is_made_once_per_commit() -> None:
    tag = template_source.sync_store()
    first = template_source.export(tag)
    marker = first / "copier.yml"
    before = marker.stat().st_mtime_ns
    assert template_source.export(tag) == first
    assert marker.stat().st_mtime_ns == before
    assert sorted(p.name for p in first.iterdir()) == ["copier.yml", "templates"]


@pytest.mark.parametrize("changes", [[], [{"id": "0004", "fields": ["room"]}]])
def test_a_resource_renders_as_copier_does(tmp_path: Path, changes: list[object]) -> None:
    """Express renders one migration per `add field` change through copier's `yield`; the
    resource's own migration, in the same folder after it, is written too, changes or none."""
    source = template_source.locate()
    lesson = parse_resource("lesson", ["title:str", "room:str?"], taken=(), resources=())
    resource = resource_answers(lesson, {}, {"id": "0003"})
    resource["changes"] = changes
    spec = api.make_spec(name="demo", stack="node-express", dest=tmp_path / "unused")
    answers = {**spec.renders[0][1], "resource": resource}
    render.render(source, tmp_path / "exported", answers, answers_file="lesson.yml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        copier.run_copy(
            source.path,
            tmp_path / "cloned",
            data=answers,
            vcs_ref=source.ref,
            answers_file="lesson.yml",
            defaults=True,
            quiet=True,
            unsafe=True,
        )
    assert tree(tmp_path / "exported") == tree(tmp_path / "cloned")
    sql = sorted(p.name for p in (tmp_path / "exported/migrations/sqlite").iterdir())
    assert sql == ["0003_lessons.sql"] + (["0004_add_room_to_lessons.sql"] if changes else [])
