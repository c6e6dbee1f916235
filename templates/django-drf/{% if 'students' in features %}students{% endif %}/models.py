from django.db import models


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
        D = "D"
        F = "F"

    name = models.CharField(max_length=100)
    grade = models.CharField(max_length=2, choices=Grade.choices)
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
