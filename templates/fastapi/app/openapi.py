"""The OpenAPI document (/openapi.json) as the API contract writes it for every stack.

pydantic describes most fields as the API checks them; these describe what its own schema
would not (app/fields.py and the resources' schemas use them). `document()` leaves out the
422 FastAPI adds to every operation with parameters: here an id that names no row is a 404
(app.errors), and every 422 this API answers is documented with the one error body.
"""

from typing import Annotated, Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import WithJsonSchema

# numeric(10, 2): a JSON number, or a string of digits with at most 2 after the point.
_NUMBER = {"type": "number", "exclusiveMinimum": -(10**8), "exclusiveMaximum": 10**8}
_DIGITS = {"type": "string", "pattern": r"^-?\d{1,8}(\.\d{1,2})?$"}
DECIMAL = WithJsonSchema({"anyOf": [_NUMBER, _DIGITS]})
EMAIL = WithJsonSchema({"type": "string", "format": "email", "minLength": 1, "maxLength": 254})
# Whether a row has the id is the database's to say (a 422 naming the field).
ID = WithJsonSchema({"type": "integer"})
# Stored values going out (checked when they came in), described by type and format.
EmailOut = Annotated[str, WithJsonSchema({"type": "string", "format": "email"})]
UrlOut = Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]


def document(app: FastAPI) -> dict[str, Any]:
    """`app.openapi`: FastAPI's document without its validation-error 422s, built once."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
        for item in schema["paths"].values():
            for operation in item.values():
                if "HTTPValidationError" in str(operation["responses"].get("422")):
                    del operation["responses"]["422"]
        for name in ("HTTPValidationError", "ValidationError"):
            schema["components"]["schemas"].pop(name, None)
        app.openapi_schema = schema
    return app.openapi_schema
