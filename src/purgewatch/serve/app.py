"""`purgewatch serve`: the web app. Server-rendered pages over the same functions as the JSON API.

Everything the pages need (styles, the network script and its library) is served from the package, so
the app works offline. Markup in documents is always shown as text (Jinja autoescaping), and every
response carries a strict Content-Security-Policy.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import (
    Depends,
    FastAPI,
    File,
    Form,
    HTTPException,
    Query,
    Request,
    UploadFile,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from purgewatch import __version__
from purgewatch.serve import api, charts
from purgewatch.store import Store, browse
from purgewatch.store.repository import EventFilter

HERE = resources.files("purgewatch.serve")
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
TYPES = list(charts.TYPE_COLOURS)
FACTUALITY = ["asserted", "reported", "speculative", "negated"]


def create_app(db: str | None = None, upload_token: str | None = None, model: str | None = None,
               store: Store | None = None, ontology: str | None = None) -> FastAPI:
    """The app for one database. `upload_token`: allow uploads with this token; None keeps it read-only."""
    app = FastAPI(title="purgewatch", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Personnel events from reports about purges, with their evidence.")
    app.state.store = store or Store(db)
    app.state.upload_token = upload_token or None
    app.state.model = model

    @functools.cache
    def extractor() -> Any:
        from purgewatch.workflow import Extractor
        return Extractor(model, ontology)

    app.state.extractor = extractor
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(version=__version__, quote=quote, colour=charts.colour, types=TYPES,
                                 factualities=FACTUALITY)
    templates.env.filters["q"] = lambda s: quote(str(s), safe="")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
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

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("q", "")
        return templates.TemplateResponse(request, name, {"read_only": not app.state.upload_token, **context},
                                          status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def errors(request: Request, exc: StarletteHTTPException):  # type: ignore[no-untyped-def]
        if request.url.path.startswith("/api/"):
            from fastapi.exception_handlers import http_exception_handler
            return await http_exception_handler(request, exc)
        return page(request, "error.html", status=exc.status_code, status_code=exc.status_code, message=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):  # type: ignore[no-untyped-def]
        if request.url.path.startswith("/api/"):
            from fastapi.exception_handlers import request_validation_exception_handler
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return page(request, "error.html", status=400, status_code=400, message=f"Bad request: {problems}")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request) -> HTMLResponse:
        data = api.summary(app.state.store)
        waves = browse.months(app.state.store)
        return page(request, "overview.html", data=data, chart=charts.waves(waves),
                    legend=charts.legend(sorted({r["type"] for r in waves}, key=TYPES.index)))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events(request: Request, f: Annotated[EventFilter, Depends(api.event_filter)], sort: str = "date",
               desc: bool = False, page_no: Annotated[int, Query(alias="page", ge=1, le=1_000_000)] = 1) -> HTMLResponse:
        result = api.events(app.state.store, f, sort=sort, desc=desc, page=page_no, per_page=50)
        params = {k: v for k, v in request.query_params.items() if k not in {"page"} and v}
        filters = {k: v for k, v in params.items() if k not in {"sort", "desc"}}
        return page(request, "events.html", result=result, params=params, f=f, sort=sort, desc=desc,
                    query=urlencode(params), filter_query=urlencode(filters))

    @app.get("/persons/{person_id}", response_class=HTMLResponse, include_in_schema=False)
    def person(request: Request, person_id: str) -> HTMLResponse:
        from purgewatch.analyze.tenures import Tenure

        data = api.person(app.state.store, person_id)
        tenures = [Tenure.from_dict(t) for t in data["tenures"]]
        return page(request, "person.html", data=data, chart=charts.timeline(tenures, data["events"]),
                    legend=charts.legend(sorted({e["type"] for e in data["events"]}, key=TYPES.index)))

    @app.get("/posts", response_class=HTMLResponse, include_in_schema=False)
    def posts(request: Request) -> HTMLResponse:
        return page(request, "posts.html", posts=api.posts(app.state.store))

    @app.get("/posts/{post}", response_class=HTMLResponse, include_in_schema=False)
    def post(request: Request, post: str) -> HTMLResponse:
        return page(request, "post.html", data=api.post(app.state.store, post))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents(request: Request, page_no: Annotated[int, Query(alias="page", ge=1, le=1_000_000)] = 1) -> HTMLResponse:
        return page(request, "documents.html", result=api.documents(app.state.store, page=page_no))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(request: Request, doc_id: str) -> HTMLResponse:
        return page(request, "document.html", d=api.document(app.state.store, doc_id))

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network(request: Request, person: str | None = None) -> HTMLResponse:
        name = None
        if person:
            try:
                name = app.state.store.find_person(person)[1]
            except Exception:  # noqa: BLE001 - an unknown person shows the whole network
                person = None
        return page(request, "network.html", person=person, person_name=name)

    @app.get("/report", response_class=HTMLResponse, include_in_schema=False)
    def report(period: Annotated[list[str] | None, Query()] = None, org: str | None = None) -> HTMLResponse:
        from purgewatch.errors import PurgewatchError
        from purgewatch.export.report import build

        try:
            return HTMLResponse(build(app.state.store, periods=[p for p in period or [] if p], org=org or None))
        except PurgewatchError as exc:
            raise HTTPException(400, str(exc)) from None

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: str = "") -> HTMLResponse:
        return page(request, "search.html", q=q, results=api.search(app.state.store, q))

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request) -> HTMLResponse:
        return page(request, "upload.html", report=None)

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload(request: Request, token: Annotated[str, Form()] = "",
               files: Annotated[list[UploadFile] | None, File()] = None) -> HTMLResponse:
        try:
            api.check_token(request, token)
            report = api.ingest_uploads(request, files or [])
        except HTTPException as exc:
            return page(request, "upload.html", status=exc.status_code, report=None, error=exc.detail)
        return page(request, "upload.html", report=report)

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        from fastapi.openapi.docs import get_swagger_ui_html
        return get_swagger_ui_html(openapi_url="/api/openapi.json", title="purgewatch API",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg")

    templates.env.globals["pages_around"] = _pages_around
    return app


def _pages_around(page: int, pages: int) -> list[int]:
    """Page numbers to link: the first, the last, and two either side of the current one."""
    keep = {1, pages} | set(range(max(1, page - 2), min(pages, page + 2) + 1))
    return sorted(p for p in keep if 1 <= p <= pages)
