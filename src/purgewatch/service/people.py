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
