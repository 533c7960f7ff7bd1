"""Write documents with their events (one transaction each) and read events back as spec records."""

from __future__ import annotations

import functools
import hashlib
import json
import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, delete, exists, func, or_, select, text, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from purgewatch.errors import PurgewatchError
from purgewatch.normalize.names import surname_key
from purgewatch.normalize.posts import post_key
from purgewatch.records import Event as EventRecord
from purgewatch.records import EventRow, HoldingRow, NeighbourRow, SourceDocument
from purgewatch.records import Holding as HoldingRecord
from purgewatch.records import Mention as MentionRecord
from purgewatch.resolve.country import report_country
from purgewatch.resolve.inputs import EventNames, HoldingNames, ResolutionInputs, resolve_people
from purgewatch.resolve.lookup import matching_people
from purgewatch.resolve.persons import Resolved
from purgewatch.store.db import open_engine
from purgewatch.store.models import (
    Document,
    Event,
    Evidence,
    Holding,
    MentionSpan,
    Override,
    Person,
    PersonAlias,
    Resolution,
)


@dataclass
class EventFilter:
    """What `purgewatch events` and the API filter on. Dates compare as ISO strings at any precision."""

    type: str | None = None
    person: str | None = None
    org: str | None = None
    since: str | None = None
    until: str | None = None
    doc: str | None = None
    factuality: str | None = None
    person_id: str | None = None  # a resolved person (every spelling, every document)
    limit: int | None = None
    offset: int = 0


