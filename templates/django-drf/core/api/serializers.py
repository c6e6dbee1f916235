"""Serializers that take JSON as it is: strings only where a string is expected, and no
keys the resource does not have."""

import contextlib
import datetime
import re
import unicodedata
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from rest_framework import serializers

DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The offset is required: a time without one means different instants to different readers.
DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
)


class StrictCharField(serializers.CharField):
    """A CharField for JSON strings only: DRF's own turns ``123`` and ``true`` into text."""

    default_error_messages = {"invalid": "Must be a string."}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class SingleLineCharField(StrictCharField):
    """One line of text: control characters (tab, newline, NUL…) are refused where they
    stand, before the surrounding white space is trimmed, so a trailing tab is an error
    rather than silently dropped."""

    default_error_messages = {
        **StrictCharField.default_error_messages,
        "control_characters": "Must not contain control characters.",
    }

    def to_internal_value(self, data: Any) -> str:
        if isinstance(data, str) and any(unicodedata.category(c) == "Cc" for c in data):
            self.fail("control_characters")
        return super().to_internal_value(data)


class TextField(StrictCharField):
    """Text of several lines, kept as sent (white space included): tabs and line breaks
    are fine, other control characters (NUL, ESC…) are refused."""

    default_error_messages = SingleLineCharField.default_error_messages
    line_breaks = frozenset("\t\n\r")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        if isinstance(data, str) and any(
            unicodedata.category(c) == "Cc" and c not in self.line_breaks for c in data
        ):
            self.fail("control_characters")
        return super().to_internal_value(data)


def _is_number(data: Any) -> bool:
    return isinstance(data, int | float) and not isinstance(data, bool)


def _is_whole_number(data: Any) -> bool:
    return _is_number(data) and (not isinstance(data, float) or data.is_integer())


class StrictIntegerField(serializers.IntegerField):
    """A JSON number with an integral value (``1.0`` too) that fits in 32 bits."""

    default_error_messages = {
        **serializers.IntegerField.default_error_messages,
        "invalid": "Must be a whole number.",
    }

    low, high = -(2**31), 2**31 - 1

    def __init__(self, **kwargs: Any) -> None:
        # The same range on every database (SQLite's own is 64-bit).
        kwargs["min_value"] = max(kwargs.get("min_value", self.low), self.low)
        kwargs["max_value"] = min(kwargs.get("max_value", self.high), self.high)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> int:
        if not _is_whole_number(data):
            self.fail("invalid")
        return int(data)


class StrictDecimalField(serializers.DecimalField):
    """A JSON number, or a string of digits (``"12.50"``: no exponent, spaces or plus)."""

    default_error_messages = {
        **serializers.DecimalField.default_error_messages,
        "invalid": 'Must be a decimal number such as 12.50 or "12.50".',
    }

    def to_internal_value(self, data: Any) -> Decimal:
        if isinstance(data, str) and DECIMAL.fullmatch(data):
            return super().to_internal_value(data)
        if _is_number(data):
            return super().to_internal_value(str(data))
        self.fail("invalid")


class StrictBooleanField(serializers.BooleanField):
    default_error_messages = {"invalid": "Must be true or false."}

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StrictDateField(serializers.DateField):
    default_error_messages = {"invalid": "Must be a date written YYYY-MM-DD."}

    def to_internal_value(self, data: Any) -> datetime.date:
        if not (isinstance(data, str) and DATE.fullmatch(data)):
            self.fail("invalid")
        try:
            return datetime.date.fromisoformat(data)
        except ValueError:  # no such day
            self.fail("invalid")


