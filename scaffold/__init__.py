"""scaffold: from "which backend should I use?" to a running project.

The library API is small, keyword-only, and never prompts nor prints:

- ``recommend(Needs(team="python", realtime=True))`` → ``Recommendation`` (``stack``,
  ``reasons``, ``language``): the stack for those needs and the sentences that decided
  it. Pure.
- ``make_spec(name=..., stack=..., features=None, db="sqlite", dest=None,
  language=None)`` → ``ProjectSpec``: validated answers (UserError, with its fix, when
  one is wrong). ``language`` (``ts`` or ``js``) is that of a Node stack's code: default
  ``ts``; given for a Python-only stack, an error.
- ``create_project(spec=spec, git=True, install=True)`` → ``Project``: renders the
  template into ``spec.dest`` (nothing is left behind if it fails), writes ``.env`` with
  fresh secrets, commits, installs the dependencies.
- ``update_project(path=..., to=None, data=None)`` → ``UpdateResult``: moves a project
  to a newer template version, keeping the user's edits (conflicts left inline) and the
  project's language (a ``language`` in ``data`` that differs is refused).
- ``add_resource(path=..., name="course", fields=["title:str", "teacher:ref"])`` →
  ``AddResult``: the user's own resource (model, migration, API, admin, tests) in the
  project's stack, registered and migrated; never committed.
- ``add_field(path=..., resource="course", fields=["room:str?"])`` → ``FieldsAdded``: new
  fields on a resource `add resource` made, with the migration the framework's own tool
  writes; never committed.

``scaffold.recommend`` is the function; the module of the same name stays importable
with ``from scaffold.recommend import ...``. The project functions load copier on first
use, so importing scaffold (and ``scaffold --help``) stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .recommend import Needs, Recommendation, recommend  # cheap and pure: loaded now

__version__ = "0.7.0"

if TYPE_CHECKING:
    from .api import (
        Project,
        ProjectSpec,
        add_field,
        add_resource,
        create_project,
        make_spec,
        update_project,
    )
    from .resources.add_field import FieldsAdded
    from .resources.engine import AddResult
    from .updating import UpdateResult

__all__ = [
    "AddResult",
    "FieldsAdded",
    "Needs",
    "Project",
    "ProjectSpec",
    "Recommendation",
    "UpdateResult",
    "__version__",
    "add_field",
    "add_resource",
    "create_project",
    "make_spec",
    "recommend",
    "update_project",
]

_LAZY = {
    "AddResult": "resources.engine",
    "FieldsAdded": "resources.add_field",
    "add_field": "api",
    "add_resource": "api",
    "Project": "api",
    "ProjectSpec": "api",
    "create_project": "api",
    "make_spec": "api",
    "update_project": "api",
    "UpdateResult": "updating",
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'scaffold' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
