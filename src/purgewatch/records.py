"""Typed records passed between the stages: source documents in, personnel events out."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, NotRequired, TypedDict

EVENT_FIELDS = (
    "doc", "type", "person", "group", "position", "org", "date", "replaces",
    "replaced_by", "charge", "agent", "factuality", "evidence",
)


@dataclass(frozen=True)
class SourceDocument:
    """One document as loaded from a file: its id, text and metadata."""

    doc_id: str
    text: str
    path: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str = "en"

    @property
    def content_hash(self) -> str:
        """Hash of the text and of the metadata that changes what is extracted."""
        h = hashlib.sha256()
        h.update(self.text.encode("utf-8"))
        h.update(b"\0" + (self.published.isoformat() if self.published else "").encode())
        return h.hexdigest()


@dataclass(frozen=True)
class Group:
    """A group of people the text does not name one by one ("three deputy ministers")."""

    description: str
    count: int | None = None


@dataclass(frozen=True)
class Holding:
    """A statement that a person held a post on a date: "X, head of Y, said ..." in a report dated D."""

    person: str
    position: str
    evidence: str
    start: int
    end: int
    date: str | None = None
    org: str | None = None
    since: bool = False  # "who had led the ministry since 2012": the date starts the tenure


@dataclass(frozen=True)
class Mention:
    """A person named in a document, as the extraction found it: character offsets into the document text."""

    name: str
    start: int
    end: int


@dataclass
class Event:
    """One personnel event, tied to the sentence that states it (character offsets into the document text)."""

    type: str
    person: str | None
    evidence: str
    start: int
    end: int
    group: Group | None = None
    position: str | None = None
    org: str | None = None
    date: str | None = None
    replaces: str | None = None
    replaced_by: str | None = None
    charge: str | None = None
    agent: str | None = None
    factuality: str = "asserted"
    extras: dict[str, Any] = field(default_factory=dict)

    def to_record(self, doc_id: str) -> dict[str, Any]:
        """The spec's interchange record (shared/spec/events.md)."""
        rec = {k: getattr(self, k) for k in EVENT_FIELDS if k != "doc"}
        rec["group"] = asdict(self.group) if self.group else None
        return {"doc": doc_id, **rec}


class NeighbourRow(TypedDict):
    """An event of a post near a tenure's dates, its person resolved (`Store.post_neighbourhood`)."""

    doc: str
    name: str | None
    type: str
    factuality: str
    person_id: str | None
    person: str | None


class EventRow(TypedDict):
    """An event as the store gives it to analysis (`Store.tenure_inputs`): the spec's fields, people
    resolved across documents (display names, with `*_id`), the event id, post key, evidence span and
    the document's publication date and country."""

    doc: str
    type: str
    person: str | None
    position: str | None
    org: str | None
    date: str | None
    replaces: str | None
    replaced_by: str | None
    charge: str | None
    agent: str | None
    factuality: str
    id: str
    post_key: str | None
    evidence: str
    start: int | None
    end: int | None
    published: str | None
    country: str | None
    person_id: str | None
    replaces_id: str | None
    replaced_by_id: str | None
    agent_id: str | None
    group: NotRequired[dict[str, Any] | None]


class HoldingRow(TypedDict):
    """A holding as the store gives it to analysis: "X, head of Y" in a report dated D, X resolved."""

    doc: str
    person: str
    person_id: str | None
    position: str
    post_key: str
    org: str | None
    date: str | None
    evidence: str
    start: int
    end: int
    since: bool


LinkRow = tuple[str, str, str, str | None, str | None, str | None, str | None, str | None, str]
"""(doc, type, person, replaces, replaced_by, agent, date, position, event id): an event linking its
person to another, as the store gives it to `analyze.network.stated_network`."""
