"""A product's name and description refuse control characters (as a student's name does)
and a description is at most 10,000 characters: the rules every resource's fields follow.

Only the description's column changes: it may hold null, as any optional field may. No row
is changed.
"""

from django.db import migrations, models

import core.validators


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="product",
            name="description",
            field=models.TextField(
                blank=True,
                max_length=10000,
                null=True,
                validators=[core.validators.ControlCharacterValidator(allowed="\t\n\r")],
            ),
        ),
        migrations.AlterField(
            model_name="product",
            name="name",
            field=models.CharField(
                max_length=200, validators=[core.validators.ControlCharacterValidator()]
            ),
        ),
    ]
