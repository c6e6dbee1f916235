import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from users.models import User

pytestmark = pytest.mark.django_db


def test_the_project_uses_its_own_user():
    assert settings.AUTH_USER_MODEL == "users.User"
    assert get_user_model() is User


def test_passwords_are_stored_hashed():
    user = User.objects.create_user("ada", "ada@example.com", "correct horse battery staple")

    assert user.password != "correct horse battery staple"
    assert user.check_password("correct horse battery staple")
    assert not user.is_staff


def test_create_superuser():
    boss = User.objects.create_superuser("boss", "boss@example.com", "s3cret-enough-0123")

    assert boss.is_superuser
    assert boss.is_staff


def test_the_admin_edits_users(admin_client):
    user = User.objects.create_user("ada", "ada@example.com", "correct horse battery staple")

    page = admin_client.get(reverse("admin:users_user_change", args=[user.pk]))

    assert page.status_code == 200
    assert "ada@example.com" in page.text
