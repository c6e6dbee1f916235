"""Checks on the project as a whole: migrations, the database, the deploy checklist."""

import os
import secrets
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


def test_production_settings_pass_the_deploy_checklist():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": "example.com",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_sqlite_writers_wait_for_each_other(tmp_path, settings):
    """WAL and a busy timeout: concurrent writers queue instead of failing."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")

    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["timeout"] >= 5
    assert options["transaction_mode"] == "IMMEDIATE"
    on_file = SQLiteWrapper({**connection.settings_dict, "NAME": str(tmp_path / "db.sqlite3")})
    try:
        with on_file.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone() == ("wal",)
    finally:
        on_file.close()
