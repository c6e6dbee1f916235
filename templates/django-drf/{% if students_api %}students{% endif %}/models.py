from django.db import models

from core.validators import ControlCharacterValidator


class Student(models.Model):
    class Grade(models.TextChoices):
        # Labels spelled out: the default would turn "A+" into "A Plus".
        A_PLUS = "A+", "A+"
        A = "A"
        A_MINUS = "A-", "A-"
        B_PLUS = "B+", "B+"
        B = "B"
        B_MINUS = "B-", "B-"
        C_PLUS = "C+", "C+"
        C = "C"
        C_MINUS = "C-", "C-"
        D_PLUS = "D+", "D+"
        D = "D"
        D_MINUS = "D-", "D-"
        F = "F"

    # 1-100 characters (code points) once trimmed, no control characters: checked by the
    # API and the admin alike.
    name = models.CharField(max_length=100, validators=[ControlCharacterValidator()])
    grade = models.CharField(max_length=2, choices=Grade.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
