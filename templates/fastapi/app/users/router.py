from fastapi import APIRouter

from app.db import SessionDep
from app.dependencies import JSONBody
from app.errors import ApiError, error_responses
from app.users import service
from app.users.schemas import Credentials, TokenResponse

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post(
    "/token",
    dependencies=[JSONBody],
    responses={
        **error_responses(400, 413, 415, 422),
        401: {**error_responses(401)[401], "description": "Wrong username or password"},
    },
)
def create_token(session: SessionDep, credentials: Credentials) -> TokenResponse:
    """Exchange a username and password for a Bearer token that authorizes writes."""
    user = service.authenticate(session, credentials.username, credentials.password)
    if user is None:
        raise ApiError(
            401,
            "Wrong username or password.",
            code="invalid_credentials",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return TokenResponse(token=service.issue_token(session, user))
