"""The HTML pages. Each view parses its input, calls one library or API function and renders a template."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from purgewatch.errors import PurgewatchError
from purgewatch.export import charts
from purgewatch.serve import api
from purgewatch.serve.templating import page, type_order
from purgewatch.service import analysis
from purgewatch.service.people import person_profile
from purgewatch.store import browse
from purgewatch.store.repository import EventFilter

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PageNo = Annotated[int, Query(alias="page", ge=1, le=1_000_000)]


@router.get("/")
def overview(request: Request, store: api.StoreDep) -> HTMLResponse:
    onto = request.app.state.ontology
    waves = browse.months(store)
    return page(request, "overview.html", data=api.summary(store), chart=charts.waves(waves, onto=onto),
                legend=charts.legend(type_order(onto, {r["type"] for r in waves}), onto=onto))


@router.get("/events")
def events(request: Request, store: api.StoreDep, f: Annotated[EventFilter, Depends(api.event_filter)],
           sort: str = "date", desc: bool = False, page_no: PageNo = 1) -> HTMLResponse:
    result = api.events(store, f, sort=sort, desc=desc, page=page_no, per_page=50)  # type: ignore[arg-type]
    params = {k: v for k, v in request.query_params.items() if k not in {"page"} and v}
    filters = {k: v for k, v in params.items() if k not in {"sort", "desc"}}
    return page(request, "events.html", result=result, params=params, f=f, sort=sort, desc=desc,
                query=urlencode(params), filter_query=urlencode(filters))


@router.get("/persons/{person_id}")
def person(request: Request, store: api.StoreDep, person_id: str) -> HTMLResponse:
    try:
        data = person_profile(store, person_id)
    except PurgewatchError as exc:
        raise HTTPException(404, str(exc)) from None
    onto = request.app.state.ontology
    return page(request, "person.html", data=data, chart=charts.timeline(data.tenures, data.events, onto=onto),
                legend=charts.legend(type_order(onto, {e["type"] for e in data.events}), onto=onto))


@router.get("/posts")
def posts(request: Request, store: api.StoreDep) -> HTMLResponse:
    return page(request, "posts.html", posts=api.posts(store))


@router.get("/posts/{post}")
def post(request: Request, store: api.StoreDep, post: str) -> HTMLResponse:
    return page(request, "post.html", data=api.post(store, post))


@router.get("/documents")
def documents(request: Request, store: api.StoreDep, page_no: PageNo = 1) -> HTMLResponse:
    return page(request, "documents.html", result=api.documents(store, page=page_no))


@router.get("/documents/{doc_id}")
def document(request: Request, store: api.StoreDep, doc_id: str) -> HTMLResponse:
    return page(request, "document.html", d=api.document(store, doc_id))


@router.get("/network")
def network(request: Request, store: api.StoreDep, person: str | None = None) -> HTMLResponse:
    name = None
    if person:
        try:
            name = store.find_person(person)[1]
        except PurgewatchError:  # an unknown person shows the whole network
            person = None
    return page(request, "network.html", person=person, person_name=name)


@router.get("/report")
def report(store: api.StoreDep, period: Annotated[list[str] | None, Query()] = None,
           org: str | None = None) -> HTMLResponse:
    try:
        return HTMLResponse(analysis.report(store, periods=period, org=org))
    except PurgewatchError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/search")
def search(request: Request, store: api.StoreDep, q: str = "") -> HTMLResponse:
    return page(request, "search.html", q=q, results=api.search(store, q))


@router.get("/upload")
def upload_form(request: Request) -> HTMLResponse:
    return page(request, "upload.html", report=None)


@router.post("/upload")
def upload(request: Request, token: Annotated[str, Form()] = "",
           files: Annotated[list[UploadFile] | None, File()] = None) -> HTMLResponse:
    try:
        api.check_token(request, token)
        report = api.ingest_uploads(request, files or [])
    except HTTPException as exc:
        return page(request, "upload.html", status=exc.status_code, report=None, error=exc.detail)
    return page(request, "upload.html", report=report)


@router.get("/api/docs")
def api_docs() -> HTMLResponse:
    from fastapi.openapi.docs import get_swagger_ui_html
    return get_swagger_ui_html(openapi_url="/api/openapi.json", title="purgewatch API",
                               swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                               swagger_css_url="/static/vendor/swagger-ui.css",
                               swagger_favicon_url="/static/favicon.svg")


@router.get("/favicon.ico")
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg")
