"""Migration 0003 on a database that 0.1.0's migrations made: emails are never dropped
silently."""

import pytest
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Migrating back and forth needs real transactions (pytest-django runs these tests after
# the others, which may rely on the starter rows that the flush after each one removes).
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("students", "0002_starter_students")]
AFTER = [("students", "0003_grade_scale_and_name_rules")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_schema():
    """The students table as 0.1.0 left it; the latest schema again afterwards."""
    old_apps = migrate(BEFORE)
    yield old_apps.get_model("students", "Student")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    MigrationExecutor(connection).migrate(latest)


def test_stops_while_students_have_emails(old_schema, monkeypatch):
    monkeypatch.delenv("STUDENTS_DROP_EMAILS", raising=False)
    old_schema.objects.create(name="Kept", grade="B", email="kept@example.com")

    with pytest.raises(CommandError, match="1 student has an email"):
        migrate(AFTER)

    assert old_schema.objects.get(name="Kept").email == "kept@example.com"
    monkeypatch.setenv("STUDENTS_DROP_EMAILS", "yes")  # lets the fixture migrate forward


def test_drops_the_column_when_told(old_schema, monkeypatch):
    old_schema.objects.create(name="Kept", grade="B", email="kept@example.com")
    monkeypatch.setenv("STUDENTS_DROP_EMAILS", "yes")

    new_apps = migrate(AFTER)

    kept = new_apps.get_model("students", "Student").objects.get(name="Kept")
    assert (kept.name, kept.grade) == ("Kept", "B")


def test_goes_ahead_when_no_student_has_an_email(old_schema, monkeypatch):
    monkeypatch.delenv("STUDENTS_DROP_EMAILS", raising=False)
    old_schema.objects.create(name="Plain", grade="C")

    migrate(AFTER)
