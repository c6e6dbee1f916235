"""The Starlette application behind ``scaffold web``: the page, its assets and the API.

Routes (a public contract, like the CLI's flags: extend, never rename):
``GET /``, ``/api/recommend``, ``/api/files``, ``/api/file``, ``/starter.zip``, plus
``/api/catalogue`` (what the page offers) and ``/static/<asset>``. Bad answers are 400 with
the CLI's message and fix; too many renders at once are 503 with ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping, Sequence

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..errors import CommandFailed, TemplateError, UserError
from ..recommend import FRONTENDS, NEEDS, TEAMS, recommend
from ..stacks import DEFAULT_DB, DEFAULT_LANGUAGE, DEFAULT_STACK, STACKS, catalogue
from . import assets, params, zipping
from .cache import Built, Busy, RenderCache
from .limits import LimitRequests
from .workers import RenderPool


def first_views() -> list[params.Answers]:
    """What the page shows before any answer (FastAPI), then each other stack's defaults."""
    stacks = sorted(STACKS, key=lambda stack: stack != DEFAULT_STACK)
    return [params.parse_answers({"stack": stack}) for stack in stacks]


def create_app(
    cache: RenderCache | None = None, *, warm: Sequence[params.Answers] = ()
) -> Starlette:
    """The application; ``cache`` decides how configurations are rendered and kept (by
    default: in two worker processes), and ``warm`` are rendered in the background at
    start-up, one at a time."""
    pool: RenderPool | None = None
    if cache is None:
        pool = RenderPool()
        cache = RenderCache(pool, max_renders=pool.workers)
    renders: RenderCache = cache  # as a closure sees it

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        warming = asyncio.create_task(_warm(renders, warm))
        yield
        warming.cancel()
        if pool is not None:
            pool.close()

    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route("/", _page),
            Route("/static/{name}", _asset),
            Route("/api/catalogue", _catalogue),
            Route("/api/recommend", _recommend),
            Route("/api/files", _files),
            Route("/api/file", _file),
            Route("/starter.zip", _zip),
        ],
        exception_handlers={
            UserError: _user_error,
            Busy: _busy,
            HTTPException: _http_error,
        },
    )
    app.router.redirect_slashes = False  # one spelling per route: /api/files/ is a 404
    app.state.cache = renders
    app.add_middleware(LimitRequests)
    return app


async def _warm(cache: RenderCache, answers: Sequence[params.Answers]) -> None:
    for each in answers:
        with contextlib.suppress(Exception):  # a participant's request will show the error
            await cache.get(each)


def _query(request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
    query: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in query:
            raise params.BadRequest(f"Parameter {key[:40]!r} is given twice.", "Give it once.")
        query[key] = value
    params.check_params(query, allowed)
    return query


async def _built(request: Request, *extra: str) -> tuple[params.Answers, Built]:
    answers = params.parse_answers(_query(request, (*params.PROJECT_PARAMS, *extra)))
    cache: RenderCache = request.app.state.cache
    return answers, await cache.get(answers)


async def _page(request: Request) -> Response:
    return assets.response("index.html")


async def _asset(request: Request) -> Response:
    return assets.response(request.path_params["name"])


async def _catalogue(request: Request) -> Response:
    _query(request, ())
    questions = {
        "team": [{"value": v, "label": label} for label, v in TEAMS.items()],
        "frontend": [{"value": v, "label": label} for label, v in FRONTENDS.items()],
        "needs": [{"value": t, "label": NEEDS[f]} for t, f in params.NEED_TOKENS.items()],
    }
    defaults = {
        "name": params.DEFAULT_NAME,
        "stack": DEFAULT_STACK,
        "db": DEFAULT_DB,
        "lang": DEFAULT_LANGUAGE,
    }
    return JSONResponse({**catalogue(), "questions": questions, "defaults": defaults})


async def _recommend(request: Request) -> Response:
    needs = params.parse_needs(_query(request, params.NEEDS_PARAMS))
    return JSONResponse(recommend(needs).to_json())


async def _files(request: Request) -> Response:
    answers, built = await _built(request)
    return JSONResponse(
        {
            "files": built.snapshot.listing(),
            "command": params.new_command(answers),
            "answers": {
                "name": answers.name,
                "stack": answers.stack,
                "features": list(answers.features),
                "db": answers.db,
                "language": answers.language,
            },
        }
    )


async def _file(request: Request) -> Response:
    if "path" not in request.query_params:
        raise params.BadRequest("The path parameter is missing.", "Add path=README.md.")
    path = params.project_path(request.query_params["path"])
    _, built = await _built(request, "path")
    entry = built.snapshot.files.get(path)
    if entry is None or entry.link:
        raise HTTPException(404, f"No file {path!r} in this project; /api/files lists them.")
    try:
        return Response(entry.data.decode(), media_type="text/plain; charset=utf-8")
    except UnicodeDecodeError:
        return Response(entry.data, media_type="application/octet-stream")


async def _zip(request: Request) -> Response:
    answers, built = await _built(request)
    body = zipping.with_env_files(built.zip, answers.name, built.snapshot)
    return Response(
        body,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{answers.name}.zip"'},
    )


def _error(
    status: int, message: str, fix: str, headers: Mapping[str, str] | None = None
) -> Response:
    return JSONResponse({"error": {"message": message, "fix": fix}}, status, headers=headers)


async def _user_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UserError)
    # Validated answers that still fail to render are scaffold's fault, not the user's.
    status = 500 if isinstance(exc, TemplateError | CommandFailed) else 400
    return _error(status, exc.message, exc.hint)


async def _busy(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Busy)
    return _error(
        503,
        "Too many different projects are being rendered right now.",
        f"Retry in {exc.retry_after} seconds (the page does it by itself).",
        {"Retry-After": str(exc.retry_after)},
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    fix = "See GET / for the page and /api/catalogue for what the API offers."
    message = exc.detail if exc.status_code == 404 and exc.detail != "Not Found" else None
    return _error(exc.status_code, message or f"{exc.detail}: {request.url.path[:80]}", fix)
