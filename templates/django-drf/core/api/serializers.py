"""Model serializers built from DRF's own fields, which take JSON as it is: a string only
where a string is expected, and no keys the resource does not have."""

import datetime
import re
from collections.abc import Callable, Mapping
from typing import Any

from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from rest_framework import serializers


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _whole(value: Any) -> bool:
    return _number(value) and (isinstance(value, int) or value.is_integer())


def _text(pattern: str) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, str) and re.fullmatch(pattern, value) is not None


DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
# DRF's fields coerce ("3" is 3, 1 is true, 5 is "5") and read loose spellings ("1e3",
# " 12.5", "2026-1-5", a datetime without an offset, which means different instants to
# different readers); the API takes JSON as it is. Per field class (the first that
# matches): the JSON values it takes, and the message for others.
JSON_VALUES: list[tuple[type, Callable[[Any], bool], str]] = [
    (serializers.BooleanField, lambda value: isinstance(value, bool), "Must be true or false."),
    (serializers.IntegerField, _whole, "Must be a whole number."),
    (serializers.PrimaryKeyRelatedField, _whole, "Must be the id (a whole number) of a row."),
    (
        serializers.DecimalField,
        lambda value: _number(value) or _text(r"-?[0-9]+(\.[0-9]+)?")(value),
        'Must be a decimal number such as 12.50 or "12.50".',
    ),
    (
        serializers.DateTimeField,
        _text(DATE + r"T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"),
        "Must be a date and time with an offset, e.g. 2026-01-05T09:30:00Z.",
    ),
    (serializers.DateField, _text(DATE), "Must be a date written YYYY-MM-DD."),
    (serializers.CharField, lambda value: isinstance(value, str), "Must be a string."),
    (serializers.ChoiceField, lambda value: isinstance(value, str), "Must be a string."),
]


def refusal(field: serializers.Field | None, value: Any) -> str | None:
    """Why ``value`` is refused before ``field`` (None: an unknown key) reads it, or None."""
    if field is None or field.read_only:
        return "Unknown field." if field is None else "This field is read-only."
    if value is None:
        return None
    kind = next((entry for entry in JSON_VALUES if isinstance(field, entry[0])), None)
    if kind and not kind[1](value):
        return kind[2]
    if isinstance(field, serializers.ChoiceField) and value not in field.choice_strings_to_values:
        return f"Must be one of {', '.join(map(str, field.choices))}."
    # A trimmed string is one line: its control characters (Cc: tab, newline, NUL…) are
    # refused where they stand, before trimming could drop a trailing one silently.
    if getattr(field, "trim_whitespace", False) and re.search(r"[\x00-\x1f\x7f-\x9f]", value):
        return "Must not contain control characters."
    return None


class JSONAsItIs:
    """Refuses unknown and read-only keys instead of ignoring them, and each value that
    ``refusal`` refuses, with every other field's own errors."""

    def to_internal_value(self, data: Any) -> Any:
        refused = {}
        if isinstance(data, Mapping):
            refused = {k: why for k, v in data.items() if (why := refusal(self.fields.get(k), v))}
            data = {key: value for key, value in data.items() if key not in refused}
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if not refused or not isinstance(error.detail, dict):
                raise
            refused = {**error.detail, **refused}
        if refused:
            raise serializers.ValidationError(refused)
        return value


HTTP_URL = URLValidator(schemes=["http", "https"], message="Must be an http or https URL.")


class StrictModelSerializer(JSONAsItIs, serializers.ModelSerializer):
    """A ModelSerializer of DRF's own fields with the API's options, taking JSON as it is;
    a unique value another request took meanwhile is a 422.

    A POST or PUT that leaves a field out stores its model default: ``null`` for an
    optional one (``null=True``; never ``""``: ``blank=True`` is for the admin's forms).
    """

    def build_standard_field(self, field_name: str, model_field: Any) -> tuple[type, dict]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        kwargs.pop("allow_blank", None)
        if model_field.null or model_field.has_default():
            kwargs["default"] = model_field.default if model_field.has_default() else None
        if isinstance(model_field, models.TextField):  # several lines, kept as sent
            kwargs["trim_whitespace"] = False
        if isinstance(model_field, models.IntegerField):  # the same range on every database
            kwargs["min_value"] = max(kwargs.get("min_value", -(2**31)), -(2**31))
            kwargs["max_value"] = min(kwargs.get("max_value", 2**31 - 1), 2**31 - 1)
        if isinstance(model_field, models.URLField):  # DRF drops the model's, and takes ftp
            kwargs["validators"] = [*kwargs.get("validators", []), HTTP_URL]
        if isinstance(model_field, models.DateTimeField):  # stored and returned in UTC
            kwargs["default_timezone"] = datetime.UTC
        return field_class, kwargs

    def save(self, **kwargs: Any) -> Any:
        """A unique value that another request saved since this one was validated: the
        database refuses it, and the client gets the 422 the validation would have given."""
        try:
            with transaction.atomic():
                return super().save(**kwargs)
        except IntegrityError:
            model = self.Meta.model
            others = model._default_manager.exclude(pk=getattr(self.instance, "pk", None))
            taken = {
                name: "Another row already has this value."
                for name, field in self.fields.items()
                if getattr(model._meta.get_field(field.source), "unique", False)
                and (value := self.validated_data.get(field.source)) is not None
                and others.filter(**{field.source: value}).exists()
            }
            if not taken:
                raise
            raise serializers.ValidationError(taken) from None


class TokenRequestSerializer(JSONAsItIs, serializers.Serializer):
    # Blank is a wrong username or password (401), as in every stack.
    username = serializers.CharField(trim_whitespace=False, allow_blank=True)
    password = serializers.CharField(
        trim_whitespace=False, allow_blank=True, style={"input_type": "password"}
    )
