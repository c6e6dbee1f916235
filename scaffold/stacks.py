"""The closed set of stacks and features: one source for prompts, flags, copier and tests."""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

# Re-exported: a stack's services are read from here, where the stacks define them.
from .services import AdminLogin as AdminLogin
from .services import Argv as Argv
from .services import Service as Service
from .services import Url as Url

Step = tuple[str, Argv]  # (working directory relative to the project, command)
# The names as types, for typed CLI options; checked against the tables below at import.
StackName = Literal["node-express", "django-drf", "fastapi", "hybrid"]
FeatureName = Literal["students", "admin", "chat"]
DbName = Literal["sqlite", "postgres"]
LanguageName = Literal["ts", "js"]


class Feature(NamedTuple):
    """A starter example, or (in LANGUAGES) a language the Node code can be written in."""

    name: str
    title: str
    when: str


class Stack(NamedTuple):
    name: str
    title: str
    when: str
    toolchain: Literal["python", "node", "python+node"]
    features: tuple[str, ...]
    install: tuple[Step, ...]
    test: tuple[Step, ...]
    lint: tuple[Step, ...]
    quickstart: tuple[str, str]  # what a person types to run, and to test (as in the README)
    services: tuple[Service, ...]
    # Extra renders of the template into subdirectories: (part answer, subdirectory).
    parts: tuple[tuple[str, str], ...] = ()
    # The languages its Node code can be written in (copier's ``language``); none: Python only.
    languages: tuple[str, ...] = ()

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

LANGUAGES: dict[str, Feature] = {
    lang.name: lang
    for lang in (
        Feature("ts", "TypeScript", "type-checked in CI; Node runs the .ts files (no build step)"),
        Feature("js", "JavaScript", "no types to write or check: the code is what runs"),
    )
}
DEFAULT_LANGUAGE = "ts"
# What a Node project made before the language question existed is written in.
LEGACY_LANGUAGE = "js"

_UV_SYNC: Argv = ("uv", "sync", "--locked")
_NPM_CI: Argv = ("npm", "ci", "--no-audit", "--no-fund")
_PYTEST: Argv = ("uv", "run", "pytest")
_RUFF: Argv = ("uv", "run", "ruff", "check", ".")
_MANAGE: Argv = ("uv", "run", "python", "manage.py")

# Python production servers: one worker process per core of a 2-core machine
# (WEB_CONCURRENCY is read by both gunicorn and uvicorn); `uv run --no-sync` because the
# environment is installed already.
_WORKERS = ("WEB_CONCURRENCY", "2")
_SUPERUSER = ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD")
_DJANGO_WEB = Service(
    "web",
    trailing_slash=True,
    serve=(*_MANAGE, "runserver", "127.0.0.1:{port}"),
    prepare=((*_MANAGE, "migrate", "--noinput"), (*_MANAGE, "ensure_superuser")),
    seed=((*_MANAGE, "seed"),),
    admin_login=AdminLogin(*_SUPERUSER, (("DJANGO_SUPERUSER_EMAIL", "{user}@example.com"),)),
    serve_production=(
        "uv",
        "run",
        "--no-sync",
        "gunicorn",
        "config.wsgi",
        "--bind",
        "127.0.0.1:{port}",
    ),
    production_env=(
        ("DJANGO_SETTINGS_MODULE", "config.settings.production"),
        ("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost"),
        # Plain HTTP on loopback: no TLS proxy in front to redirect to.
        ("DJANGO_SECURE_SSL_REDIRECT", "false"),
        _WORKERS,
    ),
    urls=(
        Url("app", "/"),
        Url("students API", "/api/students/", "students"),
        Url("API docs", "/api/docs/"),
        Url("admin", "/admin/", "admin"),
    ),
)
_ADMIN = AdminLogin("ADMIN_USERNAME", "ADMIN_PASSWORD")
_NODE_WEB = Service(
    "web",
    serve=("node", "server.{language}"),
    prepare=(("npm", "run", "migrate"), ("npm", "run", "ensure-admin")),
    seed=(("npm", "run", "seed"),),
    admin_login=_ADMIN,
    default_port=3000,
    # One process, as generated (no cluster).
    serve_production=("node", "server.{language}"),
    production_env=(("NODE_ENV", "production"),),
    urls=(
        Url("app", "/"),
        Url("students API", "/api/students", "students"),
        Url("chat", "/chat", "chat"),
    ),
)


def _in(cwd: str, steps: tuple[Step, ...]) -> tuple[Step, ...]:
    return tuple((cwd, argv) for _, argv in steps)