def event_id(doc_id: str, ev: EventRecord) -> str:
    parts = [doc_id, ev.type, ev.person or "", ev.group.description if ev.group else "", str(ev.start),
             ev.position or "", ev.date or ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


T = TypeVar("T")
RETRIES = 6


def retried(fn: Callable[..., T]) -> Callable[..., T]:
    """Run a write again when another writer got in the way: a lock or a stale snapshot (SQLite), a
    serialization failure or deadlock (PostgreSQL), or a row another writer inserted first. Each attempt is
    a whole transaction, so a retry starts from the database as it now is."""
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> T:
        for attempt in range(RETRIES):
            try:
                return fn(*args, **kwargs)
            except (OperationalError, IntegrityError) as exc:
                text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
                transient = isinstance(exc, IntegrityError) or any(
                    w in text for w in ("locked", "busy", "deadlock", "could not serialize", "snapshot"))
                if not transient or attempt == RETRIES - 1:
                    raise
                time.sleep(0.05 * 2 ** attempt + random.random() * 0.05)
        raise AssertionError("unreachable")
    return run


class Store:
    """The database behind purgewatch: SQLite file by default, PostgreSQL in production.

    Several processes may write at once: each document is one transaction, writes that collide are
    retried, and person resolution is serialized (an advisory lock on PostgreSQL)."""

    def __init__(self, url: str | None = None) -> None:
        self.engine = open_engine(url)
        self.session = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    # --- writing -----------------------------------------------------------------
    def stored_state(self, doc_id: str) -> tuple[str, str] | None:
        """(content hash, extractor) of a stored document: equal to the new one's means nothing to do."""
        with self.session() as s:
            row = s.execute(select(Document.content_hash, Document.extractor).where(Document.id == doc_id)).first()
            return (row[0], row[1]) if row else None

    @retried
    def save(self, doc: SourceDocument, events: list[EventRecord], extractor: str,
             holdings: Iterable[HoldingRecord] = (), mentions: Iterable[MentionRecord] = ()) -> str:
        """Store a document and replace its events, holdings and person mention spans, atomically.
        Returns 'added', 'replaced' or 'unchanged'. Person resolution is rebuilt by `resolve_people`."""
        with self.session.begin() as s:
            old = s.get(Document, doc.doc_id)
            if old is not None and old.content_hash == doc.content_hash and old.extractor == extractor:
                return "unchanged"
            status = "added" if old is None else "replaced"
            if old is not None:
                s.execute(delete(Evidence).where(Evidence.doc_id == doc.doc_id))
                s.execute(delete(Event).where(Event.doc_id == doc.doc_id))
                s.execute(delete(Holding).where(Holding.doc_id == doc.doc_id))
                s.execute(delete(MentionSpan).where(MentionSpan.doc_id == doc.doc_id))
                s.execute(delete(Resolution).where(Resolution.doc_id == doc.doc_id))
                s.delete(old)
                s.flush()
            s.add(Document(
                id=doc.doc_id, path=doc.path, title=doc.title, url=doc.url, outlet=doc.outlet,
                published=doc.published, language=doc.language, content_hash=doc.content_hash,
                text=doc.text, extractor=extractor, ingested_at=datetime.now(UTC).replace(tzinfo=None),
                country=report_country(doc, events),
            ))
            for h in holdings:
                s.add(Holding(doc_id=doc.doc_id, person_name=h.person, position=h.position,
                              post_key=post_key(h.position), org=h.org, date=h.date, sentence=h.evidence,
                              start=h.start, end=h.end, since=h.since))
            s.add_all(MentionSpan(doc_id=doc.doc_id, start=m.start, end=m.end, name=m.name) for m in mentions)
            seen: set[str] = set()
            for seq, ev in enumerate(events):
                eid = event_id(doc.doc_id, ev)
                if eid in seen:
                    continue
                seen.add(eid)
                person = self._person(s, ev.person) if ev.person else None
                row = Event(
                    id=eid, doc_id=doc.doc_id, type=ev.type, person=person, person_name=ev.person,
                    group_description=ev.group.description if ev.group else None,
                    group_count=ev.group.count if ev.group else None,
                    position=ev.position, org=ev.org, date=ev.date, replaces=ev.replaces,
                    replaced_by=ev.replaced_by, charge=ev.charge, agent=ev.agent, factuality=ev.factuality, seq=seq,
                    post_key=post_key(ev.position) if ev.position else None,
                )
                row.evidence.append(Evidence(
                    doc_id=doc.doc_id, start=ev.start, end=ev.end, sentence=ev.evidence, extractor=extractor,
                    status="inferred" if ev.extras.get("implied") else "extracted",
                ))
                s.add(row)
            return status

    @staticmethod
    def _person(s: Session, name: str) -> Person:
        """The name's row, inserted if new; another writer inserting it at the same time is no error."""
        person = s.scalar(select(Person).where(Person.name == name))
        if person is None:
            dialect = s.get_bind().dialect.name
            if dialect in {"postgresql", "sqlite"}:
                insert = pg_insert if dialect == "postgresql" else sqlite_insert
                s.execute(insert(Person).values(name=name, surname_key=surname_key(name))
                          .on_conflict_do_nothing(index_elements=["name"]))
                person = s.scalar(select(Person).where(Person.name == name))
                assert person is not None
                if not person.aliases:
                    person.aliases.append(PersonAlias(alias=name))
            else:
                person = Person(name=name, surname_key=surname_key(name))
                person.aliases.append(PersonAlias(alias=name))
                s.add(person)
            s.flush()
        return person

    # --- people across documents ---------------------------------------------------
    @retried
    def resolve_people(self) -> int:
        """Rebuild which person every name in every document is (resolve.inputs), with the analysts'
        merges and splits applied last, in one transaction. Returns the number of persons."""
        with self.session.begin() as s:
            if s.get_bind().dialect.name == "postgresql":
                s.execute(text("SELECT pg_advisory_xact_lock(7366)"))  # one resolution at a time
            resolved = resolve_people(self.resolution_inputs(s))
            self.write_resolution(s, resolved)
            return len({r.person_id for r in resolved.values()})

    @staticmethod
    def resolution_inputs(s: Session) -> ResolutionInputs:
        """Every stored name with its document, post key and date, and the overrides in order."""
        events: list[EventNames] = [
            (doc_id, name, key, when, (repl, repl_by, agent))
            for doc_id, name, key, when, repl, repl_by, agent in s.execute(select(
                Event.doc_id, Event.person_name, Event.post_key, Event.date, Event.replaces, Event.replaced_by,
                Event.agent))]
        holdings: list[HoldingNames] = [
            (doc_id, name, key, when) for doc_id, name, key, when in s.execute(
                select(Holding.doc_id, Holding.person_name, Holding.post_key, Holding.date))]
        overrides = [(o.kind, o.a, o.b) for o in s.scalars(select(Override).order_by(Override.id))]
        return ResolutionInputs(events, holdings, overrides)

    @staticmethod
    def write_resolution(s: Session, resolved: dict[tuple[str, str], Resolved]) -> None:
        """Replace every stored resolution by `resolved`, in the caller's transaction."""
        s.execute(delete(Resolution))
        s.add_all(Resolution(doc_id=d, name=n, person_id=r.person_id, person_name=r.person_name, reason=r.reason)
                  for (d, n), r in resolved.items())

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a large load; PostgreSQL's autovacuum would do it
        later, SQLite never does)."""
        with self.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")

    def needs_resolution(self) -> bool:
        """Whether some stored name has no resolution (after an interrupted ingest, say)."""
        with self.session() as s:
            unresolved = select(Event.id).where(Event.person_name.is_not(None), ~exists().where(
                Resolution.doc_id == Event.doc_id, Resolution.name == Event.person_name)).limit(1)
            return s.scalar(unresolved) is not None

    def find_person(self, name: str) -> tuple[str, str]:
        """(person id, display name) of the person a name or id refers to; PurgewatchError if none or several.

        Tried in order, each step only if the one before found nobody: the id or a stored name exactly (one
        indexed query); the names sharing a word with it, compared as resolution compares names; all names.
        """
        cols = (Resolution.person_id, Resolution.person_name, Resolution.name)
        with self.session() as s:
            if s.scalar(select(Resolution.person_id).limit(1)) is None:
                raise PurgewatchError("no people in the database yet: run `purgewatch ingest` first")
            found = {(p, pn) for p, pn, _ in s.execute(select(*cols).where(or_(
                Resolution.person_id == name, Resolution.name == name, Resolution.person_name == name)))}
            if not found:
                words = [w for w in re.split(r"[\s.,;]+", name) if len(w) >= 3]
                rows = s.execute(select(*cols).where(or_(*[Resolution.name.ilike(f"%{w}%") for w in words])))\
                    .all() if words else []
                found = matching_people(name, rows)
                if not found:
                    found = matching_people(name, s.execute(select(*cols)).all())
        if not found:
            raise PurgewatchError(f"no person named {name!r} in the database")
        if len(found) > 1:
            names = ", ".join(sorted(f"{pname} ({pid})" for pid, pname in found))
            raise PurgewatchError(f"{name!r} is ambiguous: {names}; give the full name or the id")
        return next(iter(found))

    def person_names(self, person_id: str) -> list[dict[str, str]]:
        """Every name the person goes by, in which document, and why it was taken to be this person."""
        with self.session() as s:
            rows = s.scalars(select(Resolution).where(Resolution.person_id == person_id)
                             .order_by(Resolution.doc_id, Resolution.name))
            return [{"doc": r.doc_id, "name": r.name, "reason": r.reason} for r in rows]

    def add_override(self, kind: str, a: str, b: str | None = None) -> None:
        """Record an analyst's merge or split (checked against the names stored) and re-resolve."""
        self.find_person(a)
        if b is not None and kind == "merge":
            self.find_person(b)
        with self.session.begin() as s:
            s.add(Override(kind=kind, a=a, b=b, created_at=datetime.now(UTC).replace(tzinfo=None)))
        self.resolve_people()

    def document_texts(self, doc_ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(doc_ids))
        out: dict[str, str] = {}
        with self.session() as s:
            for k in range(0, len(ids), 500):
                out.update(s.execute(select(Document.id, Document.text).where(Document.id.in_(ids[k:k + 500]))).all())
        return out

    def mentions(self, doc_id: str) -> list[MentionRecord]:
        """The person mention spans stored with a document, in text order."""
        with self.session() as s:
            rows = s.execute(select(MentionSpan.name, MentionSpan.start, MentionSpan.end)
                             .where(MentionSpan.doc_id == doc_id).order_by(MentionSpan.start, MentionSpan.end))
            return [MentionRecord(name, start, end) for name, start, end in rows]

    def post_keys(self) -> list[str]:
        with self.session() as s:
            keys = set(s.scalars(select(Event.post_key).where(Event.post_key.is_not(None)).distinct()))
            keys |= set(s.scalars(select(Holding.post_key).distinct()))
        return sorted(k for k in keys if k is not None)

    def overrides(self) -> list[dict[str, Any]]:
        with self.session() as s:
            return [{"kind": o.kind, "a": o.a, "b": o.b, "created_at": o.created_at.isoformat(timespec="seconds")}
                    for o in s.scalars(select(Override).order_by(Override.id))]

    def people(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(doc, name) -> (person id, display name) for every resolved name."""
        with self.session() as s:
            return {(r.doc_id, r.name): (r.person_id, r.person_name) for r in s.scalars(select(Resolution))}

    def tenure_inputs(self, post: str | None = None, person_id: str | None = None, near: str | None = None
                      ) -> tuple[list[EventRow], list[HoldingRow]]:
        """Events and holdings for tenures, with people resolved: of one post (by key), one person, or all.

        For a post: its events and holdings, and the undated-post ends ("was executed") of its holders.
        For a person: the person's own events and holdings (`neighbours` finds who came before and after).
        Only these rows are read, so a query stays small on a large database.
        """
        with self.session() as s:
            # the person's (document, name) pairs drive the lookups: indexed on both sides
            of_person = tuple_(Event.doc_id, Event.person_name).in_(
                select(Resolution.doc_id, Resolution.name).where(Resolution.person_id == person_id))
            if person_id is not None:
                keys = set(s.scalars(select(Event.post_key).where(of_person, Event.post_key.is_not(None)).distinct()))
                of_holder = tuple_(Holding.doc_id, Holding.person_name).in_(
                    select(Resolution.doc_id, Resolution.name).where(Resolution.person_id == person_id))
                keys |= set(s.scalars(select(Holding.post_key).where(of_holder).distinct()))
                rows = list(s.scalars(select(Event).where(of_person)))
                hrows = list(s.scalars(select(Holding).where(of_holder)))
            elif post is not None:
                of_post = select(Event).where(Event.post_key == post)
                if near:  # who held it on a date: the post's history around that date is enough
                    rows = list(s.scalars(of_post.where(Event.date <= near).order_by(Event.date.desc())
                                          .limit(NEAR_EVENTS)))
                    rows += list(s.scalars(of_post.where(Event.date > near).order_by(Event.date).limit(NEAR_EVENTS)))
                    rows += list(s.scalars(of_post.where(Event.date.is_(None))))
                else:
                    rows = list(s.scalars(of_post))
                hrows = list(s.scalars(select(Holding).where(Holding.post_key == post)))
                holders = {(e.doc_id, e.person_name) for e in rows if e.person_name is not None} | \
                    {(h.doc_id, h.person_name) for h in hrows}
                pids = {pid for pid, _ in resolve_pairs(s, holders).values()} if holders else set()
                if pids:
                    rows += list(s.scalars(select(Event).where(Event.post_key.is_(None), exists().where(
                        Resolution.doc_id == Event.doc_id, Resolution.name == Event.person_name,
                        Resolution.person_id.in_(pids)))))
            else:
                rows = list(s.scalars(select(Event)))
                hrows = list(s.scalars(select(Holding)))
            docs = {d.id: d for d in s.scalars(select(Document).where(Document.id.in_({e.doc_id for e in rows})))} \
                if rows else {}
            evidence: dict[str, Evidence] = {}
            if rows:
                for chunk in [rows[k:k + 500] for k in range(0, len(rows), 500)]:
                    for found in s.scalars(select(Evidence).where(Evidence.event_id.in_([e.id for e in chunk]))):
                        evidence.setdefault(found.event_id, found)
            names = {(e.doc_id, n) for e in rows for n in (e.person_name, e.replaces, e.replaced_by, e.agent) if n}
            names |= {(h.doc_id, h.person_name) for h in hrows}
            people = resolve_pairs(s, names)
            def who(doc_id: str, name: str | None) -> tuple[str | None, str | None]:
                """(person id, display name) of a name in a document; (None, the name) when unresolved."""
                hit = people.get((doc_id, name or ""))
                return hit if hit is not None else (None, name)

            events: list[EventRow] = []
            for e in rows:
                ev = evidence.get(e.id)
                doc = docs.get(e.doc_id)
                (pid, person), (rid, repl) = who(e.doc_id, e.person_name), who(e.doc_id, e.replaces)
                (bid, repl_by), (aid, agent) = who(e.doc_id, e.replaced_by), who(e.doc_id, e.agent)
                events.append(EventRow(
                    doc=e.doc_id, type=e.type, person=person, position=e.position, org=e.org, date=e.date,
                    replaces=repl, replaced_by=repl_by, charge=e.charge, agent=agent, factuality=e.factuality,
                    id=e.id, post_key=e.post_key, evidence=ev.sentence if ev else "",
                    start=ev.start if ev else None, end=ev.end if ev else None,
                    published=doc.published.isoformat() if doc and doc.published else None,
                    country=doc.country if doc else None,
                    person_id=pid, replaces_id=rid, replaced_by_id=bid, agent_id=aid))
            holdings: list[HoldingRow] = []
            for h in hrows:
                hit = people.get((h.doc_id, h.person_name))
                hpid, hname = hit if hit is not None else (None, h.person_name)
                holdings.append(HoldingRow(doc=h.doc_id, person=hname, person_id=hpid, position=h.position,
                                           post_key=h.post_key, org=h.org, date=h.date, evidence=h.sentence,
                                           start=h.start, end=h.end, since=h.since))
        return events, holdings

    def post_neighbourhood(self, spans: list[tuple[str, str | None, str | None]]
                           ) -> list[tuple[list[NeighbourRow], list[NeighbourRow]]]:
        """For each (post, start, end): the post's events nearest before `start` (latest first) and after
        `end` (earliest first), with their people resolved; `analyze.neighbours` picks from them. One
        session, two small indexed queries per span."""
        found: list[tuple[list[Any], list[Any]]] = []
        with self.session() as s:
            for post, start, end in spans:
                # the post's events nearest the dates, by the (post_key, date) index
                cols = select(Event.doc_id, Event.person_name, Event.type, Event.factuality).where(
                    Event.post_key == post)
                before = s.execute(cols.where(Event.date <= start).order_by(Event.date.desc())
                                   .limit(NEIGHBOUR_SCAN)).all() if start else []
                after = s.execute(cols.where(Event.date >= end).order_by(Event.date)
                                  .limit(NEIGHBOUR_SCAN)).all() if end else []
                found.append((list(before), list(after)))
            names = resolve_pairs(s, {(d, n) for b, a in found for d, n, _, _ in b + a if n})

        def rows(raw: list[Any]) -> list[NeighbourRow]:
            out: list[NeighbourRow] = []
            for d, n, t, f in raw:
                pid, pname = names.get((d, n), (None, None)) if n else (None, None)
                out.append(NeighbourRow(doc=d, name=n, type=t, factuality=f, person_id=pid, person=pname))
            return out

        return [(rows(b), rows(a)) for b, a in found]

    # --- reading -----------------------------------------------------------------
    def _query(self, f: EventFilter) -> Select[Any]:
        q = select(Event).options(selectinload(Event.evidence))
        if f.type:
            q = q.where(Event.type.in_([t.strip() for t in f.type.split(",")]))
        if f.person:
            key = surname_key(f.person)
            q = q.where(or_(Event.person_name.ilike(f"%{f.person}%"),
                            Event.person_id.in_(select(Person.id).where(Person.surname_key == key))))
        if f.person_id:
            q = q.where(tuple_(Event.doc_id, Event.person_name).in_(
                select(Resolution.doc_id, Resolution.name).where(Resolution.person_id == f.person_id)))
        if f.org:
            like = f"%{f.org}%"
            q = q.where(or_(Event.org.ilike(like), Event.position.ilike(like)))
        if f.since:
            q = q.where(Event.date >= f.since)
        if f.until:
            q = q.where(Event.date <= f.until + "\uffff" if len(f.until) < 10 else Event.date <= f.until)
        if f.doc:
            q = q.where(Event.doc_id == f.doc)
        if f.factuality:
            q = q.where(Event.factuality == f.factuality)
        return q

    def events(self, f: EventFilter | None = None, order: str = "date") -> list[dict[str, Any]]:
        f = f or EventFilter()
        q = self._query(f)
        if order == "date":
            q = q.order_by(Event.date.is_(None), Event.date, Event.doc_id, Event.seq)
        elif order == "latest":
            q = q.order_by(Event.date.is_(None), Event.date.desc(), Event.doc_id, Event.seq)
        else:
            q = q.order_by(Event.doc_id, Event.seq)
        if f.limit:
            q = q.limit(f.limit)
        if f.offset:
            q = q.offset(f.offset)
        with self.session() as s:
            return [to_record(e) for e in s.scalars(q)]

    def summary(self) -> dict[str, Any]:
        with self.session() as s:
            by_type = dict(s.execute(select(Event.type, func.count()).group_by(Event.type)).all())
            docs = s.scalar(select(func.count()).select_from(Document)) or 0
            persons = s.scalar(select(func.count(func.distinct(Resolution.person_id)))) or \
                s.scalar(select(func.count()).select_from(Person)) or 0
        latest = self.events(EventFilter(limit=10), order="latest")
        return {"documents": docs, "persons": persons, "events": sum(by_type.values()),
                "events_by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])), "latest": latest}


NEAR_EVENTS = 60  # events of a post before and after a date that `who --on` reads
NEIGHBOUR_SCAN = 40  # events of a post looked at for the holder just before or after a tenure


def resolve_pairs(s: Session, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """(doc, name) -> (person id, display name) for the pairs given. Looked up by document (the primary
    key's first column, so an index range per document) and matched by name here: a row-value IN list is
    not index-driven on SQLite."""
    wanted: dict[str, set[str]] = {}
    for d, n in pairs:
        wanted.setdefault(d, set()).add(n)
    out: dict[tuple[str, str], tuple[str, str]] = {}
    docs = sorted(wanted)
    for k in range(0, len(docs), 500):
        q = select(Resolution.doc_id, Resolution.name, Resolution.person_id, Resolution.person_name).where(
            Resolution.doc_id.in_(docs[k:k + 500]))
        for d, n, pid, pname in s.execute(q):
            if n in wanted[d]:
                out[(d, n)] = (pid, pname)
    return out


def to_record(e: Event) -> dict[str, Any]:
    """The spec's interchange record, plus the event id and the evidence's character span."""
    ev = e.evidence[0] if e.evidence else None
    return {
        "doc": e.doc_id, "type": e.type, "person": e.person_name,
        "group": {"description": e.group_description, "count": e.group_count} if e.group_description else None,
        "position": e.position, "org": e.org, "date": e.date, "replaces": e.replaces,
        "replaced_by": e.replaced_by, "charge": e.charge, "agent": e.agent, "factuality": e.factuality,
        "evidence": ev.sentence if ev else "",
        "id": e.id, "start": ev.start if ev else None, "end": ev.end if ev else None,
    }


SPEC_KEYS = ("doc", "type", "person", "group", "position", "org", "date", "replaces", "replaced_by",
             "charge", "agent", "factuality", "evidence")


def spec_record(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: rec.get(k) for k in SPEC_KEYS}


def dumps(rec: dict[str, Any]) -> str:
    return json.dumps(spec_record(rec), ensure_ascii=False)
