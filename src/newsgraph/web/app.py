"""The web face: a JSON API under /api/ and server-rendered pages over one database."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.store import StoreError
from newsgraph.store.snapshots import Stores

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BODY = 2 * 1024 * 1024  # bytes per request

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Pure ASGI middleware: CSP and friends on every response, 413 on big bodies."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _too_large(scope, receive, send_with_headers)
            return
        received = 0
        started = False

        async def counted_receive() -> dict:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge()
            return message

        async def tracked_send(message: dict) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send_with_headers(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await _too_large(scope, receive, send_with_headers)


class BodyTooLarge(HTTPException):
    """A streamed request body went past the limit (an HTTPException so handlers pass it on)."""

    def __init__(self) -> None:
        super().__init__(413, "request body too large")


async def _too_large(scope: dict, receive: Any, send: Any) -> None:
    response = JSONResponse({"detail": "request body too large"}, status_code=413)
    await response(scope, receive, send)


def create_app(db: str, token: str | None = None, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The FastAPI app over database ``db``; POST /api/ingest only when ``token`` is set."""
    from newsgraph.web import api, downloads, listing, maps, pages, record_pages, volume
    from newsgraph.web.forms import plain_errors

    try:
        stores = Stores(db)
    except StoreError as exc:
        raise RuntimeError(str(exc)) from exc

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="newsgraph",
        summary="Actors, quotes, places, time and PLOVER events with their evidence.",
        version="1",
        docs_url=None,  # the Swagger page loads a CDN script, which the CSP forbids
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.db = db
    app.state.token = token or None
    app.state.max_body = max_body
    app.state.ingest_lock = threading.Lock()
    app.include_router(api.router)
    app.include_router(maps.router)
    app.include_router(volume.router)
    app.include_router(pages.router)
    app.include_router(record_pages.router)
    app.include_router(downloads.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.api_route("/favicon.ico", methods=["GET", "HEAD"], include_in_schema=False)
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request):
            return JSONResponse(
                {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
            )
        return listing.error_page(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_value(request: Request, exc: RequestValidationError) -> Response:
        lines = plain_errors(exc.errors())
        if _is_api(request):
            return JSONResponse({"detail": "; ".join(lines), "errors": lines}, status_code=422)
        return listing.error_page(request, 422, "; ".join(lines))

    app.add_middleware(GZipMiddleware, minimum_size=1024)  # pages, JSON and CSV compressed
    app.add_middleware(SecurityHeaders, max_body=max_body)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")
