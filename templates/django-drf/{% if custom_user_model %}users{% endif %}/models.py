from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's user (AUTH_USER_MODEL = "users.User").

    It adds nothing to Django's user yet; it exists so that fields (a display name, a
    preferred language) can be added later with an ordinary migration, which Django cannot
    do for its built-in user once a project has data. Refer to it as
    ``settings.AUTH_USER_MODEL`` in foreign keys and ``get_user_model()`` in code.
    """
