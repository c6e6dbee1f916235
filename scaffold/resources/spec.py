"""Parsing and checking ``NAME FIELD:TYPE...`` (pure): a valid resource or a UserError."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..errors import UserError
from .defaults import NO_DEFAULT, BadDefault, default_value, spelled, spelled_with_default
from .reserved import TAKEN_NAMES, reserved_word, shadows_module
from .words import spellings

TYPES = ("str", "text", "int", "decimal", "bool", "date", "datetime", "email", "url", "ref")
MAX_IDENTIFIER = 40
MAX_STR = 255
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
_EXAMPLE = "scaffold add resource course title:str credits:int notes:text? code:str:unique"


class InvalidResource(UserError):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, hint or f"For example: {_EXAMPLE}")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = True
    unique: bool = False
    max_length: int | None = None  # str only: instead of MAX_STR
    choices: tuple[str, ...] | None = None  # str only: exactly one of these
    # What a row left without a value holds (as the API returns it); never null then.
    default: str | int | bool | None = None

    @property
    def api_name(self) -> str:
        """The JSON key and the column: a reference is stored as ``<name>_id``."""
        return f"{self.name}_id" if self.type == "ref" else self.name


@dataclass(frozen=True)
class Resource:
    name: str
    fields: tuple[Field, ...]


def parse_field(text: str) -> Field:
    """``notes:text?``, ``code:str:unique``, ``name:str:max=100``, ``grade:str:choices=A,B``,
    ``credits:int:default=3``, ``teacher:ref`` → a Field (names checked later). A default
    comes last: all after ``default=`` is the value, colons included (a URL's)."""
    text, marker, default = text.partition(":default=")
    field = _parse_field(text)
    return _with_default(field, default) if marker else field


def _parse_field(text: str) -> Field:
    name, _, rest = text.partition(":")
    if not rest:
        raise InvalidResource(
            f"Field {text!r} has no type.", f"Write NAME:TYPE; types: {_types()}."
        )
    kind, *options = rest.split(":")
    required = not (kind.endswith("?") or (options and options[-1].endswith("?")))
    kind = kind.removesuffix("?")
    options = [option.removesuffix("?") for option in options]
    if kind not in TYPES:
        raise InvalidResource(
            f"Field {name!r} has unknown type {kind!r}.", f"Use one of: {_types()}."
        )
    settings = dict(option.partition("=")[::2] for option in options)
    if len(settings) < len(options):
        raise InvalidResource(f"Field {name!r} repeats an option.", "Give each option once.")
    unknown = [
        option
        for option in options
        if option.partition("=")[0] not in ("max", "choices") and option != "unique"
    ]
    if unknown:
        raise InvalidResource(
            f"Field {name!r} has unknown option {unknown[0]!r}.",
            "The options are a '?' after the type (optional), ':unique', for a str "
            "':max=N' or ':choices=A,B,C', and last ':default=VALUE'.",
        )
    if "unique" in settings and kind == "bool":
        raise InvalidResource(f"Field {name!r}: a bool cannot be unique.", "Drop ':unique'.")
    return Field(
        name,
        kind,
        required=required,
        unique="unique" in settings,
        max_length=_max_length(name, kind, settings),
        choices=_choices(name, kind, settings),
    )


def _with_default(field: Field, text: str) -> Field:
    """``field`` with the default ``text``, checked against its type and rules."""
    name, kind = field.name, field.type
    why = "every row left without a value would hold it" if field.unique else ""
    if why or kind in NO_DEFAULT:
        raise InvalidResource(
            f"Field {name!r} cannot have a default: {why or NO_DEFAULT[kind]}.",
            f"Drop ':default=' and add it as optional: {spelled(field, '?')}",
        )
    if not field.required:
        raise InvalidResource(
            f"Field {name!r} is optional ('?') and has a default: a field with a default "
            "is never null (left out, it takes the default).",
            f"Drop the '?' ({spelled_with_default(field)}) or the default ({spelled(field, '?')}).",
        )
    try:
        value = default_value(kind, text, field.max_length, field.choices)
    except BadDefault as bad:
        raise InvalidResource(
            f"Field {name!r}: default {text!r} is refused: {bad}.",
            f"For example: {spelled_with_default(field)}",
        ) from None
    return replace(field, default=value)


def _max_length(name: str, kind: str, settings: Mapping[str, str]) -> int | None:
    if "max" not in settings:
        return None
    value = settings["max"]
    if kind != "str" or "choices" in settings or not value.isdigit():
        raise InvalidResource(
            f"Field {name!r}: ':max=N' needs a str field without choices and a whole number.",
            f"For example: {name}:str:max=100",
        )
    if not 1 <= int(value) <= MAX_STR:
        raise InvalidResource(
            f"Field {name!r}: max={value} is out of range.", f"Use 1 to {MAX_STR}."
        )
    return int(value)


def _choices(name: str, kind: str, settings: Mapping[str, str]) -> tuple[str, ...] | None:
    if "choices" not in settings:
        return None
    choices = tuple(settings["choices"].split(","))
    fine = all(
        0 < len(choice) <= MAX_STR and choice.isprintable() and choice == choice.strip()
        for choice in choices
    )
    if kind != "str" or not fine or len(set(choices)) < len(choices):
        raise InvalidResource(
            f"Field {name!r}: ':choices=' needs a str field and distinct, non-empty values "
            "without spaces around them.",
            f"For example: {name}:str:choices=A+,A,B",
        )
    return choices


def check_resource_name(name: str, existing: Iterable[str]) -> None:
    """A singular snake_case name, free in this project and in every language it touches."""
    words = spellings(name) if _IDENTIFIER.fullmatch(name or "") else {}
    problem = _identifier_problem(name, "resource")
    if not problem and {name, words["plural"]} & (TAKEN_NAMES | set(existing)):
        problem = f"the project already has a {name!r} resource or module"
    elif not problem and (reserved_word(name) or reserved_word(words["plural"])):
        problem = "it is a reserved word in Python, JavaScript or SQL"
    elif not problem and shadows_module(words["plural"]):
        problem = f"its plural {words['plural']!r} is a Python standard-library module"
    if problem:
        raise InvalidResource(
            f"Invalid resource name {name!r}: {problem}.",
            "Use a singular snake_case noun that is not taken (e.g. course, lab_session).",
        )


def check_fields(fields: Sequence[Field], resources: Iterable[str]) -> None:
    """Names valid and distinct (columns too); every ``ref`` names an existing resource."""
    if not fields:
        raise InvalidResource("A resource needs at least one field.")
    known, columns = set(resources), set[str]()
    for field in fields:
        problem = _identifier_problem(field.name, "field")
        if not problem and (field.name == "id" or reserved_word(field.name)):
            problem = "it is reserved (id, or a keyword of Python, JavaScript, SQL or Django)"
        if not problem and field.api_name in columns:
            problem = "another field already uses that name"
        if problem:
            raise InvalidResource(
                f"Invalid field name {field.name!r}: {problem}.",
                "Use a distinct snake_case name, e.g. title, starts_on, is_active.",
            )
        columns.add(field.api_name)
        if field.type == "ref" and field.name not in known:
            raise InvalidResource(
                f"Field {field.name!r} refers to a {field.name!r} resource; the project has none.",
                f"Add it first: scaffold add resource {field.name} name:str",
            )


def parse_resource(
    name: str, field_texts: Sequence[str], *, taken: Iterable[str], resources: Iterable[str]
) -> Resource:
    """``taken``: names of the project's modules; ``resources``: its recorded resources."""
    resources = tuple(resources)
    check_resource_name(name, (*taken, *resources))
    fields = tuple(parse_field(text) for text in field_texts)
    check_fields(fields, resources)
    return Resource(name, fields)


def resource_answers(
    resource: Resource,
    recorded: Mapping[str, Mapping[str, object]],
    migration: Mapping[str, object],
) -> dict[str, object]:
    """The ``resource`` answer the stack's resource template renders: the name's spellings,
    the fields (``field_answer``) and the ``migration`` the stack numbers."""
    return {
        **spellings(resource.name),
        "migration": dict(migration),
        "fields": [field_answer(field, recorded) for field in resource.fields],
    }


def field_answer(field: Field, recorded: Mapping[str, Mapping[str, object]]) -> dict[str, object]:
    """One field as a resource answer records it; a reference carries the spellings of the
    resource it names (its plural from ``recorded``)."""
    return {
        "name": field.name,
        "type": field.type,
        "required": field.required,
        "unique": field.unique,
        "api_name": field.api_name,
        "camel": spellings(field.api_name)["camel"],
        "label": field.name.replace("_", " "),
        "ref": spellings(field.name) | {"plural": recorded[field.name]["plural"]}
        if field.type == "ref"
        else None,
        "max_length": field.max_length,
        "choices": list(field.choices) if field.choices else None,
    } | ({} if field.default is None else {"default": field.default})


def parse_added_fields(
    resource: str,
    field_texts: Sequence[str],
    *,
    existing: Iterable[Mapping[str, object]],
    resources: Iterable[str],
) -> tuple[Field, ...]:
    """Fields to add to ``resource``, whose recorded fields are ``existing``: valid, named
    apart from those, and each one a value the rows already in the table can go without
    (optional) or take (a default)."""
    fields = tuple(parse_field(text) for text in field_texts)
    check_fields(fields, resources)
    taken = {str(field["api_name"]) for field in existing} | {
        str(field["name"]) for field in existing
    }
    for field in fields:
        if {field.name, field.api_name} & taken:
            raise InvalidResource(
                f"The {resource} resource already has a field {field.name!r}.",
                "Choose another name; to change a field, edit its model and write a migration.",
            )
        if field.required and field.default is None:
            raise InvalidResource(
                f"Field {field.name!r} is required, and the {resource} rows already stored "
                "have no value for it.",
                _fill_in(field),
            )
    return fields


def _fill_in(field: Field) -> str:
    """How to add a required field to stored rows: a default, or optional first."""
    optional = f"add it as optional ({spelled(field, '?')})"
    if field.unique or field.type in NO_DEFAULT:
        return f"A{optional[1:]}, fill it in, then make it required."
    return f"Give it a default ({spelled_with_default(field)}), or {optional}."


def _identifier_problem(name: str, what: str) -> str:
    if not name:
        return "it is empty"
    if name[0].isdigit():
        return "it starts with a digit"
    if len(name) > MAX_IDENTIFIER:
        return f"it is longer than {MAX_IDENTIFIER} characters"
    if not _IDENTIFIER.fullmatch(name):
        return f"a {what} name is lowercase letters, digits and single underscores"
    return ""


def _types() -> str:
    return ", ".join(TYPES)
