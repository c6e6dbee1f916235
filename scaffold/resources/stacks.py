"""What ``scaffold add resource`` needs to know about each stack's project layout."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .registration import Spot


@dataclass(frozen=True)
class ResourceLayout:
    """One stack's resource layout; paths are relative to the render root (the project, or
    a hybrid's ``backend/``), ``{plural}`` etc. formatted with the resource's spellings.
    ``{language}`` in a Node spot is the project's language (``in_language``)."""

    module: str  # the directory of one resource's code
    spots: tuple[Spot, ...]
    # Glob of the migration files that number a new one (None: the stack numbers per app).
    migrations: str | None
    migrate: tuple[str, ...]  # argv applying migrations, run in the render root
    installed: str  # exists once the project's dependencies are installed

    def in_language(self, language: str | None) -> ResourceLayout:
        """The layout with ``{language}`` (a Node file's suffix: ts or js) filled in."""
        if language is None:
            return self
        spots = tuple(
            replace(
                spot,
                path=spot.path.replace("{language}", language),
                line=spot.line.replace("{language}", language),
            )
            for spot in self.spots
        )
        return replace(self, spots=spots)


LAYOUTS: dict[str, ResourceLayout] = {
    "fastapi": ResourceLayout(
        module="app/{plural}",
        # app.main includes the routers of app/resources.py; app/models.py lists every
        # model, for Alembic (projects made before 0.7.0 lack it: their routers import them).
        spots=(
            Spot(
                "app/resources.py",
                "# scaffold: resource imports",
                "from app.{plural}.router import router as {plural}_router",
            ),
            Spot("app/resources.py", "# scaffold: resource routers", "{plural}_router,"),
            Spot(
                "app/models.py",
                "# scaffold: resource models",
                "from app.{plural}.models import {class_name}",
                optional=True,
            ),
            Spot(
                "app/models.py",
                "# scaffold: resource model names",
                '"{class_name}",',
                optional=True,
            ),
        ),
        migrations="migrations/versions/*.py",
        migrate=(".venv/bin/alembic", "upgrade", "head"),
        installed=".venv",
    ),
    "django-drf": ResourceLayout(
        module="{plural}",
        spots=(
            Spot("config/settings/base.py", "# scaffold: resource apps", '"{plural}",'),
            Spot(
                "config/api_router.py",
                "# scaffold: resource imports",
                "from {plural}.api.views import {class_name}ViewSet",
            ),
            Spot(
                "config/api_router.py",
                "# scaffold: resource routes",
                'router.register("{url}", {class_name}ViewSet)',
            ),
        ),
        migrations=None,
        # The system checks (admin, URLs) cost most of a second and are not about the
        # schema; the project's runserver and tests run them.
        migrate=(".venv/bin/python", "manage.py", "migrate", "--skip-checks"),
        installed=".venv",
    ),
    "node-express": ResourceLayout(
        module="src/{plural}",
        spots=(
            Spot(
                "src/resources.{language}",
                "// scaffold: resource imports",
                "import {plural_camel} from './{plural}/index.{language}';",
            ),
            Spot("src/resources.{language}", "// scaffold: resources", "{plural_camel},"),
        ),
        migrations="migrations/sqlite/*.sql",
        migrate=("node", "--run", "migrate"),
        installed="node_modules",
    ),
}
