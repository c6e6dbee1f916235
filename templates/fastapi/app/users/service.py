"""Users and tokens in the database; routers and the command line call these."""

import hashlib
import secrets
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.users.models import Token, User
from app.users.passwords import hash_password, verify_password


def _digest(token: str) -> str:
    # Tokens are random (256 bits), so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe())


def _storable(text: str) -> bool:
    # No stored username holds NUL or a lone surrogate (JSON allows both; the database
    # driver would refuse them as parameters), so such a name matches nobody.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def get_user(session: Session, username: str) -> User | None:
    if not _storable(username):
        return None
    return session.scalar(select(User).where(User.username == username))


def create_user(session: Session, username: str, password: str) -> User:
    user = User(username=username, password_hash=hash_password(password))
    session.add(user)
    session.commit()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The user with these credentials, or None (in about the same time either way)."""
    user = get_user(session, username)
    if user is None:
        # Hash anyway, so timing doesn't tell which usernames exist.
        verify_password(password, _dummy_hash())
        return None
    return user if verify_password(password, user.password_hash) else None


def issue_token(session: Session, user: User) -> str:
    """A new opaque token for `user`; only its digest is stored."""
    token = secrets.token_urlsafe(32)
    session.add(Token(digest=_digest(token), user_id=user.id))
    session.commit()
    return token


def user_for_token(session: Session, token: str) -> User | None:
    return session.scalar(select(User).join(Token).where(Token.digest == _digest(token)))
