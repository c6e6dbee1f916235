"""Serializers that take JSON as it is: strings only where a string is expected, and no
keys the resource does not have."""

import unicodedata
from collections.abc import Mapping
from typing import Any

from django.db import models
from rest_framework import serializers


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


class StrictModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer that refuses unknown and read-only keys instead of ignoring them,
    and maps text model fields to strict string fields (a CharField is one line)."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: SingleLineCharField,
        models.TextField: StrictCharField,
    }

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
