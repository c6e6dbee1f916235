"""`python -m app.users ensure-admin`: create the user named in ADMIN_USERNAME if missing.

Idempotent: an existing user is left exactly as it is (its password included), so it is
safe to run on every deploy. Run `alembic upgrade head` first.
"""

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.db import create_db_engine
from app.users import service


def ensure_admin(settings: Settings) -> str:
    """Create the admin user from the settings unless it exists; say what happened."""
    username = settings.admin_username.strip()
    password = settings.admin_password.get_secret_value()
    if not username or not password:
        raise SystemExit("Set ADMIN_USERNAME and ADMIN_PASSWORD (in .env or the environment).")
    engine = create_db_engine(settings.database_url)
    try:
        with Session(engine) as session:
            if service.get_user(session, username) is not None:
                return f"User {username!r} already exists; left unchanged."
            service.create_user(session, username, password)
            return f"Created user {username!r}."
    except SQLAlchemyError as error:
        raise SystemExit(
            f"Could not reach the users table ({type(error).__name__}); "
            "is the database migrated (`uv run alembic upgrade head`)?"
        ) from error
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m app.users", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("ensure-admin", help="create ADMIN_USERNAME with ADMIN_PASSWORD if missing")
    parser.parse_args(argv)
    print(ensure_admin(get_settings()))


if __name__ == "__main__":
    main(sys.argv[1:])
