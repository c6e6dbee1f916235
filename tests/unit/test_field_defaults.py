"""`FIELD:TYPE:default=VALUE`: checked against the field's rules when parsed, recorded as
the API returns it, and the fix `add field` names for a required field without one."""

from __future__ import annotations

import pytest

from scaffold.errors import UserError
from scaffold.resources.spec import Field, field_answer, parse_added_fields, parse_field


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("credits:int:default=3", Field("credits", "int", default=3)),
        ("credits:int:default=-2147483648", Field("credits", "int", default=-(2**31))),
        (
            "level:str:choices=A,B:default=A",
            Field("level", "str", choices=("A", "B"), default="A"),
        ),
        ("online:bool:default=false", Field("online", "bool", default=False)),
        ("online:bool:default=true", Field("online", "bool", default=True)),
        (
            "title:str:max=50:default=Untitled",
            Field("title", "str", max_length=50, default="Untitled"),
        ),
        ("starts:date:default=2026-01-01", Field("starts", "date", default="2026-01-01")),
        ("price:decimal:default=0.00", Field("price", "decimal", default="0.00")),
        ("price:decimal:default=3.5", Field("price", "decimal", default="3.50")),
        ("price:decimal:default=-7", Field("price", "decimal", default="-7.00")),
        ("note:text:default=None yet.", Field("note", "text", default="None yet.")),
        ("mail:email:default=a@b.org", Field("mail", "email", default="a@b.org")),
        # Everything after `default=` is the value, colons included.
        ("site:url:default=https://x.org/a:b", Field("site", "url", default="https://x.org/a:b")),
    ],
)
def test_a_default_is_recorded_as_the_api_returns_it(text: str, field: Field) -> None:
    assert parse_field(text) == field
    assert field_answer(field, {})["default"] == field.default


def test_a_field_without_a_default_records_none() -> None:
    assert "default" not in field_answer(parse_field("credits:int"), {})


@pytest.mark.parametrize(
    ("text", "says", "fix"),
    [
        ("credits:int:default=x", "not a whole number", "credits:int:default=0"),
        ("credits:int:default=1.5", "not a whole number", "credits:int:default=0"),
        ("credits:int:default=2147483648", "not a whole number", "credits:int:default=0"),
        ("online:bool:default=yes", "true or false", "online:bool:default=false"),
        ("price:decimal:default=1e3", "at most 8 digits", "price:decimal:default=0.00"),
        ("price:decimal:default=1.234", "at most 8 digits", "price:decimal:default=0.00"),
        ("starts:date:default=2026-02-30", "real date", "starts:date:default=2026-01-01"),
        ("starts:date:default=2026-1-5", "real date", "starts:date:default=2026-01-01"),
        ("code:str:max=3:default=abcd", "longer than 3", "code:str:max=3:default=Unt"),
        ("level:str:choices=A,B:default=C", "not one of A, B", "level:str:choices=A,B:default=A"),
        ("title:str:default= x", "spaces around it", "title:str:default=Untitled"),
        ("title:str:default=", "blank", "title:str:default=Untitled"),
        ("mail:email:default=nobody", "email address", "mail:email:default=office@"),
        ("site:url:default=ftp://x.org", "http or https", "site:url:default=https://"),
        ("credits:int?:default=3", "is never null", "Drop the '?' (credits:int:default=0)"),
        ("code:str:unique:default=a", "every row left without", "code:str:unique?"),
        ("teacher:ref:default=1", "a default row id", "teacher:ref?"),
        ("starts:datetime:default=2026-01-01T00:00:00Z", "fixed instant", "starts:datetime?"),
    ],
)
def test_a_bad_default_says_why_and_what_to_write(text: str, says: str, fix: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_field(text)
    assert says in caught.value.message
    assert fix in caught.value.hint


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("credits:int", "Give it a default (credits:int:default=0), or add it as optional"),
        ("level:str:choices=A,B", "(level:str:choices=A,B:default=A), or add it as optional"),
        ("code:str:unique", "Add it as optional (code:str:unique?), fill it in"),
        ("teacher:ref", "Add it as optional (teacher:ref?), fill it in"),
    ],
)
def test_a_required_field_added_later_needs_a_default(text: str, fix: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_added_fields("course", [text], existing=[], resources={"teacher"})
    assert "rows already stored have no value" in caught.value.message
    assert fix in caught.value.hint


def test_a_required_field_with_a_default_can_be_added() -> None:
    (added,) = parse_added_fields("course", ["credits:int:default=3"], existing=[], resources=())
    assert added.required and added.default == 3
