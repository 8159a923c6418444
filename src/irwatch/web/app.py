"""The web app: the dashboard's pages and the REST API over one store, read only.

>>> app = create_app("sqlite:///events.db")   # doctest: +SKIP
>>> uvicorn.run(app, port=8000)               # doctest: +SKIP

Other routers (the updates pages) are included with ``app.include_router(router)``; their
templates extend ``base.html`` through ``app.state.templates`` (see :func:`add_templates`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException
from starlette.routing import Match

from irwatch import __version__
from irwatch.errors import IrwatchError, StoreError, UsageError
from irwatch.web import present

if TYPE_CHECKING:
    from irwatch.updates.settings import UpdatesSettings

HERE = Path(__file__).resolve().parent
log = logging.getLogger("irwatch.web")

#: Sent with every answer. No inline script or style anywhere: the pages load theirs from /static.
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}

#: The links of the navigation bar; a link whose route is not mounted is not shown (/updates
#: appears once the updates router is included).
NAV: tuple[tuple[str, str], ...] = (
    ("/", "Overview"),
    ("/search", "Search"),
    ("/updates", "Updates"),
    ("/api/v1/openapi.json", "API"),
)


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the dashboard behaves.

    page_size: events per page of the HTML lists; api_limit: events per API page when the
    client does not say (at most :data:`irwatch.web.params.MAX_LIMIT`); top_dyads: dyads on
    the overview; summary_seconds: how long the overview's summaries of the whole store
    (counts, series, map) are kept before they are computed again (0: never kept); title: the
    site's name in every page.
    """

    page_size: int = 50
    api_limit: int = 100
    top_dyads: int = 10
    summary_seconds: float = 60.0
    title: str = "irwatch"


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP answer, and a
    ``Server-Timing`` header with the milliseconds the app took to start answering."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = time.perf_counter()

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                present_keys = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present_keys]
                # the server's time to the answer's start: what bench/web.py reports
                took = f"app;dur={(time.perf_counter() - started) * 1000:.1f}".encode()
                extra.append((b"server-timing", took))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def add_templates(app: FastAPI, directory: str | Path) -> None:
    """Let templates in ``directory`` be rendered by ``app.state.templates`` (and extend
    ``base.html``): for routers included into the app."""
    loader = app.state.templates.env.loader
    assert isinstance(loader, ChoiceLoader)
    loader.loaders = [*loader.loaders, FileSystemLoader(str(directory))]


def _mounted(app: FastAPI, path: str) -> bool:
    """Whether a GET of ``path`` reaches a route of ``app`` (included routers too)."""
    scope = {"type": "http", "path": path, "method": "GET", "root_path": "", "headers": []}
    return any(route.matches(scope)[0] == Match.FULL for route in app.routes)


def _nav(request: Request) -> dict[str, Any]:
    app = request.app
    links = getattr(app.state, "nav", None)
    if links is None:  # once: by the first request every router is included
        links = app.state.nav = [(href, label) for href, label in NAV if _mounted(app, href)]
    return {"nav": links, "settings": app.state.settings, "version": __version__}


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(HERE / "templates"))]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    present.install(env)
    return Jinja2Templates(env=env, context_processors=[_nav])


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str) -> Response:
    """An error as JSON (``{"error": message}``) under /api, else as a page; never a traceback."""
    headers = dict(SECURITY_HEADERS)
    if _is_api(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )
    response.headers.update(headers)
    return response


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return "; ".join(parts) or "invalid request"


def _install_errors(app: FastAPI) -> None:
    async def usage(request: Request, exc: Exception) -> Response:
        return error_response(request, 422, str(exc))

    async def validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, _validation_message(exc))

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = str(exc.detail) if exc.detail else "error"
        response = error_response(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def store(request: Request, exc: Exception) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, 503, "the event store cannot be read just now")

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(request, 500, "internal error")

    app.add_exception_handler(UsageError, usage)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(StoreError, store)
    app.add_exception_handler(IrwatchError, usage)
    app.add_exception_handler(Exception, unexpected)


def create_app(
    db_url: str, *, settings: WebSettings | None = None, updates: UpdatesSettings | None = None
) -> FastAPI:
    """The dashboard and the API over the store at ``db_url`` (opened now: a bad URL fails here);
    with ``updates``, the subscription pages of International Relations Updates too."""
    from irwatch.store import open_store
    from irwatch.web import api, pages

    store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="irwatch",
        version=__version__,
        description="International-relations events: dated, sourced, PLOVER/CAMEO coded.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: not here
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.settings = settings or WebSettings()
    app.state.templates = _templates()
    app.state.summaries = {}  # the overview's, see pages._summary
    app.add_middleware(SecurityHeaders)
    _install_errors(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    if updates is not None:  # the subscription pages: the only routes that write
        from irwatch.updates.web import updates_router

        app.include_router(updates_router(updates, store))
    return app


def updates_from_env() -> UpdatesSettings | None:
    """The settings of the subscription pages when ``$IRWATCH_SECRET`` is set, else None (the
    dashboard is served read-only); bad settings raise :class:`irwatch.errors.UpdatesError`."""
    import os

    if not os.environ.get("IRWATCH_SECRET"):
        return None
    from irwatch.updates.settings import UpdatesSettings

    return UpdatesSettings.from_env()


__all__ = [
    "SECURITY_HEADERS",
    "WebSettings",
    "add_templates",
    "create_app",
    "error_response",
    "updates_from_env",
]
