"""What core/ adds to DRF's own validation: control characters (each resource's tests send
every field type's cases through its API), and 409 for a row that others refer to."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from core.api.exceptions import exception_handler
from core.validators import ControlCharacterValidator


def test_text_of_several_lines_may_hold_tabs_and_line_breaks():
    ControlCharacterValidator(allowed="\t\n\r")("a\tb\r\nc")
    with pytest.raises(ValidationError):
        ControlCharacterValidator(allowed="\t\n\r")("a\x1bb")
    with pytest.raises(ValidationError):
        ControlCharacterValidator()("a\tb")


def test_deleting_a_protected_row_is_a_409():
    response = exception_handler(ProtectedError("referred to", set()), {})

    assert response.status_code == 409
    assert response.data["error"]["code"] == "conflict"
