"""The analyst's desk: one FastAPI application over one store — pages for people, /api/v1 for
programs, both from the same views. `create_app(store)`; `tocsin serve` runs it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tocsin import __version__
from tocsin.errors import TocsinError
from tocsin.store import Store
from tocsin.web import api, pages
from tocsin.web.auth import NotSignedIn, Throttle, refusal
from tocsin.web.snapshot import Desk

log = logging.getLogger("tocsin")
STATIC = Path(__file__).parent / "static"


def create_app(
    store: Store,
    rules_path: str | None = None,
    entities: str | None = None,
    forecast: dict[str, dict[str, Any]] | None = None,
    desk: Desk | None = None,
) -> FastAPI:
    app = FastAPI(
        title="Tocsin",
        version=__version__,
        description=(
            "Atrocity-crimes early warning: claims with their evidence, incidents, risk "
            "profiles and alerts. Authenticate with `Authorization: Bearer TOKEN` "
            "(`tocsin users token NAME`); a store with no users needs none. Claims are what "
            "sources say, never established facts."
        ),
        openapi_url="/api/v1/openapi.json",
        # no Swagger UI: it loads its scripts from a CDN, and the desk loads nothing from
        # elsewhere; the schema itself is what clients and tools read
        docs_url=None,
        redoc_url=None,
    )
    app.state.desk = desk or Desk(store, rules_path, entities)
    app.state.forecast = forecast
    app.state.throttle = Throttle()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        # asked once per request: the route's role check reads it again (auth.has_users)
        request.state.has_users = app.state.desk.store.has_users()
        why = refusal(request, request.state.has_users)
        if why is not None:
            if wants_json(request):
                return JSONResponse({"detail": why}, 403)
            return Response(why + "\n", 403, media_type="text/plain")
        response: Response = await call_next(request)
        # nothing from elsewhere, ever: the desk is offline by design, and hostile text in a
        # document must not be able to run or phone home
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target, safe='')}", 303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        reason = str(exc.detail)
        if wants_json(request):
            return JSONResponse({"detail": reason}, exc.status_code, headers=exc.headers)
        return pages.render_error(request, exc.status_code, reason)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5]
        )
        if wants_json(request):
            return JSONResponse({"detail": problems, "errors": _plain(exc.errors())}, 422)
        return pages.render_error(request, 422, problems)

    @app.exception_handler(TocsinError)
    async def refused(request: Request, exc: TocsinError) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": str(exc)}, 422)
        return pages.render_error(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("desk error on %s", request.url.path)
        reason = "internal error: the server log has the details; nothing was changed"
        if wants_json(request):
            return JSONResponse({"detail": reason}, 500)
        return pages.render_error(request, 500, reason)

    return app


def _plain(errors: Any) -> list[dict[str, Any]]:
    """Validation errors as JSON can carry them (pydantic may include exception objects)."""
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in errors]
