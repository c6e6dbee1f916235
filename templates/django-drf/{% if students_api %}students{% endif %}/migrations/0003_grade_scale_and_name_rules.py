"""The contract's grade scale (D+ and D- added) and name rules; a student is id, name, grade."""

from django.db import migrations, models

import core.validators


class Migration(migrations.Migration):
    dependencies = [
        ("students", "0002_starter_students"),
    ]

    operations = [
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
