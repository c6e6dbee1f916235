"""The OpenAPI document a project must serve (docs/contract/openapi.yaml), and any served
document reduced to what that contract fixes, so the two compare as equal or name their
differences.

Reduced, a document is ``{"paths": {path: {method: operation}}, "schemas": {name: schema}}``:
Django's trailing slash dropped; an operation's path-level parameters merged into its own;
a request or response body named by the component schema it refers to, and only the
schemas so named kept, with what they refer to written out (a stack may name a part of a
body, an enum, or not); security one of "bearer" or None (public); titles, descriptions,
examples and vendor extensions (``x-…``) left out; an optional value written
``anyOf: [schema, {type: "null"}]`` whichever way the stack spells it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from scaffold.resources.spec import Field, parse_field
from scaffold.resources.words import spellings
from tests.support.template_repos import ROOT

CONTRACT: dict[str, Any] = yaml.safe_load((ROOT / "docs/contract/openapi.yaml").read_text())
SCHEMAS = "#/components/schemas/"
# Words for people, each stack's own: not part of the contract.
ANNOTATIONS = frozenset(
    {"title", "description", "summary", "example", "examples", "readOnly", "writeOnly", "tags"}
)
# What a response says of a field (docs/contract/openapi.yaml, "types").
RESPONSE_KEYS = ("type", "format", "enum")
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
Definition = tuple[str, Sequence[str]]  # ("teacher", ["name:str", ...]), as add resource takes


def students() -> Definition:
    name, *fields = CONTRACT["students"].split()
    return name, fields


def expected_document(
    resources: Sequence[Definition] = (),
    *,
    chat_bridge: bool = False,
    student_fields: Sequence[str] = (),
) -> dict[str, Any]:
    """What a project with the students starter (grown by ``student_fields``) and
    ``resources`` serves, reduced (the hybrid's backend: with ``chat_bridge``)."""
    parts = [CONTRACT, CONTRACT["chat_bridge"]] if chat_bridge else [CONTRACT]
    paths = {
        path: _operations(path, ops, {}) for part in parts for path, ops in part["paths"].items()
    }
    schemas = {name: schema for part in parts for name, schema in part["schemas"].items()}
    student, own = students()
    for name, texts in ((student, [*own, *student_fields]), *resources):
        words = _words(name)
        fields = [parse_field(text) for text in texts]
        for path, ops in CONTRACT["resource"]["paths"].items():
            paths[_fill(path, words)] = _operations(path, ops, words)
        schemas |= _resource_schemas(words, fields)
    return {"openapi": CONTRACT["openapi"], "paths": paths, "schemas": _bodies(paths, schemas)}


def reduced(document: Mapping[str, Any]) -> dict[str, Any]:
    """A served document, reduced to what the contract compares."""
    components = document.get("components", {})
    bearer = {
        name
        for name, scheme in components.get("securitySchemes", {}).items()
        if {k: scheme.get(k) for k in CONTRACT["bearer"]} == CONTRACT["bearer"]
    }
    public = document.get("security")
    paths = {
        _path(path): {
            method: _operation(operation, item.get("parameters", []), public, bearer)
            for method, operation in item.items()
            if method in METHODS
        }
        for path, item in document.get("paths", {}).items()
    }
    schemas = components.get("schemas", {})
    return {
        "openapi": str(document.get("openapi"))[:3],
        "paths": paths,
        "schemas": _bodies(paths, schemas),
    }


def differences(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Each place where ``actual`` differs from ``expected``, one line each."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        lines = [f"{where} {k}: missing" for k in expected if k not in actual]
        lines += [f"{where} {k}: not in the contract" for k in actual if k not in expected]
        for key in expected.keys() & actual.keys():
            lines += differences(expected[key], actual[key], f"{where} {key}".strip())
        return lines
    return [] if expected == actual else [f"{where}: {actual!r}, the contract says {expected!r}"]


def _bodies(paths: Mapping[str, Any], schemas: Mapping[str, Any]) -> dict[str, Any]:
    """The schemas the operations name as bodies, each with what it refers to written out
    (a stack may name a part of a body, such as an enum, or not)."""
    named = {
        name
        for operations in paths.values()
        for operation in operations.values()
        for name in [operation["requestBody"], *operation["responses"].values()]
        if isinstance(name, str)
    }
    return {name: _inlined(_schema(schemas[name]), schemas) for name in named if name in schemas}


def _inlined(schema: Any, schemas: Mapping[str, Any]) -> Any:
    if isinstance(schema, list):
        return [_inlined(item, schemas) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if set(schema) == {"$ref"} and schema["$ref"].startswith(SCHEMAS):
        return _inlined(_schema(schemas[schema["$ref"].removeprefix(SCHEMAS)]), schemas)
    return {k: _inlined(v, schemas) for k, v in schema.items()}


def _words(name: str) -> dict[str, str]:
    """The placeholders of docs/contract/openapi.yaml, as `add resource` spells them."""
    spelled = spellings(name)
    return {
        "{url}": spelled["url"],
        "{Names}": spelled["plural_class"],
        "{Name}": spelled["class_name"],
        "{name}": name,
    }


def _fill(text: str, words: Mapping[str, str]) -> str:
    return re.sub("|".join(map(re.escape, words)) or "$^", lambda m: words[m[0]], text)


def _operations(path: str, ops: Mapping[str, Any], words: Mapping[str, str]) -> dict[str, Any]:
    """The contract's operations of one path, in the reduced form (placeholders filled)."""
    id_parameter = [CONTRACT["resource"]["id"]] if path.endswith("{id}") else []
    return {
        method: {
            "operationId": _fill(op["operationId"], words),
            "parameters": _parameters([*id_parameter, *op.get("parameters", [])]),
            "requestBody": _fill(op["requestBody"], words) if "requestBody" in op else None,
            "responses": {
                str(status): _fill(body, words) if body else None
                for status, body in op["responses"].items()
            },
            "security": op.get("security"),
        }
        for method, op in ops.items()
    }


def _resource_schemas(words: Mapping[str, str], fields: Sequence[Field]) -> dict[str, Any]:
    name = words["{Name}"]
    # A default is what POST and PUT store for a field left out; PATCH applies none.
    sent = {
        f.api_name: _field(f, "request") | ({} if f.default is None else {"default": f.default})
        for f in fields
    }
    row = {"id": {"type": "integer"}} | {f.api_name: _field(f, "response") for f in fields}
    patch = {f.api_name: _field(f, "request") for f in fields}
    page = yaml.safe_load(_fill(yaml.safe_dump(CONTRACT["resource"]["page"]), words))
    return {
        name: {"type": "object", "properties": row, "required": list(row)},
        f"{name}Input": {
            "type": "object",
            "properties": sent,
            "required": [f.api_name for f in fields if f.required and f.default is None],
            "additionalProperties": False,
        },
        f"{name}Patch": {"type": "object", "properties": patch, "additionalProperties": False},
        f"{name}Page": page,
    }


def _field(field: Field, side: str) -> dict[str, Any]:
    """A field's schema in a request body or a response (docs/contract/openapi.yaml types)."""
    kind: dict[str, Any] = CONTRACT["types"][field.type]
    schema = kind.get("request", kind)
    if field.choices:
        schema = {"type": "string", "enum": list(field.choices)}
    elif field.max_length:
        schema = {**schema, "maxLength": field.max_length}
    if side == "response":
        schema = kind.get("response", {k: v for k, v in schema.items() if k in RESPONSE_KEYS})
    return schema if field.required else {"anyOf": [schema, {"type": "null"}]}


def _path(path: str) -> str:
    return path.rstrip("/") or "/"


def _operation(
    operation: Mapping[str, Any],
    shared: Sequence[Mapping[str, Any]],
    public: Any,
    bearer: set[str],
) -> dict[str, Any]:
    body = operation.get("requestBody")
    return {
        "operationId": operation.get("operationId"),
        "parameters": _parameters([*shared, *operation.get("parameters", [])]),
        "requestBody": _body(body, required=True) if body else None,
        "responses": {
            str(status): _body(answer) for status, answer in operation["responses"].items()
        },
        "security": _security(operation.get("security", public), bearer),
    }


def _parameters(parameters: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {
        f"{p['in']}:{p['name']}": {"required": p.get("required", False), **_schema(p["schema"])}
        for p in parameters
    }


def _body(body: Mapping[str, Any], *, required: bool = False) -> Any:
    """The component a body refers to by name (JSON only), else what it is instead."""
    content = body.get("content")
    if not content:
        return None
    if set(content) != {"application/json"} or (required and not body.get("required")):
        return {"required": body.get("required"), "content": sorted(content)}
    schema = content["application/json"]["schema"]
    ref = schema.get("$ref", "")
    return ref.removeprefix(SCHEMAS) if ref.startswith(SCHEMAS) else _schema(schema)


def _security(requirements: Sequence[Mapping[str, Any]] | None, bearer: set[str]) -> Any:
    """ "bearer" when the operation needs the bearer token and takes nothing else, None when
    it is public, else the requirements as written."""
    if not requirements:
        return None
    if len(requirements) == 1 and set(requirements[0]) <= bearer and requirements[0]:
        return "bearer"
    return list(requirements)


def _schema(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    reduced = {
        k: _schema(v) for k, v in schema.items() if k not in ANNOTATIONS and not k.startswith("x-")
    }
    if isinstance(schema.get("properties"), dict):  # named by the API, not annotations
        reduced["properties"] = {k: _schema(v) for k, v in schema["properties"].items()}
    if reduced.get("required") == []:
        del reduced["required"]
    if "required" in reduced:
        reduced["required"] = sorted(reduced["required"])
    kind = reduced.get("type")
    if isinstance(kind, list) and len(kind) == 2 and "null" in kind:
        (other,) = (k for k in kind if k != "null")
        if "enum" in reduced:  # the null an enum then has to list
            reduced["enum"] = [choice for choice in reduced["enum"] if choice is not None]
        return {"anyOf": [{**reduced, "type": other}, {"type": "null"}]}
    return reduced
