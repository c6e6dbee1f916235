"""The contract's grade scale (D+ and D- added) and name rules; a student is id, name, grade.

Projects made before this migration may hold emails in the column it drops: it stops
with what to do instead of deleting them, unless STUDENTS_DROP_EMAILS=yes says to.
"""

import os

from django.core.management.base import CommandError
from django.db import migrations, models

import core.validators

WHAT_TO_DO = (
    "Save them first (`uv run python manage.py dbshell`, then SELECT id, name, email FROM "
    "students_student WHERE email <> '';), then drop them: "
    "STUDENTS_DROP_EMAILS=yes uv run python manage.py migrate"
)


def keep_emails_unless_told(apps, schema_editor):
    if os.environ.get("STUDENTS_DROP_EMAILS") == "yes":
        return
    Student = apps.get_model("students", "Student")
    count = Student.objects.exclude(email="").count()
    if count:
        students = "1 student has an email" if count == 1 else f"{count} students have an email"
        raise CommandError(
            f"{students} (students_student.email), which this migration would delete: a "
            f"student is now id, name and grade. {WHAT_TO_DO}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("students", "0002_starter_students"),
    ]

    operations = [
        migrations.RunPython(keep_emails_unless_told, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name="student",
            options={"ordering": ["id"]},
        ),
        migrations.RemoveField(
            model_name="student",
            name="email",
        ),
        migrations.AlterField(
            model_name="student",
            name="grade",
            field=models.CharField(
                choices=[
                    ("A+", "A+"),
                    ("A", "A"),
                    ("A-", "A-"),
                    ("B+", "B+"),
                    ("B", "B"),
                    ("B-", "B-"),
                    ("C+", "C+"),
                    ("C", "C"),
                    ("C-", "C-"),
                    ("D+", "D+"),
                    ("D", "D"),
                    ("D-", "D-"),
                    ("F", "F"),
                ],
                max_length=2,
            ),
        ),
        migrations.AlterField(
            model_name="student",
            name="name",
            field=models.CharField(
                max_length=100, validators=[core.validators.ControlCharacterValidator()]
            ),
        ),
    ]
