"""Read-side queries for browsing (the web UI and its JSON API): pages of events, counts per month,
search, documents with their highlights, the rows behind the network of who replaced and who ordered whom.

Every query is bounded (paged or limited) so that pages stay fast on large databases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal_column, or_, select, tuple_

from purgewatch.normalize.posts import display_post
from purgewatch.records import LinkRow
from purgewatch.store.models import Document, Event, Holding, Resolution
from purgewatch.store.repository import EventFilter, Store, resolve_pairs, to_record

SORTS = {"date": Event.date, "type": Event.type, "person": Event.person_name, "doc": Event.doc_id,
         "position": Event.position}


@dataclass
class Page:
    total: int
    rows: list[dict[str, Any]]
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def with_person_ids(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add `person_id` (the resolved person) to event records, with one query for the whole page."""
    pairs = {(r["doc"], r["person"]) for r in rows if r.get("person")}
    ids: dict[tuple[str, str], str] = {}
    if pairs:
        with store.session() as s:
            ids = {k: v[0] for k, v in resolve_pairs(s, pairs).items()}
    for r in rows:
        r["person_id"] = ids.get((r["doc"], r.get("person") or ""))
    return rows


def events_page(store: Store, f: EventFilter, sort: str = "date", desc: bool = False, page: int = 1,
                per_page: int = 50) -> Page:
    """One page of filtered, sorted events, with the total."""
    page, per_page = max(1, page), max(1, min(per_page, 500))
    q = store._query(f)
    with store.session() as s:
        total = s.scalar(q.with_only_columns(func.count(Event.id)).order_by(None)) or 0
        order: list[Any]
        if sort == "date" or sort not in SORTS:
            # undated last either way; each order has its index (ix_events_date_order, _desc)
            # (literal constants: a bound parameter would not match the indexed expression)
            order = [func.coalesce(Event.date, literal_column("'0000'")).desc(), Event.id.desc()] if desc else \
                [func.coalesce(Event.date, literal_column("'9999'")).asc(), Event.id.asc()]
        else:
            column = SORTS[sort]
            order = [column.is_(None), column.desc() if desc else column.asc(), Event.doc_id, Event.seq]
        rows = [to_record(e) for e in s.scalars(q.order_by(*order).limit(per_page).offset((page - 1) * per_page))]
    return Page(total, with_person_ids(store, rows), page, per_page)


def overview(store: Store) -> dict[str, Any]:
    with store.session() as s:
        docs = s.scalar(select(func.count()).select_from(Document)) or 0
        events = s.scalar(select(func.count()).select_from(Event)) or 0
        persons = s.scalar(select(func.count(func.distinct(Resolution.person_id)))) or 0
        posts = s.scalar(select(func.count(func.distinct(Event.post_key)))) or 0
        by_type = dict(s.execute(select(Event.type, func.count()).group_by(Event.type)).all())
        span = s.execute(select(func.min(Event.date), func.max(Event.date))).one()
    latest = with_person_ids(store, store.events(EventFilter(limit=10), order="latest"))
    return {"documents": docs, "events": events, "persons": persons, "posts": posts,
            "events_by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
            "first_date": span[0], "last_date": span[1], "latest": latest}


