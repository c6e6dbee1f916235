import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible


@deconstructible
class ControlCharacterValidator:
    """Refuses text with control characters (Unicode category Cc: NUL, tabs, newlines, ESC)."""

    message = "Must not contain control characters."
    code = "control_characters"

    def __call__(self, value: str) -> None:
        if any(unicodedata.category(char) == "Cc" for char in value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ControlCharacterValidator)

    def __hash__(self) -> int:
        return hash(self.code)
