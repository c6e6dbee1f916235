"""Dependencies shared by routers."""

from email.message import Message

from fastapi import Depends, Request

from app.errors import ApiError


def is_json(content_type: str | None) -> bool:
    """`application/json`, any `+json` type, parameters (`; charset=utf-8`) allowed."""
    if not content_type:
        return False
    header = Message()
    header["content-type"] = content_type
    subtype = header.get_content_subtype()
    return header.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


async def require_json_body(request: Request) -> None:
    """Refuse a body that is not JSON (415) or is empty (400) before it is validated.

    FastAPI parses the body before dependencies run, so JSON syntax errors are already
    answered (400); without this, other media types and an empty body would be 422s.
    """
    if not is_json(request.headers.get("content-type")):
        raise ApiError(415)
    if not await request.body():
        raise ApiError(400, "The request body is empty; send a JSON object.")


# For `dependencies=[JSONBody]` on every operation that reads a JSON body.
JSONBody = Depends(require_json_body)