def months(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events per month and type (only events dated at least to the month): the purge waves."""
    month = func.substr(Event.date, 1, 7)
    q = store._query(f or EventFilter()).with_only_columns(month, Event.type, func.count()).where(
        func.length(Event.date) >= 7).group_by(month, Event.type).order_by(month)
    with store.session() as s:
        return [{"month": m, "type": t, "events": n} for m, t, n in s.execute(q.order_by(None).order_by(month))]


def search(store: Store, q: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Persons, posts and documents whose name, wording or title contains the query."""
    q = q.strip()
    if not q:
        return {"persons": [], "posts": [], "documents": []}
    like = f"%{q}%"
    with store.session() as s:
        persons = s.execute(select(Resolution.person_id, func.min(Resolution.person_name), func.count())
                            .where(or_(Resolution.name.ilike(like), Resolution.person_name.ilike(like)))
                            .group_by(Resolution.person_id).order_by(func.count().desc()).limit(limit)).all()
        posts = s.execute(select(Event.post_key, func.count()).where(Event.post_key.ilike(like))
                          .group_by(Event.post_key).order_by(func.count().desc()).limit(limit)).all()
        docs = s.execute(select(Document.id, Document.title, Document.published)
                         .where(or_(Document.id.ilike(like), Document.title.ilike(like)))
                         .order_by(Document.published.desc()).limit(limit)).all()
    return {
        "persons": [{"id": p, "name": n, "mentions": c} for p, n, c in persons],
        "posts": [{"key": k, "name": display_post(k), "events": c} for k, c in posts],
        "documents": [{"id": d, "title": t, "published": p.isoformat() if p else None} for d, t, p in docs],
    }


def documents(store: Store, page: int = 1, per_page: int = 50) -> Page:
    with store.session() as s:
        total = s.scalar(select(func.count()).select_from(Document)) or 0
        counts = select(Event.doc_id, func.count().label("n")).group_by(Event.doc_id).subquery()
        q = (select(Document.id, Document.title, Document.published, Document.outlet, Document.country,
                    func.coalesce(counts.c.n, 0))
             .outerjoin(counts, counts.c.doc_id == Document.id)
             .order_by(Document.published.desc(), Document.id).limit(per_page).offset((max(1, page) - 1) * per_page))
        rows = [{"id": i, "title": t, "published": p.isoformat() if p else None, "outlet": o, "country": c,
                 "events": n} for i, t, p, o, c, n in s.execute(q)]
    return Page(total, rows, page, per_page)


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document's metadata, text, events, and the text cut into segments for highlighting."""
    with store.session() as s:
        d = s.get(Document, doc_id)
        if d is None:
            return None
        names = {n: (p, pn) for n, p, pn in s.execute(select(Resolution.name, Resolution.person_id,
                                                             Resolution.person_name)
                                                      .where(Resolution.doc_id == doc_id))}
        meta: dict[str, Any] = {"id": d.id, "title": d.title, "url": d.url, "outlet": d.outlet, "country": d.country,
                "published": d.published.isoformat() if d.published else None, "path": d.path,
                "extractor": d.extractor, "text": d.text}
    events = with_person_ids(store, store.events(EventFilter(doc=doc_id), order="doc"))
    meta["events"] = events
    meta["segments"] = segments(meta["text"], events, name_spans(meta["text"], names))
    return meta


def name_spans(text: str, names: dict[str, tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, person id) of every whole-word occurrence of a name, longest names first: the fallback
    for documents stored before mention spans were kept."""
    return [(m.start(), m.end(), pid) for name, (pid, _) in sorted(names.items(), key=lambda kv: -len(kv[0]))
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)]


def segments(text: str, events: list[dict[str, Any]], spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The text as runs, each marked with the events whose evidence covers it and the person it names.

    `spans`: (start, end, person id) of each person mention; where two overlap, the first wins.
    Plain data: the template escapes every run, so markup in a document is shown as text.
    """
    n = len(text)
    cover: dict[int, list[str]] = {}
    for e in events:
        if e.get("start") is None or e.get("end") is None:
            continue
        for i in range(max(0, e["start"]), min(n, e["end"])):
            cover.setdefault(i, []).append(e["id"])
    person_at: dict[int, str] = {}
    for start, end, pid in spans:
        if any(i in person_at for i in range(start, end)):
            continue
        for i in range(max(0, start), min(n, end)):
            person_at[i] = pid
    out: list[dict[str, Any]] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or cover.get(i, []) != cover.get(start, []) or person_at.get(i) != person_at.get(start):
            out.append({"text": text[start:i], "events": list(cover.get(start, ())), "person": person_at.get(start)})
            start = i
    return out


def network_rows(store: Store, factual: Iterable[str], person_id: str | None = None, limit: int = 1000
                 ) -> tuple[list[LinkRow], dict[tuple[str, str], tuple[str, str]]]:
    """The latest `limit` events of the given factualities that link their person to another (replaces,
    replaced by, agent), with every name's (person id, display name); with `person_id`, the person's own
    links wherever they are in time. `analyze.network.stated_network` builds the network from them."""
    with store.session() as s:
        q = (select(Event.doc_id, Event.type, Event.person_name, Event.replaces, Event.replaced_by, Event.agent,
                    Event.date, Event.position, Event.id)
             .where(Event.person_name.is_not(None), Event.factuality.in_(list(factual)),
                    or_(Event.replaces.is_not(None), Event.replaced_by.is_not(None), Event.agent.is_not(None)))
             .order_by(Event.date.desc()).limit(limit))
        if person_id is not None:
            names = select(Resolution.doc_id, Resolution.name).where(Resolution.person_id == person_id)
            q = q.where(or_(*[tuple_(Event.doc_id, col).in_(names) for col in
                              (Event.person_name, Event.replaces, Event.replaced_by, Event.agent)]))
        rows: list[LinkRow] = [tuple(r) for r in s.execute(q)]  # type: ignore[misc]
        pairs = {(r[0], n) for r in rows for n in (r[2], r[3], r[4], r[5]) if n}
        ids = resolve_pairs(s, pairs)
    return rows, ids


def posts(store: Store, limit: int = 200) -> list[dict[str, Any]]:
    """Posts by how many events and holders name them."""
    with store.session() as s:
        rows = s.execute(select(Event.post_key, func.count(), func.min(Event.date), func.max(Event.date))
                         .where(Event.post_key.is_not(None), Event.post_key != "")
                         .group_by(Event.post_key).order_by(func.count().desc()).limit(limit)).all()
        held: dict[str | None, int] = dict(s.execute(select(Holding.post_key, func.count()).group_by(Holding.post_key)).all())
    return [{"key": k, "name": display_post(k), "events": n, "holders_seen": held.get(k, 0), "first": a, "last": b}
            for k, n, a, b in rows]