class StrictDateTimeField(serializers.DateTimeField):
    """An ISO 8601 date and time with its offset; stored and returned in UTC (``…Z``)."""

    default_error_messages = {
        **serializers.DateTimeField.default_error_messages,
        "invalid": "Must be a date and time with an offset, e.g. 2026-01-05T09:30:00Z.",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("default_timezone", datetime.UTC)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> datetime.datetime:
        if not (isinstance(data, str) and DATETIME.fullmatch(data)):
            self.fail("invalid")
        try:
            return datetime.datetime.fromisoformat(data).astimezone(datetime.UTC)
        except (ValueError, OverflowError):  # no such day, or past the year 9999 in UTC
            self.fail("invalid")


class StrictEmailField(StrictCharField, serializers.EmailField):
    pass


class StrictURLField(StrictCharField, serializers.URLField):
    """An http or https address with a host (DRF's own also takes ftp)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            *(v for v in self.validators if not isinstance(v, URLValidator)),
            URLValidator(schemes=["http", "https"], message="Must be an http or https URL."),
        ]


class StrictChoiceField(serializers.ChoiceField):
    """Exactly one of the choices, as a JSON string (DRF's own takes ``5`` for ``"5"``);
    the error lists them all."""

    default_error_messages = {"invalid_choice": "Must be one of {choices}."}

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str) or data not in self.choice_strings_to_values:
            self.fail("invalid_choice", choices=", ".join(map(str, self.choices)))
        return self.choice_strings_to_values[data]


class ReferenceField(serializers.PrimaryKeyRelatedField):
    """The id of a row of another resource, as a JSON number (``"5"`` and ``true`` are not)."""

    default_error_messages = {
        **serializers.PrimaryKeyRelatedField.default_error_messages,
        "does_not_exist": "No row has the id {pk_value}.",
        "incorrect_type": "Must be the id (a whole number) of a row.",
    }

    def to_internal_value(self, data: Any) -> Any:
        if not _is_whole_number(data):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(int(data))


class StrictModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer that refuses unknown and read-only keys instead of ignoring them,
    and maps model fields to the strict fields above (a CharField is one line).

    An optional model field (``null=True``) is ``null`` when a POST or PUT leaves it out,
    and never ``""``: ``blank=True`` is there for the admin's forms.
    """

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: SingleLineCharField,
        models.TextField: TextField,
        models.IntegerField: StrictIntegerField,
        models.DecimalField: StrictDecimalField,
        models.BooleanField: StrictBooleanField,
        models.DateField: StrictDateField,
        models.DateTimeField: StrictDateTimeField,
        models.EmailField: StrictEmailField,
        models.URLField: StrictURLField,
    }
    serializer_choice_field = StrictChoiceField

    def create(self, validated_data: dict[str, Any]) -> Any:
        with self._taken_values_are_invalid(None, validated_data):
            return super().create(validated_data)

    def update(self, instance: Any, validated_data: dict[str, Any]) -> Any:
        with self._taken_values_are_invalid(instance, validated_data):
            return super().update(instance, validated_data)

    @contextlib.contextmanager
    def _taken_values_are_invalid(self, instance: Any, data: dict[str, Any]) -> Iterator[None]:
        """A unique value that another request saved since this one was validated: the
        database refuses it, and the client gets the 422 the validation would have given."""
        try:
            with transaction.atomic():
                yield
        except IntegrityError:
            others = self.Meta.model._default_manager.exclude(pk=getattr(instance, "pk", None))
            taken = {
                name: ["Another row already has this value."]
                for name, field in self.fields.items()
                if getattr(self.Meta.model._meta.get_field(field.source), "unique", False)
                and data.get(field.source) is not None
                and others.filter(**{field.source: data[field.source]}).exists()
            }
            if not taken:
                raise
            raise serializers.ValidationError(taken) from None

    def build_standard_field(self, field_name: str, model_field: Any) -> tuple[type, dict]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        kwargs.pop("allow_blank", None)
        if model_field.null:
            kwargs["default"] = None
        return field_class, kwargs

    def to_internal_value(self, data: Any) -> Any:
        refused = {}
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            refused = {
                key: ["This field is read-only." if key in self.fields else "Unknown field."]
                for key in data
                if key not in writable
            }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if not refused or not isinstance(error.detail, dict):
                raise
            refused = {**error.detail, **refused}
        if refused:
            raise serializers.ValidationError(refused)
        return value


class TokenRequestSerializer(serializers.Serializer):
    username = StrictCharField(trim_whitespace=False)
    password = StrictCharField(trim_whitespace=False, style={"input_type": "password"})
