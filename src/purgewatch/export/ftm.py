"""FollowTheMoney entities: Person, Organization, Position, Occupancy, and one Event per personnel event.

An Occupancy has no property for how a tenure ended or who came before and after; purgewatch writes these
into its `description` ("ended: dismissed; preceded by X; succeeded by Y") and `summary` (the end cause),
and also emits an FtM `Event` for each personnel event, whose `involved` lists the person, the successor
or predecessor and whoever ordered it, with the evidence sentence as `description`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from purgewatch.analyze.queries import all_tenures
from purgewatch.analyze.tenures import Tenure
from purgewatch.normalize.posts import display_post, post_org
from purgewatch.store import Store

PREFIX = "purgewatch"


def _entity(schema: str, *key: str) -> EntityProxy:
    e = model.make_entity(schema)
    e.make_id(PREFIX, schema, *key)
    return e


def country_code(name: str | None) -> str | None:
    return registry.country.clean(name) if name else None


def entities(events: Sequence[Mapping[str, Any]], tenures: list[Tenure], names: dict[str, set[str]]) -> Iterator[EntityProxy]:
    """The FtM entities for resolved events and tenures. `names`: person id -> every spelling seen."""
    people: dict[str, EntityProxy] = {}
    countries = {t.post_key: next((e.get("country") for e in events if e.get("post_key") == t.post_key
                                   and e.get("country")), None) for t in tenures}

    def person(pid: str | None, name: str | None) -> EntityProxy | None:
        if not pid or not name:
            return None
        if pid not in people:
            p = _entity("Person", pid)
            p.add("name", name)
            for alias in sorted(names.get(pid, set()) - {name}):
                p.add("alias", alias)
            people[pid] = p
        return people[pid]

    ids_by_name = {e[f]: e[f + "_id"] for e in events for f in ("person", "replaces", "replaced_by", "agent")
                   if e.get(f) and e.get(f + "_id")}
    posts: dict[str, EntityProxy] = {}
    orgs: dict[str, EntityProxy] = {}
    out: list[EntityProxy] = []
    for t in tenures:
        holder = person(t.person_id, t.person)
        if holder is None:
            continue
        country = countries.get(t.post_key)
        if t.post_key not in posts:
            pos = _entity("Position", t.post_key, country or "")
            pos.add("name", display_post(t.post) + (f" ({country})" if country else ""))
            pos.add("country", country_code(country))
            org_name = post_org(t.post, country) or t.org
            if org_name:
                if org_name not in orgs:
                    org = _entity("Organization", org_name)
                    org.add("name", org_name)
                    org.add("country", country_code(country))
                    orgs[org_name] = org
                pos.add("organization", orgs[org_name].id)
            posts[t.post_key] = pos
        occ = _entity("Occupancy", t.person_id, t.post_key, t.start or "", t.first_seen or "")
        occ.add("holder", holder.id)
        occ.add("post", posts[t.post_key].id)
        occ.add("startDate", t.start)
        occ.add("endDate", t.end)
        occ.add("status", "ended" if t.end or t.end_cause else ("current" if not t.successor else "unknown"))
        parts = []
        if t.end_cause:
            parts.append(f"ended: {t.end_cause}")
            occ.add("summary", t.end_cause)
        if t.predecessor:
            parts.append(f"preceded by {t.predecessor}")
        if t.successor:
            parts.append(f"succeeded by {t.successor}")
        if t.conflicts:
            parts.append("conflicting sources: " + "; ".join(t.conflicts))
        docs = sorted({s.doc for s in t.start_sources + t.end_sources + t.held_on})
        parts.append("sources: " + ", ".join(docs))
        occ.add("description", "; ".join(parts))
        out.append(occ)
    for e in events:
        subject = person(e.get("person_id"), e.get("person"))
        if subject is None:
            continue
        ev = _entity("Event", e["id"])
        label = f"{e['type']}: {e['person']}" + (f" ({e['position']})" if e.get("position") else "")
        ev.add("name", label)
        ev.add("date", e.get("date"))
        ev.add("summary", e["type"])
        ev.add("description", e.get("evidence"))
        ev.add("involved", subject.id)
        for f in ("replaces", "replaced_by", "agent"):
            other = person(ids_by_name.get(e.get(f) or ""), e.get(f))
            if other is not None:
                ev.add("involved", other.id)
        ev.add("country", country_code(e.get("country")))
        ev.add("keywords", [e["type"], e.get("factuality") or ""])
        out.append(ev)
    yield from people.values()
    yield from orgs.values()
    yield from posts.values()
    yield from out


def store_entities(store: Store) -> Iterator[EntityProxy]:
    """Every FtM entity of the database: its events and tenures, each person with every spelling."""
    events, tenures = all_tenures(store)
    names: dict[str, set[str]] = {}
    for (_, name), (pid, _) in store.people().items():
        names.setdefault(pid, set()).add(name)
    return entities(events, tenures, names)
