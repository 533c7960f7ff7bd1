"""A person's profile: every spelling with its reason, events with their evidence, tenures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from purgewatch.analyze.queries import career_of
from purgewatch.analyze.tenures import Tenure
from purgewatch.store import Store, browse
from purgewatch.store.repository import EventFilter


@dataclass
class PersonProfile:
    id: str
    name: str
    names: list[dict[str, str]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    tenures: list[Tenure] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "names": self.names, "events": self.events,
                "tenures": [t.as_dict() for t in self.tenures]}


def person_profile(store: Store, name: str, events: bool = True, tenures: bool = True) -> PersonProfile:
    """The person a name (any spelling, surname or id) refers to; raises PurgewatchError if none.
    `events`/`tenures`: leave out what the caller does not show (each is a query)."""
    pid, display = store.find_person(name)
    profile = PersonProfile(pid, display)
    if events:
        profile.names = store.person_names(pid)
        profile.events = browse.with_person_ids(store, store.events(EventFilter(person_id=pid)))
    if tenures:
        profile.tenures = career_of(store, pid)
    return profile


@dataclass
class Merged:
    id: str
    name: str
    spellings: int
    documents: int


def merge_people(store: Store, a: str, b: str) -> Merged:
    """Record that names `a` and `b` are one person (kept and re-applied after every ingest)."""
    store.add_override("merge", a, b)
    pid, display = store.find_person(a)
    names = store.person_names(pid)
    return Merged(pid, display, len({n["name"] for n in names}), len({n["doc"] for n in names}))


def split_person(store: Store, person: str, name: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    """Split a person into its spellings (or take out only `name`); returns the old display name and the
    (id, name) of every person those spellings now belong to."""
    pid, display = store.find_person(person)
    names = {n["name"] for n in store.person_names(pid)}
    store.add_override("split", person, name)
    return display, sorted({p for (_, n), p in store.people().items() if n in names})
