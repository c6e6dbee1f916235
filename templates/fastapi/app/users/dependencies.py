"""`CurrentUser`: the user whose Bearer token came with the request, or a 401."""

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.db import SessionDep
from app.errors import ApiError
from app.users import service
from app.users.models import User

# auto_error=False: a missing or non-Bearer header reaches get_current_user as None, so
# every refusal gets the same error body. The scheme also adds "Authorize" to /docs.
bearer = HTTPBearer(auto_error=False, description="A token from POST /api/auth/token")


def get_current_user(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    user = service.user_for_token(session, credentials.credentials) if credentials else None
    if user is None:
        raise ApiError(
            401,
            "Send a valid token: Authorization: Bearer <token from POST /api/auth/token>.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