_DJANGO = Stack(
    name="django-drf",
    title="Django + Django REST framework",
    when="admin panel, auth, data-heavy or AI/ML work, security and compliance",
    toolchain="python",
    features=("students", "admin"),
    install=((".", _UV_SYNC),),
    test=((".", _PYTEST),),
    lint=((".", _RUFF),),
    quickstart=(
        "uv run python manage.py migrate && uv run python manage.py seed"
        " && uv run python manage.py runserver",
        "uv run pytest",
    ),
    services=(_DJANGO_WEB,),
)
_NODE = Stack(
    name="node-express",
    title="Node.js + Express",
    when="real-time features (chat, live dashboards) or a JavaScript/React team",
    toolchain="node",
    features=("students", "chat"),
    install=((".", _NPM_CI),),
    test=((".", ("npm", "test")),),
    lint=((".", ("npm", "run", "lint")),),
    quickstart=(
        "npm run migrate && npm run ensure-admin && npm run seed && npm start",
        "npm test",
    ),
    services=(_NODE_WEB,),
    languages=tuple(LANGUAGES),
)
_FASTAPI = Stack(
    name="fastapi",
    title="FastAPI",
    when="a pure, fast, typed API with no admin panel",
    toolchain="python",
    features=("students",),
    install=((".", _UV_SYNC),),
    test=((".", _PYTEST),),
    lint=((".", _RUFF),),
    quickstart=(
        "uv run alembic upgrade head && uv run python -m app seed"
        " && uv run uvicorn app.main:app --reload",
        "uv run pytest",
    ),
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
            prepare=(
                ("uv", "run", "alembic", "upgrade", "head"),
                ("uv", "run", "python", "-m", "app.users", "ensure-admin"),
            ),
            seed=(("uv", "run", "python", "-m", "app", "seed"),),
            admin_login=_ADMIN,
            urls=(
                Url("app", "/"),
                Url("students API", "/api/students", "students"),
                Url("API docs", "/docs"),
            ),
            serve_production=(
                *("uv", "run", "--no-sync", "uvicorn", "app.main:app"),
                *("--host", "127.0.0.1", "--port", "{port}", "--no-access-log"),
            ),
            production_env=(_WORKERS,),
        ),
    ),
)
# The hybrid is the Django and Node stacks side by side, wired to each other.
_HYBRID = Stack(
    name="hybrid",
    title="Hybrid: Django business logic + Node real-time",
    when="real-time features and Django-style admin/business logic in one product",
    toolchain="python+node",
    features=("students", "admin", "chat"),
    install=(*_in("backend", _DJANGO.install), *_in("realtime", _NODE.install)),
    test=(*_in("backend", _DJANGO.test), *_in("realtime", _NODE.test)),
    lint=(*_in("backend", _DJANGO.lint), *_in("realtime", _NODE.lint)),
    quickstart=("npm run setup && npm run dev", "npm test"),
    services=(
        _DJANGO_WEB._replace(
            name="backend",
            cwd="backend",
            env=(("REALTIME_URL", "http://127.0.0.1:{realtime_port}"),),
            urls=(*_DJANGO_WEB.urls, Url("chat (signed in)", "/chat/", "chat")),
        ),
        _NODE_WEB._replace(
            name="realtime",
            cwd="realtime",
            prepare=(),  # no database: the backend owns the data and the users
            seed=(),
            admin_login=None,
            env=(("BACKEND_URL", "http://127.0.0.1:{backend_port}"),),
            urls=(Url("chat", "/chat", "chat"),),
        ),
    ),
    parts=(("backend", "backend"), ("realtime", "realtime")),
    languages=_NODE.languages,
)

STACKS: dict[str, Stack] = {s.name: s for s in (_NODE, _DJANGO, _FASTAPI, _HYBRID)}

DATABASES: dict[str, str] = {
    "sqlite": "SQLite file, embedded: nothing to install",
    "postgres": "PostgreSQL server, reached through DATABASE_URL",
}

assert tuple(STACKS) == get_args(StackName)
assert tuple(FEATURES) == get_args(FeatureName)
assert tuple(DATABASES) == get_args(DbName)
assert tuple(LANGUAGES) == get_args(LanguageName)

DEFAULT_STACK = "fastapi"


def catalogue() -> dict[str, object]:
    """The stacks, features and databases with when to pick each (``scaffold list --json``)."""
    return {
        "stacks": [
            {
                "name": s.name,
                "title": s.title,
                "when": s.when,
                "features": list(s.features),
                "languages": list(s.languages),
            }
            for s in STACKS.values()
        ],
        "features": [{"name": f.name, "title": f.title, "when": f.when} for f in FEATURES.values()],
        "databases": [{"name": n, "when": w} for n, w in DATABASES.items()],
        "languages": [
            {"name": lang.name, "title": lang.title, "when": lang.when}
            for lang in LANGUAGES.values()
        ],
    }


DEFAULT_DB = "sqlite"
