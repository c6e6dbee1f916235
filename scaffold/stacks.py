"""The closed set of stacks and features: one source for prompts, flags, copier and tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Argv = tuple[str, ...]
# The names as types, for typed CLI options; checked against the tables below at import.
StackName = Literal["node-express", "django-drf", "fastapi", "hybrid"]
FeatureName = Literal["students", "admin", "chat"]
DbName = Literal["sqlite", "postgres"]


@dataclass(frozen=True)
class Feature:
    name: str
    title: str
    when: str


@dataclass(frozen=True)
class Service:
    """One long-running process of a generated project.

    Commands are argv tuples run from ``cwd`` (relative to the project root). ``{port}``
    in ``serve`` is replaced by the port the service is given; the same port is also
    exported as ``PORT``.
    """

    name: str
    serve: Argv
    cwd: str = "."
    prepare: tuple[Argv, ...] = ()
    health_path: str = "/"
    default_port: int = 8000
    urls: tuple[tuple[str, str], ...] = (("app", "/"),)


@dataclass(frozen=True)
class Stack:
    name: str
    title: str
    when: str
    toolchain: Literal["python", "node", "python+node"]
    features: tuple[str, ...]
    install: tuple[tuple[str, Argv], ...]
    test: tuple[tuple[str, Argv], ...]
    lint: tuple[tuple[str, Argv], ...]
    quickstart: tuple[str, str]  # what a person types to run, and to test (as in the README)
    services: tuple[Service, ...] = field(default=())

    @property
    def default_features(self) -> tuple[str, ...]:
        return self.features


FEATURES: dict[str, Feature] = {
    f.name: f
    for f in (
        Feature("students", "Students REST API", "a CRUD API to start your own resources from"),
        Feature(
            "admin", "Product admin", "Django's admin over a Product catalogue (search, filters)"
        ),
        Feature("chat", "Socket.IO chat", "a real-time chat page broadcasting to every client"),
    )
}

_UV_SYNC: Argv = ("uv", "sync", "--locked")
_NPM_CI: Argv = ("npm", "ci", "--no-audit", "--no-fund")

STACKS: dict[str, Stack] = {
    s.name: s
    for s in (
        Stack(
            name="node-express",
            title="Node.js + Express",
            when="real-time features (chat, live dashboards) or a JavaScript/React team",
            toolchain="node",
            features=("students", "chat"),
            install=((".", _NPM_CI),),
            test=((".", ("npm", "test")),),
            lint=((".", ("npm", "run", "lint")),),
            quickstart=("npm start", "npm test"),
            services=(
                Service(
                    "web",
                    serve=("node", "server.js"),
                    default_port=3000,
                    urls=(("app", "/"), ("students API", "/api/students"), ("chat", "/chat")),
                ),
            ),
        ),
        Stack(
            name="django-drf",
            title="Django + Django REST framework",
            when="admin panel, auth, data-heavy or AI/ML work, security and compliance",
            toolchain="python",
            features=("students", "admin"),
            install=((".", _UV_SYNC),),
            test=((".", ("uv", "run", "pytest")),),
            lint=((".", ("uv", "run", "ruff", "check", ".")),),
            quickstart=(
                "uv run python manage.py migrate && uv run python manage.py runserver",
                "uv run pytest",
            ),
            services=(
                Service(
                    "web",
                    serve=("uv", "run", "python", "manage.py", "runserver", "127.0.0.1:{port}"),
                    prepare=(
                        ("uv", "run", "python", "manage.py", "migrate", "--noinput"),
                        ("uv", "run", "python", "manage.py", "ensure_superuser"),
                    ),
                    urls=(
                        ("app", "/"),
                        ("students API", "/api/students/"),
                        ("API docs", "/api/docs/"),
                        ("admin", "/admin/"),
                    ),
                ),
            ),
        ),
        Stack(
            name="fastapi",
            title="FastAPI",
            when="a pure, fast, typed API with no admin panel",
            toolchain="python",
            features=("students",),
            install=((".", _UV_SYNC),),
            test=((".", ("uv", "run", "pytest")),),
            lint=((".", ("uv", "run", "ruff", "check", ".")),),
            quickstart=("uv run uvicorn app.main:app --reload", "uv run pytest"),
            services=(
                Service(
                    "web",
                    serve=(
                        "uv",
                        "run",
                        "uvicorn",
                        "app.main:app",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "{port}",
                    ),
                    urls=(("app", "/"), ("students API", "/api/students"), ("API docs", "/docs")),
                ),
            ),
        ),
        Stack(
            name="hybrid",
            title="Hybrid: Django business logic + Node real-time",
            when="real-time features and Django-style admin/business logic in one product",
            toolchain="python+node",
            features=("students", "admin", "chat"),
            install=(("backend", _UV_SYNC), ("realtime", _NPM_CI)),
            test=(("backend", ("uv", "run", "pytest")), ("realtime", ("npm", "test"))),
            lint=(
                ("backend", ("uv", "run", "ruff", "check", ".")),
                ("realtime", ("npm", "run", "lint")),
            ),
            quickstart=("npm run dev", "npm test"),
        ),
    )
}

DATABASES: dict[str, str] = {
    "sqlite": "SQLite file, embedded: nothing to install",
    "postgres": "PostgreSQL server, reached through DATABASE_URL",
}

assert tuple(STACKS) == get_args(StackName)
assert tuple(FEATURES) == get_args(FeatureName)
assert tuple(DATABASES) == get_args(DbName)

DEFAULT_STACK = "fastapi"
DEFAULT_DB = "sqlite"


def get_stack(name: str) -> Stack:
    """Return the stack called ``name``; KeyError for an unknown one (validate first)."""
    return STACKS[name]
