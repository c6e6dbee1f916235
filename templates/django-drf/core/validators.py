import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible


@deconstructible
class ControlCharacterValidator:
    """Refuses text with control characters (Unicode category Cc: NUL, tabs, newlines, ESC)
    other than those in ``allowed`` (``"\\t\\n\\r"`` for text of several lines)."""

    message = "Must not contain control characters."
    code = "control_characters"

    def __init__(self, allowed: str = "") -> None:
        self.allowed = allowed

    def __call__(self, value: str) -> None:
        if any(unicodedata.category(c) == "Cc" and c not in self.allowed for c in value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ControlCharacterValidator) and other.allowed == self.allowed

    def __hash__(self) -> int:
        return hash((self.code, self.allowed))
