"""Starter data: the two students every new project begins with."""

from django.db import migrations

STARTERS = [("Rahul", "A"), ("Priya", "B+")]


def add_starters(apps, schema_editor):
    Student = apps.get_model("students", "Student")
    for name, grade in STARTERS:
        Student.objects.get_or_create(name=name, defaults={"grade": grade})


def remove_starters(apps, schema_editor):
    Student = apps.get_model("students", "Student")
    Student.objects.filter(name__in=[name for name, _ in STARTERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("students", "0001_initial")]

    operations = [migrations.RunPython(add_starters, remove_starters)]
