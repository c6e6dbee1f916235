"""What a project name, stack, features and database may be."""

from __future__ import annotations

import pytest

from scaffold.errors import InvalidChoice, InvalidName, UnsupportedFeatures
from scaffold.validation import (
    parse_features,
    validate_db,
    validate_features,
    validate_name,
    validate_stack,
)


@pytest.mark.parametrize("name", ["shop", "my-shop", "shop2", "a", "x" * 50, "api-v2-beta"])
def test_good_names_are_accepted(name: str) -> None:
    assert validate_name(name) == name


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "empty"),
        ("my shop", "spaces"),
        ("2shop", "starts with a digit"),
        ("a/b", "path separator"),
        ("..", "path separator or '..'"),
        ("../escape", "path separator"),
        ("a\\b", "path separator"),
        ("class", "reserved"),
        ("import", "reserved"),
        ("django", "reserved"),
        ("test", "reserved"),
        ("x" * 51, "longer than 50"),
        ("My-Shop", "lowercase"),
        ("shop--x", "single dashes"),
        ("shop-", "single dashes"),
        ("shop_x", "lowercase letters, digits and single dashes"),
        ("café", "lowercase letters, digits and single dashes"),
    ],
)
def test_bad_names_are_refused_with_the_reason_and_what_is_allowed(name: str, reason: str) -> None:
    with pytest.raises(InvalidName) as caught:
        validate_name(name)
    assert reason in caught.value.message
    assert "lowercase letters, digits and single dashes" in caught.value.hint


def test_unknown_stack_and_db_name_the_choices() -> None:
    with pytest.raises(InvalidChoice, match="node-express, django-drf, fastapi, hybrid"):
        validate_stack("rails")
    with pytest.raises(InvalidChoice, match="sqlite, postgres"):
        validate_db("mysql")


def test_features_parse_from_a_comma_list_in_catalogue_order() -> None:
    assert parse_features("chat, students,") == ["students", "chat"]
    assert parse_features("") == []
    with pytest.raises(InvalidChoice, match="students, admin, chat"):
        parse_features("students,billing")


@pytest.mark.parametrize(
    ("stack", "features"),
    [
        ("fastapi", ["chat"]),
        ("fastapi", ["admin"]),
        ("node-express", ["admin"]),
        ("django-drf", ["chat"]),
    ],
)
def test_a_feature_the_stack_does_not_offer_is_a_user_error(
    stack: str, features: list[str]
) -> None:
    with pytest.raises(UnsupportedFeatures) as caught:
        validate_features(stack, features)
    assert "scaffold list" in caught.value.hint
