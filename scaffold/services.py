"""One long-running process of a generated project, and what it serves (stacks.py lists
each stack's)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

Argv = tuple[str, ...]


class Url(NamedTuple):
    """A page a service serves, listed only while ``feature`` (None: always) is on."""

    label: str
    path: str
    feature: str | None = None


class AdminLogin(NamedTuple):
    """The variables a service's prepare step makes its demo admin from."""

    user_key: str
    password_key: str
    extra: tuple[tuple[str, str], ...] = ()  # others it needs; ``{user}``: the user name


class Service(NamedTuple):
    """One long-running process of a generated project.

    ``serve``, ``prepare`` and ``seed`` run in ``cwd`` (relative to the project root). In ``serve``
    and in ``env`` values, ``{port}`` is this service's port and ``{<name>_port}`` another
    service's; the port is also exported as ``PORT``. In ``serve``, ``{language}`` is the
    project's language (``ts`` or ``js``: ``server.{language}`` is its entry point).
    """

    name: str
    serve: Argv  # ``{language}``: the project's language, which is also Node's file suffix
    cwd: str = "."
    prepare: tuple[Argv, ...] = ()
    # Demo rows for development (idempotent), run after ``prepare`` by `new --run` and the
    # tests; never by a migration, so a production database gets none unless asked.
    seed: tuple[Argv, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    default_port: int = 8000
    urls: tuple[Url, ...] = (Url("app", "/"),)
    # Django ends every path with a slash (docs/api-contract.md, "Paths").
    trailing_slash: bool = False
    # The production server (no reload, no debug), as `scaffold compare` runs it:
    # ``serve_production`` with ``production_env`` on top of ``env``. Empty: none defined.
    serve_production: Argv = ()
    production_env: tuple[tuple[str, str], ...] = ()
    admin_login: AdminLogin | None = None

    def path(self, path: str) -> str:
        """A contract path (written without a trailing slash) as this service spells it."""
        base, query = path.split("?", 1) if "?" in path else (path, "")
        if self.trailing_slash and not base.endswith("/"):
            base += "/"
        return f"{base}?{query}" if query else base

    @property
    def health_path(self) -> str:
        return self.path("/healthz")

    @property
    def token_path(self) -> str:
        """Where a user signs in for a Bearer token (docs/api-contract.md)."""
        return self.path("/api/auth/token")

    def urls_for(self, features: Iterable[str]) -> list[Url]:
        """The URLs this service answers with ``features`` on."""
        on = set(features)
        return [url for url in self.urls if url.feature is None or url.feature in on]
