from fastapi import APIRouter, Request

from app.db import SessionDep
from app.dependencies import JSONBody
from app.errors import ApiError, error_responses
from app.users import service
from app.users.schemas import Credentials, Token
from app.users.throttle import FailedLogins

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post(
    "/token",
    dependencies=[JSONBody],
    responses={
        **error_responses(400, 413, 415, 422, 429),
        401: {**error_responses(401)[401], "description": "Wrong username or password"},
    },
)
def create_token(request: Request, session: SessionDep, credentials: Credentials) -> Token:
    """Exchange a username and password for a Bearer token that authorizes writes.

    After LOGIN_ATTEMPTS failures within LOGIN_WINDOW_SECONDS a client gets 429 until the
    oldest of them leaves the window; successful logins never count.
    """
    failed_logins: FailedLogins = request.app.state.failed_logins
    client = request.client.host if request.client else "unknown"
    if (wait := failed_logins.retry_after(client)) is not None:
        raise ApiError(429, headers={"Retry-After": str(wait)})
    user = service.authenticate(session, credentials.username, credentials.password)
    if user is None:
        failed_logins.record_failure(client)
        raise ApiError(
            401,
            "Wrong username or password.",
            code="invalid_credentials",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Token(token=service.issue_token(session, user))
