"""`scaffold add resource NAME FIELD:TYPE...`: what is accepted, and the message for what is not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml

from scaffold.errors import UserError
from scaffold.resources.registration import MarkerMissing, Spot, apply, insert_lines
from scaffold.resources.spec import (
    TYPES,
    Field,
    Resource,
    parse_field,
    parse_resource,
    resource_answers,
)
from scaffold.resources.words import pluralize_name, spellings


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("course", "courses"),
        ("category", "categories"),
        ("person", "people"),
        ("lab_session", "lab_sessions"),
        ("class_box", "class_boxes"),
        ("day", "days"),
        ("analysis", "analyses"),
        ("bus", "buses"),
        ("quiz", "quizzes"),
        ("sheep", "sheep"),
        ("teaching_child", "teaching_children"),
    ],
)
def test_the_api_path_is_the_english_plural(singular: str, plural: str) -> None:
    assert pluralize_name(singular) == plural


def test_a_name_has_one_spelling_per_use() -> None:
    assert spellings("lab_session") == {
        "name": "lab_session",
        "plural": "lab_sessions",
        "class_name": "LabSession",
        "plural_class": "LabSessions",
        "camel": "labSession",
        "plural_camel": "labSessions",
        "url": "lab-sessions",
        "label": "lab session",
        "plural_label": "lab sessions",
    }


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("title:str", Field("title", "str")),
        ("notes:text?", Field("notes", "text", required=False)),
        ("code:str:unique", Field("code", "str", unique=True)),
        ("code:str?:unique", Field("code", "str", required=False, unique=True)),
        ("code:str:unique?", Field("code", "str", required=False, unique=True)),
        ("teacher:ref", Field("teacher", "ref")),
    ],
)
def test_fields_are_name_type_and_options(text: str, field: Field) -> None:
    assert parse_field(text) == field


def test_a_reference_is_stored_and_sent_as_name_id() -> None:
    assert parse_field("teacher:ref").api_name == "teacher_id"
    assert parse_field("title:str").api_name == "title"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("title", "has no type"),
        ("title:string", "Use one of: " + ", ".join(TYPES)),
        ("title:str:indexed", "unknown option 'indexed'"),
        ("active:bool:unique", "a bool cannot be unique"),
        ("credits:int:max=3", "':max=N' needs a str field"),
        ("name:str:max=0", "max=0 is out of range"),
        ("name:str:max=256", "max=256 is out of range"),
        ("name:str:max=ten", "a whole number"),
        ("grade:str:choices=A,,B", "distinct, non-empty values"),
        ("grade:str:choices=A,A", "distinct, non-empty values"),
        ("grade:int:choices=1,2", "needs a str field"),
        ("grade:str:choices=A,B:max=3", "without choices"),
        ("code:str:unique:unique", "repeats an option"),
        ("code:str:max=3:unique=1", "unknown option 'unique=1'"),
    ],
)
def test_a_bad_field_says_what_to_write(text: str, says: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_field(text)
    assert says in str(caught.value)


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("", "it is empty"),
        ("1abc", "starts with a digit"),
        ("a-b", "lowercase letters, digits and single underscores"),
        ("Course", "lowercase letters, digits and single underscores"),
        ("class", "reserved word"),
        ("select", "reserved word"),
        ("user", "already has"),
        ("users", "already has"),
        ("student", "already has"),
        ("teacher", "already has"),  # recorded already
        ("course", "already has"),  # a module of that name exists
    ],
)
def test_a_bad_resource_name_is_refused_with_the_reason(name: str, says: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_resource(name, ["title:str"], taken={"courses"}, resources={"teacher"})
    assert says in caught.value.message
    assert caught.value.hint


def test_a_plural_that_shadows_the_standard_library_is_refused() -> None:
    with pytest.raises(UserError, match="'types' is a Python standard-library module"):
        parse_resource("type", ["title:str"], taken=(), resources=())


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ([], "at least one field"),
        (["id:int"], "reserved"),
        (["class:str"], "reserved"),
        (["order:int"], "reserved"),
        (["objects:str"], "reserved"),
        (["2nd:str"], "starts with a digit"),
        (["title:str", "title:text"], "another field already uses that name"),
        (["teacher_id:int", "teacher:ref"], "another field already uses that name"),
        (["room:ref"], "Add it first: scaffold add resource room"),
    ],
)
def test_bad_fields_are_refused_with_the_reason(fields: list[str], says: str) -> None:
    with pytest.raises(UserError, match=says):
        parse_resource("course", fields, taken=(), resources={"teacher"})


def test_the_template_gets_every_spelling_and_the_referenced_resources() -> None:
    course = parse_resource(
        "course", ["title:str", "teacher:ref?"], taken=(), resources={"teacher"}
    )
    answer = resource_answers(
        course, {"teacher": {"plural": "teachers"}}, {"id": "0004", "previous": "0003"}
    )
    assert answer["url"] == "courses"
    assert answer["migration"] == {"id": "0004", "previous": "0003"}
    fields: list[dict[str, Any]] = answer["fields"]  # type: ignore[assignment]
    title, teacher = fields
    assert title["ref"] is None and title["required"] is True
    assert teacher["api_name"] == "teacher_id" and teacher["camel"] == "teacherId"
    assert teacher["required"] is False
    assert teacher["ref"]["plural"] == "teachers" and teacher["ref"]["class_name"] == "Teacher"


MAIN = "from a import b\n# scaffold: resource imports\n\ndef f():\n    x()\n    # scaffold: go\n"


def test_registration_goes_above_its_marker_with_the_markers_indent() -> None:
    once = insert_lines(MAIN, "main.py", "# scaffold: go", ["courses()"])
    assert "    courses()\n    # scaffold: go\n" in once


def test_registering_twice_changes_nothing() -> None:
    once = insert_lines(MAIN, "main.py", "# scaffold: resource imports", ["import c"])
    assert insert_lines(once, "main.py", "# scaffold: resource imports", ["import c"]) == once


def test_a_moved_marker_stops_with_the_lines_to_add_by_hand() -> None:
    with pytest.raises(MarkerMissing) as caught:
        insert_lines("nothing here\n", "app/main.py", "# scaffold: go", ["courses()"])
    assert "app/main.py" in caught.value.message and "courses()" in caught.value.hint


def test_an_optional_spot_an_older_project_lacks_is_skipped() -> None:
    spots = (
        Spot("main.py", "# scaffold: resource imports", "import {plural}"),
        Spot("models.py", "# scaffold: models", "import {plural}.models", optional=True),
    )
    older = apply({"main.py": MAIN}, spots, {"plural": "courses"})
    assert "import courses\n# scaffold" in older["main.py"] and "models.py" not in older
    newer = apply({"main.py": MAIN, "models.py": "# scaffold: models\n"}, spots, {"plural": "c"})
    assert newer["models.py"] == "import c.models\n# scaffold: models\n"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("name:str:max=100", Field("name", "str", max_length=100)),
        ("grade:str:choices=A+,A,B", Field("grade", "str", choices=("A+", "A", "B"))),
        (
            "level:str:choices=low,high?",
            Field("level", "str", required=False, choices=("low", "high")),
        ),
        ("code:str:unique:max=8", Field("code", "str", unique=True, max_length=8)),
    ],
)
def test_a_str_can_be_shorter_or_one_of_some_choices(text: str, field: Field) -> None:
    assert parse_field(text) == field


@pytest.mark.parametrize("stack", ["fastapi", "django-drf", "node-express", "hybrid"])
def test_the_students_starter_is_the_resource_the_command_would_record(stack: str) -> None:
    grades = "A+,A,A-,B+,B,B-,C+,C,C-,D+,D,D-,F"
    student = Resource(
        "student", (parse_field("name:str:max=100"), parse_field(f"grade:str:choices={grades}"))
    )
    starter = starter_definition("starter_student", stack)
    history = {key: starter.pop(key) for key in ("rows", "timestamps", "ordering", "changes")}
    assert starter == resource_answers(student, {}, {"id": "0002"})
    assert history["changes"] == [], "Express's add-field migrations: none until add field runs"
    assert history["rows"] == [{"name": "Rahul", "grade": "A"}, {"name": "Priya", "grade": "B+"}]
    django = stack in ("django-drf", "hybrid")
    assert (history["timestamps"], history["ordering"]) == (django, ["id"] if django else [])


def starter_definition(question: str, stack: str) -> dict[str, Any]:
    """A starter's definition as copier.yml renders it for ``stack``."""
    copier = yaml.safe_load((Path(__file__).parents[2] / "copier.yml").read_text())
    template = jinja2.Environment().from_string(copier[question]["default"])
    text = template.render(stack=stack, student_additions={})  # no field added yet
    return dict(yaml.safe_load(text))
