"""Write documents with their events (one transaction each) and read events back as spec records."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from purgewatch.records import Event as EventRecord
from purgewatch.records import SourceDocument
from purgewatch.resolve.names import surname_key
from purgewatch.store.db import open_engine
from purgewatch.store.models import Document, Event, Evidence, Person, PersonAlias


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
    limit: int | None = None
    offset: int = 0


def event_id(doc_id: str, ev: EventRecord) -> str:
    parts = [doc_id, ev.type, ev.person or "", ev.group.description if ev.group else "", str(ev.start),
             ev.position or "", ev.date or ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


class Store:
    """The database behind purgewatch: SQLite file by default, PostgreSQL in production."""

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

    def save(self, doc: SourceDocument, events: list[EventRecord], extractor: str) -> str:
        """Store a document and replace its events, atomically. Returns 'added', 'replaced' or 'unchanged'."""
        with self.session.begin() as s:
            old = s.get(Document, doc.doc_id)
            if old is not None and old.content_hash == doc.content_hash and old.extractor == extractor:
                return "unchanged"
            status = "added" if old is None else "replaced"
            if old is not None:
                s.execute(delete(Evidence).where(Evidence.doc_id == doc.doc_id))
                s.execute(delete(Event).where(Event.doc_id == doc.doc_id))
                s.delete(old)
                s.flush()
            s.add(Document(
                id=doc.doc_id, path=doc.path, title=doc.title, url=doc.url, outlet=doc.outlet,
                published=doc.published, language=doc.language, content_hash=doc.content_hash,
                text=doc.text, extractor=extractor, ingested_at=datetime.now(UTC).replace(tzinfo=None),
            ))
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
                )
                row.evidence.append(Evidence(
                    doc_id=doc.doc_id, start=ev.start, end=ev.end, sentence=ev.evidence, extractor=extractor,
                    status="inferred" if ev.extras.get("implied") else "extracted",
                ))
                s.add(row)
            return status

    @staticmethod
    def _person(s: Session, name: str) -> Person:
        person = s.scalar(select(Person).where(Person.name == name))
        if person is None:
            person = Person(name=name, surname_key=surname_key(name))
            person.aliases.append(PersonAlias(alias=name))
            s.add(person)
            s.flush()
        return person

    # --- reading -----------------------------------------------------------------
    def _query(self, f: EventFilter) -> Select[Any]:
        q = select(Event).options(selectinload(Event.evidence))
        if f.type:
            q = q.where(Event.type.in_([t.strip() for t in f.type.split(",")]))
        if f.person:
            key = surname_key(f.person)
            q = q.where(or_(Event.person_name.ilike(f"%{f.person}%"),
                            Event.person_id.in_(select(Person.id).where(Person.surname_key == key))))
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
            persons = s.scalar(select(func.count()).select_from(Person)) or 0
        latest = self.events(EventFilter(limit=10), order="latest")
        return {"documents": docs, "persons": persons, "events": sum(by_type.values()),
                "events_by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])), "latest": latest}


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
