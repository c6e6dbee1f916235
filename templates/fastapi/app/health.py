"""`GET /healthz`: 200 when the database answers, 503 when it doesn't (for load balancers)."""

from typing import Literal

from fastapi import APIRouter, Response, status
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.db import SessionDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok", "unavailable"]


# For load balancers and probes, not for API clients: not in the OpenAPI document.
@router.get(
    "/healthz",
    include_in_schema=False,
)
def healthz(session: SessionDep, response: Response) -> Health:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return Health(status="unavailable")
    return Health(status="ok")
