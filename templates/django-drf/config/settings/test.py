"""pytest (see [tool.pytest.ini_options]); needs no `.env`."""

from django.core.management.utils import get_random_secret_key

from .base import *

SECRET_KEY = get_random_secret_key()
DEBUG = False
ALLOWED_HOSTS = ["testserver"]

# A fast hash keeps tests that create users quick; never use it outside tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Serve static files straight from the apps so tests can fetch the docs' assets.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
