"""The questions `who`, `succession` and `career` answer, and the data the FtM and GraphML exports need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import process

from purgewatch.analyze.neighbours import pick_neighbours
from purgewatch.analyze.network import Network, as_json, stated_network, succession_network
from purgewatch.analyze.tenures import (
    Tenure,
    build_tenures,
    career,
    holders_on,
    succession,
)
from purgewatch.errors import PurgewatchError
from purgewatch.normalize.posts import display_post, post_key
from purgewatch.ontology import load_ontology
from purgewatch.records import EventRow, HoldingRow
from purgewatch.store import Store, browse


@dataclass
class PostAnswer:
    post: str
    key: str
    tenures: list[Tenure]


def _post(store: Store, post: str, near: str | None = None) -> tuple[str, list[EventRow], list[HoldingRow]]:
    key = post_key(post)
    if not key:
        raise PurgewatchError(f"{post!r} is not a post")
    events, holdings = store.tenure_inputs(post=key, near=near)
    if not any(e["post_key"] == key for e in events) and not holdings:
        known = store.post_keys()
        close = [k for k, score, _ in process.extract(key, known, limit=3) if score >= 60]
        hint = f"; did you mean: {', '.join(display_post(k) for k in close)}?" if close else ""
        raise PurgewatchError(f"no events or holders for the post {post!r}{hint}")
    return key, events, holdings


def post_succession(store: Store, post: str) -> PostAnswer:
    key, events, holdings = _post(store, post)
    return PostAnswer(display_post(post), key, succession(build_tenures(events, holdings), key))


def who(store: Store, post: str, day: str) -> PostAnswer:
    key, events, holdings = _post(store, post, near=day)
    return PostAnswer(display_post(post), key, holders_on(build_tenures(events, holdings), key, day))


def person_career(store: Store, name: str) -> tuple[str, str, list[Tenure]]:
    pid, display = store.find_person(name)
    return pid, display, career_of(store, pid)


def career_of(store: Store, person_id: str) -> list[Tenure]:
    """A person's tenures; predecessors and successors the text does not state are looked up in the post's
    history (the holder whose tenure ended just before, the one appointed just after) and marked inferred."""
    events, holdings = store.tenure_inputs(person_id=person_id)
    tenures = career(build_tenures(events, holdings), person_id)
    open_ends = [t for t in tenures if not (t.predecessor and t.successor)]
    spans = [(t.post_key, t.start or t.first_seen, t.end) for t in open_ends]
    found = pick_neighbours(person_id, store.post_neighbourhood(spans))
    for t, (before, after) in zip(open_ends, found, strict=True):
        if t.predecessor is None and before:
            t.predecessor = before
            t.inferred.append("predecessor")
        if t.successor is None and after:
            t.successor = after
            t.inferred.append("successor")
    return tenures


def all_tenures(store: Store) -> tuple[list[EventRow], list[Tenure]]:
    events, holdings = store.tenure_inputs()
    return events, build_tenures(events, holdings)


def web_network(store: Store, person_id: str | None = None, limit: int = 1000) -> dict[str, Any]:
    """The web's network (`/api/network`): links stated in the text among the latest `limit` factual
    events, or a person's own, as JSON."""
    onto = load_ontology()
    rows, ids = browse.network_rows(store, sorted(onto.factual), person_id=person_id, limit=limit)
    return as_json(stated_network(rows, ids, person_id, onto), limit)


def succession_graph(store: Store) -> Network:
    """The GraphML export's network: successions from every tenure and factual orders."""
    events, tenures = all_tenures(store)
    return succession_network(events, tenures)


def analysis_events(store: Store, org: str | None = None, country: str | None = None) -> list[EventRow]:
    """Every event with its person resolved and its document's country, optionally narrowed to an
    organisation or post (substring, any wording) and a country."""
    events, _ = store.tenure_inputs()
    return narrow(events, org, country)


def narrow(events: list[EventRow], org: str | None = None, country: str | None = None) -> list[EventRow]:
    """The events of an organisation or post (substring, any wording) and of a country."""
    if org:
        low = org.lower()
        key = post_key(org)
        events = [e for e in events if low in f"{e.get('position') or ''} {e.get('org') or ''}".lower()
                  or (key and e.get("post_key") == key)]
    if country:
        events = [e for e in events if (e.get("country") or "").lower() == country.lower()]
    return events


def waves(store: Store, org: str | None = None, country: str | None = None) -> list[Any]:
    from purgewatch.analyze.waves import detect_by_country

    return detect_by_country(analysis_events(store, org, country))


def compare_periods(store: Store, periods: list[str], org: str | None = None, country: str | None = None,
                    events: list[EventRow] | None = None) -> list[Any]:
    """`compare --period A:B --period C:D`: the figures of each period (analyze.compare). `events`: the
    already narrowed events, when the caller has read them."""
    from purgewatch.analyze.compare import Period, compare

    parsed = [Period.parse(p) for p in periods]
    if events is None:
        events = analysis_events(store, org, country)
    tenures = build_tenures(events, [])
    starts = load_ontology().starts
    docs = {e["doc"] for e in events if e["type"] in starts}
    return compare(parsed, events, tenures, store.document_texts(docs))
