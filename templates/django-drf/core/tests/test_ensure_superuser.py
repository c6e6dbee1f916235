from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def ensure_superuser() -> str:
    out = StringIO()
    call_command("ensure_superuser", stdout=out)
    return out.getvalue()


@pytest.fixture
def superuser_env(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "admin")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-from-env")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "admin@example.com")


def test_creates_superuser_from_environment(superuser_env):
    assert "created" in ensure_superuser()

    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.is_staff
    assert admin.email == "admin@example.com"
    assert admin.check_password("s3cret-from-env")


def test_leaves_an_existing_user_alone(superuser_env):
    UserFactory(username="admin", email="old@example.com")

    assert "already exists" in ensure_superuser()

    admin = User.objects.get(username="admin")
    assert not admin.is_superuser
    assert admin.email == "old@example.com"
    assert not admin.check_password("s3cret-from-env")


def test_running_twice_is_harmless(superuser_env):
    ensure_superuser()
    ensure_superuser()

    assert User.objects.filter(username="admin").count() == 1


@pytest.mark.parametrize("unset", ["DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD"])
def test_does_nothing_without_credentials(superuser_env, monkeypatch, unset):
    monkeypatch.delenv(unset)

    assert f"{unset} not set" in ensure_superuser()
    assert not User.objects.exists()
