"""The OpenAPI document as scaffold's API contract writes it (its
docs/contract/openapi.yaml), the same in every stack: operationIds ``listStudents``,
``createStudent``, ``readStudent``, ``replaceStudent``, ``updateStudent``,
``deleteStudent`` for every resource (a verb and the view's name otherwise: ``TokenView``'s
POST is ``createToken``); reads public, writes with the bearer token; every error an
operation can answer, with the one error body; schemas named ``Student``,
``StudentInput``, ``StudentPatch``, ``StudentPage``."""

import re
from typing import Any

from drf_spectacular import openapi

# A viewset action, or else the HTTP method, and the verb that names it.
VERBS = {
    "list": "list",
    "create": "create",
    "retrieve": "read",
    "update": "replace",
    "partial_update": "update",
    "destroy": "delete",
    "GET": "read",
    "POST": "create",
    "PUT": "replace",
    "PATCH": "update",
    "DELETE": "delete",
}
# The errors each viewset action can answer (docs/api-contract.md, "Errors"); other views
# list theirs in @extend_schema.
BODY_ERRORS = (400, 401, 413, 415, 422)
ERRORS = {
    "list": (422,),
    "retrieve": (404,),
    "create": BODY_ERRORS,
    "update": (*BODY_ERRORS, 404),
    "partial_update": (*BODY_ERRORS, 404),
    "destroy": (401, 404, 409),
}
ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            },
            "required": ["code", "message"],
        }
    },
    "required": ["error"],
}
REF = "#/components/schemas/"
# Ids are positive 32-bit integers (PostgreSQL `integer`).
ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
# A decimal in a request: a JSON number, or a string with at most 8 digits before the
# point and 2 after.
DECIMAL = {
    "anyOf": [
        {"type": "number", "exclusiveMinimum": -100000000, "exclusiveMaximum": 100000000},
        {"type": "string", "pattern": r"^-?\d{1,8}(\.\d{1,2})?$"},
    ]
}
# drf-spectacular's component names, and the contract's.
NAMES = [
    (re.compile(r"Patched(\w+)Request"), r"\1Patch"),
    (re.compile(r"Paginated(\w+)List"), r"\1Page"),
    (re.compile(r"TokenRequestRequest"), "Credentials"),
    (re.compile(r"(\w+)Request"), r"\1Input"),
]
# Limits say what a client may send: a value the API answers keeps its type, format, choices.
ANSWERED = {"type", "format", "enum", "anyOf", "oneOf"}


class AutoSchema(openapi.AutoSchema):
    def get_operation_id(self) -> str:
        action = getattr(self.view, "action", None)
        verb = VERBS[action or self.method]
        queryset = getattr(self.view, "queryset", None)
        if action is None or queryset is None:
            return verb + type(self.view).__name__.removesuffix("View")
        meta = queryset.model._meta
        name = meta.verbose_name_plural if action == "list" else meta.verbose_name
        return verb + str(name).title().replace(" ", "")

    def get_auth(self) -> list[dict[str, list[str]]]:
        auth = super().get_auth()
        # What anyone may do is public: a token is accepted there, not asked for.
        return [] if {} in auth else auth

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        for status in ERRORS.get(getattr(self.view, "action", None), ()) if operation else ():
            operation["responses"].setdefault(str(status), {"description": ""})
        return operation


def contract_document(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """POSTPROCESSING_HOOKS: the contract's names, errors and field schemas."""
    names = {name: _contract_name(name) for name in result["components"]["schemas"]}
    result = _renamed(result, names)
    schemas = result["components"]["schemas"] = {
        names[name]: schema for name, schema in result["components"]["schemas"].items()
    }
    for name, schema in schemas.items():
        if name.endswith(("Input", "Patch")) or name == "Credentials":  # a request body
            schema["additionalProperties"] = False
            schema["properties"] = {k: _sent(v) for k, v in schema["properties"].items()}
            if name.endswith("Patch"):  # PATCH keeps a field left out as it is: no default
                for value in schema["properties"].values():
                    value.pop("default", None)
        elif "id" in schema["properties"]:  # a row
            schema["properties"] = {k: _answered(v) for k, v in schema["properties"].items()}
            schema["required"] = list(schema["properties"])
    schemas["Error"] = ERROR
    for item in result["paths"].values():
        for operation in item.values():
            _document_errors(operation)
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"] == "id":
                    parameter["schema"] = ID
            if "requestBody" in operation:  # PATCH's too: `{}` is a body
                operation["requestBody"]["required"] = True
    return result


def _contract_name(name: str) -> str:
    for pattern, replacement in NAMES:
        if pattern.fullmatch(name):
            return pattern.sub(replacement, name)
    return name


def _renamed(value: Any, names: dict[str, str]) -> Any:
    """``value`` with every reference to a component renamed."""
    if isinstance(value, dict):
        return {k: _renamed(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, names) for v in value]
    if isinstance(value, str) and value.startswith(REF):
        return REF + names.get(value.removeprefix(REF), value.removeprefix(REF))
    return value


def _sent(schema: dict[str, Any]) -> dict[str, Any]:
    """A decimal is sent as a number or a string."""
    return DECIMAL if schema.get("format") == "decimal" else _nested(schema, _sent)


def _answered(schema: dict[str, Any]) -> dict[str, Any]:
    """What a response says of a value: its type, format and choices."""
    if schema.get("format") == "decimal":
        return {"type": "string"}
    kept = {k: v for k, v in schema.items() if k in ANSWERED}
    return _nested(kept, _answered)


def _nested(schema: dict[str, Any], change: Any) -> dict[str, Any]:
    return {k: [change(s) for s in v] if k in ("anyOf", "oneOf") else v for k, v in schema.items()}


def _document_errors(operation: dict[str, Any]) -> None:
    """Every error answer has the one error body."""
    for status, answer in operation["responses"].items():
        if int(status) >= 400:
            answer["content"] = {"application/json": {"schema": {"$ref": REF + "Error"}}}
