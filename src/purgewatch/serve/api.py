"""The JSON API under /api. The HTML pages call these same functions, so page and API never disagree."""

from __future__ import annotations

import re
import secrets
from typing import Annotated, Any, Literal

from fastapi import (
    APIRouter,
    Depends,
    Header,
    HTTPException,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUploadFile

from purgewatch.analyze.queries import web_network
from purgewatch.errors import PurgewatchError
from purgewatch.service import documents as documents_service
from purgewatch.service import ingesting
from purgewatch.service.people import person_profile
from purgewatch.service.posts import post_profile
from purgewatch.service.tabular import to_csv
from purgewatch.store import Store, browse
from purgewatch.store.repository import EventFilter, dumps

router = APIRouter(prefix="/api", tags=["api"])
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty is allowed: an empty form field means no filter
Factuality = Literal["asserted", "reported", "speculative", "negated", ""]
Sort = Literal["date", "type", "person", "doc", "position"]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such record"}}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


StoreDep = Annotated[Store, Depends(get_store)]


def _date(value: str | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    if not DATE_RE.fullmatch(value or ""):
        raise HTTPException(400, f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def event_filter(
    type: Annotated[str | None, Query(description="Event type(s), comma-separated.")] = None,
    person: Annotated[str | None, Query(description="Part of a person's name.")] = None,
    person_id: Annotated[str | None, Query(description="A resolved person's id (every spelling).")] = None,
    org: Annotated[str | None, Query(description="Part of a post or organisation.")] = None,
    since: Annotated[str | None, Query(description="From this date (YYYY[-MM[-DD]]).", pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(description="Up to this date (YYYY[-MM[-DD]]).", pattern=DATE_PATTERN)] = None,
    factuality: Annotated[Factuality | None, Query(description="asserted, reported, speculative or negated.")] = None,
    doc: Annotated[str | None, Query(description="Document id.")] = None,
) -> EventFilter:
    """The filters shared by the events page, its downloads and the API."""
    return EventFilter(type=type or None, person=person or None, person_id=person_id or None, org=org or None,
                       since=_date(since, "since"), until=_date(until, "until"), factuality=factuality or None,
                       doc=doc or None)


FilterDep = Annotated[EventFilter, Depends(event_filter)]


@router.get("/summary", summary="Counts, events by type and the latest events")
def summary(store: StoreDep) -> dict[str, Any]:
    return browse.overview(store)


@router.get("/months", summary="Events per month and type (the purge waves)")
def months(store: StoreDep, f: FilterDep) -> list[dict[str, Any]]:
    return browse.months(store, f)


@router.get("/events", summary="A page of events, filtered and sorted")
def events(store: StoreDep, f: FilterDep, sort: Sort = "date", desc: bool = False,
           page: Annotated[int, Query(ge=1, le=1_000_000)] = 1, per_page: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    if sort not in browse.SORTS:
        raise HTTPException(400, f"sort: one of {', '.join(browse.SORTS)}")
    p = browse.events_page(store, f, sort=sort, desc=desc, page=page, per_page=per_page)
    return {"total": p.total, "page": p.page, "per_page": p.per_page, "pages": p.pages, "rows": p.rows}


class JSONLinesResponse(Response):
    media_type = "application/x-ndjson"


class CSVResponse(Response):
    media_type = "text/csv"


@router.get("/events.jsonl", summary="All filtered events as the spec's JSON Lines", response_class=JSONLinesResponse)
def events_jsonl(store: StoreDep, f: FilterDep) -> Response:
    body = "".join(dumps(r) + "\n" for r in store.events(f))
    return JSONLinesResponse(body, headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})


@router.get("/events.csv", summary="All filtered events as CSV", response_class=CSVResponse)
def events_csv(store: StoreDep, f: FilterDep) -> Response:

    return CSVResponse(to_csv(store.events(f)), headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/persons/{person_id}", summary="A person: every spelling, events, tenures", responses=NOT_FOUND)
def person(store: StoreDep, person_id: str) -> dict[str, Any]:
    try:
        return person_profile(store, person_id).as_dict()
    except PurgewatchError as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/posts", summary="Posts by number of events")
def posts(store: StoreDep) -> list[dict[str, Any]]:
    return browse.posts(store)


@router.get("/posts/{post}", summary="A post's succession: holders, dates, end causes, evidence",
            responses=NOT_FOUND)
def post(store: StoreDep, post: str) -> dict[str, Any]:
    try:
        answer = post_profile(store, post)
    except PurgewatchError as exc:
        raise HTTPException(404, str(exc)) from None
    if not answer.tenures:
        raise HTTPException(404, f"no holders known for the post {post!r}")
    return {"key": answer.key, "name": answer.post, "tenures": [t.as_dict() for t in answer.tenures]}


@router.get("/documents", summary="Documents, newest first")
def documents(store: StoreDep, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
              per_page: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    p = browse.documents(store, page, per_page)
    return {"total": p.total, "page": p.page, "per_page": p.per_page, "pages": p.pages, "rows": p.rows}


@router.get("/documents/{doc_id}", summary="A document: text, events, highlight segments", responses=NOT_FOUND)
def document(store: StoreDep, doc_id: str) -> dict[str, Any]:
    d = documents_service.document(store, doc_id)
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return d


@router.get("/network", summary="Who replaced whom and who ordered what against whom")
def network(store: StoreDep, person: str | None = None,
            limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
    return web_network(store, person_id=person or None, limit=limit)


@router.get("/search", summary="Persons, posts and documents matching a query")
def search(store: StoreDep, q: str = "") -> dict[str, list[dict[str, Any]]]:
    return browse.search(store, q)


def check_token(request: Request, token: str | None) -> None:
    """Uploads need the token the server was started with; without one the app is read-only."""
    expected = request.app.state.upload_token
    if not expected:
        raise HTTPException(403, "this server is read-only: start it with --upload-token to allow uploads")
    if not token or not secrets.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(401, "wrong or missing upload token")


def ingest_uploads(request: Request, files: list[UploadFile] | list[StarletteUploadFile]) -> dict[str, Any]:
    """Ingest uploaded files (see `service.ingesting.ingest_uploads`); a refused upload is an HTTP error."""
    state = request.app.state
    try:
        result: dict[str, Any] = ingesting.ingest_uploads(state.store, [ingesting.Upload(f.filename, f.file) for f in files],
                                                          model=state.model, extractor=state.extractor())
    except ingesting.UploadError as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return result


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                               "description": "Documents to ingest."}}}}}}}


@router.post("/documents", summary="Upload documents (needs the upload token as a Bearer token)", responses={
    400: {"description": "No files"}, 401: {"description": "Wrong or missing token"},
    403: {"description": "The server is read-only (started without an upload token)"},
    413: {"description": "A file is too large"}, 415: {"description": "A file type that cannot be ingested"}},
    openapi_extra=UPLOAD_BODY)
async def upload(request: Request, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """The token is checked before the body is read: a read-only server refuses every upload the same way."""
    token = authorization.removeprefix("Bearer ").strip() if authorization else None
    check_token(request, token)
    try:
        form = await request.form(max_files=100, max_fields=100)
    except Exception as exc:  # a malformed multipart body is the client's error
        raise HTTPException(400, f"could not read the uploaded form: {exc}") from None
    files = [f for f in form.getlist("files") if isinstance(f, StarletteUploadFile)]
    return await run_in_threadpool(ingest_uploads, request, files)
