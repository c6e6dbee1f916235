"""The strict fields of core/api/serializers.py take their own JSON type only, and a row
that others refer to (on_delete=PROTECT) cannot be deleted: 409 conflict."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from rest_framework.exceptions import ValidationError

from core.api import serializers
from core.api.exceptions import exception_handler
from core.validators import ControlCharacterValidator

UTC = datetime.UTC


def integer():
    return serializers.StrictIntegerField()


def decimal():
    return serializers.StrictDecimalField(max_digits=10, decimal_places=2)


def boolean():
    return serializers.StrictBooleanField()


def date():
    return serializers.StrictDateField()


def moment():
    return serializers.StrictDateTimeField()


def email():
    return serializers.StrictEmailField()


def url():
    return serializers.StrictURLField()


def text():
    return serializers.TextField()


@pytest.mark.parametrize(
    ("field", "sent", "taken"),
    [
        (integer, 7, 7),
        (integer, 7.0, 7),
        (integer, -(2**31), -(2**31)),
        (decimal, "12.5", Decimal("12.50")),
        (decimal, 12.5, Decimal("12.50")),
        (boolean, False, False),
        (date, "2024-02-29", datetime.date(2024, 2, 29)),
        (moment, "2026-01-05T10:30:00+01:00", datetime.datetime(2026, 1, 5, 9, 30, tzinfo=UTC)),
        (email, " ada@example.com ", "ada@example.com"),
        (url, "https://example.com/a", "https://example.com/a"),
        (text, " two\nlines\t", " two\nlines\t"),
    ],
)
def test_each_field_takes_its_own_type(field, sent, taken):
    assert field().run_validation(sent) == taken


@pytest.mark.parametrize(
    ("field", "sent"),
    [
        (integer, "5"),
        (integer, True),
        (integer, 1.5),
        (integer, 2**31),
        (decimal, "1e3"),
        (decimal, " 12.5"),
        (decimal, "12.345"),
        (decimal, True),
        (boolean, "true"),
        (boolean, 1),
        (date, "2026-02-30"),
        (date, "20260105"),
        (moment, "2026-01-05T09:30:00"),
        (moment, "9999-12-31T23:00:00-05:00"),
        (email, "ada lovelace@example.com"),
        (email, 5),
        (url, "ftp://example.com"),
        (url, "javascript:alert(1)"),
        (text, "Esc\x1b"),
        (text, 5),
    ],
)
def test_other_json_is_refused(field, sent):
    with pytest.raises(ValidationError):
        field().run_validation(sent)


def test_a_datetime_is_returned_in_utc():
    sent = datetime.datetime(
        2026, 1, 5, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )

    assert moment().to_representation(sent) == "2026-01-05T09:30:00Z"


@pytest.mark.django_db
@pytest.mark.parametrize("sent", ["1", True, 1.5])
def test_a_reference_is_a_whole_number(user, sent):
    field = serializers.ReferenceField(queryset=get_user_model().objects.all())

    assert field.run_validation(user.pk) == user
    with pytest.raises(ValidationError):
        field.run_validation(sent)


def test_text_of_several_lines_may_hold_tabs_and_line_breaks():
    ControlCharacterValidator(allowed="\t\n\r")("a\tb\r\nc")
    with pytest.raises(DjangoValidationError):
        ControlCharacterValidator(allowed="\t\n\r")("a\x1bb")
    with pytest.raises(DjangoValidationError):
        ControlCharacterValidator()("a\tb")


def test_deleting_a_protected_row_is_a_409():
    response = exception_handler(ProtectedError("referred to", set()), {})

    assert response.status_code == 409
    assert response.data["error"]["code"] == "conflict"
