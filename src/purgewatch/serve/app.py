"""`purgewatch serve`: the web app, assembled from the pages router and the JSON API router.

Everything the pages need (styles, the network script and its library) is served from the package, so
the app works offline. Markup in documents is always shown as text (Jinja autoescaping), and every
response carries a strict Content-Security-Policy.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from purgewatch import __version__
from purgewatch.ontology import load_ontology
from purgewatch.serve import api, pages
from purgewatch.serve.templating import HERE, make_templates, page
from purgewatch.store import Store
from purgewatch.workflow import Extractor

UPLOAD_TOKEN_ENV = "PURGEWATCH_UPLOAD_TOKEN"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(db: str | None = None, upload_token: str | None = None, model: str | None = None,
               store: Store | None = None, ontology: str | None = None) -> FastAPI:
    """The app for one database. `upload_token`: allow uploads with this token; None keeps it read-only."""
    app = FastAPI(title="purgewatch", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Personnel events from reports about purges, with their evidence.")
    app.state.store = store or Store(db)
    app.state.upload_token = upload_token or None
    app.state.model = model
    app.state.extractor = functools.cache(lambda: Extractor(model, ontology))  # loaded on the first upload
    app.state.ontology = load_ontology(ontology)
    app.state.templates = make_templates(app.state.ontology)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.middleware("http")(security_headers)
    app.add_exception_handler(StarletteHTTPException, http_errors)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
    return app


def app_from_env() -> FastAPI:
    """The app `purgewatch serve` runs (a uvicorn factory, so the CLI need not import serve): the database,
    model and ontology come from $PURGEWATCH_DB, $PURGEWATCH_MODEL and $PURGEWATCH_ONTOLOGY, the upload
    token from $PURGEWATCH_UPLOAD_TOKEN."""
    return create_app(upload_token=os.environ.get(UPLOAD_TOKEN_ENV) or None)


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for k, v in SECURITY_HEADERS.items():
        if k == "Content-Security-Policy":
            if request.url.path.startswith("/api/docs"):
                continue  # Swagger UI's page starts itself with an inline script
            if request.url.path in {"/network", "/report"}:
                # Cytoscape sets styles; the report is one self-contained file with its own <style>
                v = v.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        response.headers.setdefault(k, v)
    return response


async def http_errors(request: Request, exc: StarletteHTTPException) -> Response:
    if request.url.path.startswith("/api/"):
        return await http_exception_handler(request, exc)
    return page(request, "error.html", status=exc.status_code, status_code=exc.status_code, message=exc.detail)


async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
    if request.url.path.startswith("/api/"):
        return await request_validation_exception_handler(request, exc)
    problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    return page(request, "error.html", status=400, status_code=400, message=f"Bad request: {problems}")
