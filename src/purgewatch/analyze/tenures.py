"""Tenures from events and holdings: who held which post, from when to when, how it ended, who came before
and after, and the evidence for each of these. Sources that disagree are kept side by side and flagged.

Input records are the store's (`Store.tenure_inputs`): events as spec records with `person_id`,
`post_key`, and people resolved across documents; holdings ("X, head of Y" in a report dated D).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from purgewatch.normalize.posts import display_post
from purgewatch.ontology import Ontology, load_ontology
from purgewatch.records import EventRow, HoldingRow

SAME_TENURE_DAYS = 366  # two reports of an appointment this close describe one appointment


@dataclass
class Source:
    doc: str
    date: str | None
    evidence: str
    kind: str  # the event type, or "holding"
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Tenure:
    person_id: str
    person: str
    post_key: str
    post: str
    org: str | None = None
    start: str | None = None
    end: str | None = None
    end_cause: str | None = None
    predecessor: str | None = None
    successor: str | None = None
    start_sources: list[Source] = field(default_factory=list)
    end_sources: list[Source] = field(default_factory=list)
    held_on: list[Source] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)  # which fields were inferred from the order of holders

    @property
    def first_seen(self) -> str | None:
        dates = [d for d in [self.start] + [s.date for s in self.held_on] + [self.end] if d]
        return min(dates, key=_sort_key) if dates else None

    @property
    def last_seen(self) -> str | None:
        dates = [d for d in [self.start] + [s.date for s in self.held_on] + [self.end] if d]
        return max(dates, key=_sort_key) if dates else None

    def covers(self, day: str) -> bool:
        """Whether the person held the post on `day` (ISO at any precision), as far as the sources say."""
        begin = self.start or self.first_seen
        if begin is None or _before(day, begin):
            return False
        return self.end is None or not _before(self.end, day)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tenure:
        """The inverse of `as_dict` (the API's JSON back into a tenure, for drawing it)."""
        sources = {k: [Source(**s) for s in data.get(k, [])] for k in ("start_sources", "end_sources", "held_on")}
        plain = {k: v for k, v in data.items() if k not in sources}
        return cls(**plain, **sources)  # type: ignore[arg-type]  # field names and types as as_dict wrote them

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if not isinstance(v, list)}
        out.update(start_sources=[s.as_dict() for s in self.start_sources],
                   end_sources=[s.as_dict() for s in self.end_sources],
                   held_on=[s.as_dict() for s in self.held_on], conflicts=list(self.conflicts),
                   inferred=list(self.inferred))
        return out


def _sort_key(day: str | None) -> str:
    return day or "9999"


def chronological(t: Tenure) -> tuple[str, int, str]:
    """Order of tenures in a chain: by start (or first sighting); on one date, the one that ends there first."""
    anchor = t.start or t.first_seen
    return (_sort_key(anchor), 0 if t.start is None and t.end == anchor else 1, t.person)


def _before(a: str, b: str) -> bool:
    """a is strictly before b at the coarser of the two precisions."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _days_apart(a: str, b: str) -> int:
    def ordinal(d: str) -> int:
        y, m, dd = (d.split("-") + ["06", "15"])[:3] if len(d) == 4 else (d.split("-") + ["15"])[:3]
        return int(y) * 366 + int(m) * 31 + int(dd)
    return abs(ordinal(a) - ordinal(b))


def _agree(a: str | None, b: str | None) -> bool:
    """Two dates agree when one is the other at a coarser precision (or either is unknown)."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _source(rec: EventRow | HoldingRow) -> Source:
    kind = cast(str, rec.get("type", "holding"))  # a holding has no type
    return Source(doc=rec["doc"], date=rec.get("date"), evidence=rec.get("evidence") or "",
                  kind=kind, start=rec.get("start"), end=rec.get("end"))


def build_tenures(events: Sequence[EventRow], holdings: Sequence[HoldingRow] = (),
                  onto: Ontology | None = None) -> list[Tenure]:
    """All tenures the records support, ordered by post and start.

    What each type does to a tenure comes from the ontology: `starts` open one, `ends` close one with
    their cause; an end that is not a removal from office (an arrest, a death) after the post was lost
    does not end it again; an end stated without a post closes every open post when it ends a life
    (family end_of_life), else the only one open; `ends_only_with_post` types need the post named.
    """
    onto = onto or load_ontology()
    ends, starts = onto.ends, onto.starts
    late = {t for t in ends if not onto.is_end_of_tenure(t)}  # arrested, executed
    late_causes = {ends[t] for t in late}
    postless = {t for t in ends if t not in onto.ends_only_with_post}
    facts = [e for e in events if e.get("person_id") and e.get("factuality") in onto.factual]
    facts.sort(key=lambda e: (_sort_key(e.get("date")), e["doc"], e.get("start") or 0))
    tenures: dict[tuple[str, str], list[Tenure]] = defaultdict(list)

    def open_tenure(e: EventRow) -> Tenure:
        # only called for facts with a person and a post
        t = Tenure(person_id=cast(str, e["person_id"]), person=cast(str, e["person"]),
                   post_key=cast(str, e["post_key"]), post=display_post(e["position"]), org=e.get("org"))
        tenures[(t.person_id, t.post_key)].append(t)
        return t

    for e in facts:
        if not e.get("post_key"):
            continue
        key = (cast(str, e["person_id"]), cast(str, e["post_key"]))
        current = tenures[key][-1] if tenures[key] else None
        day = e.get("date")
        if e["type"] in starts:
            if current is not None and current.end is None and current.start is not None and day \
                    and _days_apart(current.start, day) <= SAME_TENURE_DAYS or current is not None and current.end is None and current.start is None and not current.end_sources:
                _add_start(current, e)
            else:
                _add_start(open_tenure(e), e)
            if e.get("replaces"):
                tenures[key][-1].predecessor = tenures[key][-1].predecessor or e["replaces"]
        elif e["type"] in ends:
            if current is not None and current.end and day and _before(current.end, day) \
                    and e["type"] in late and current.end_cause not in late_causes:
                continue  # arrested or shot after losing the post: the tenure had already ended
            if current is None or (current.end is not None and not _agree(current.end, e.get("date"))
                                   and e["doc"] in {s.doc for s in current.end_sources}):
                current = open_tenure(e)
            _add_end(current, e, ends)
            if e.get("replaced_by"):
                current.successor = current.successor or e["replaced_by"]
    # ends stated without a post: death ends every post; a dismissal ends the only one open
    for e in facts:
        if e.get("post_key") or e["type"] not in postless:
            continue
        day = e.get("date")
        open_ = [t for (pid, _), ts in tenures.items() if pid == e["person_id"] for t in ts
                 if t.end is None and (t.start is None or not day or not _before(day, t.start))]
        if onto.family(e["type"]) == "end_of_life" or len(open_) == 1:
            for t in open_:
                _add_end(t, e, ends)
    for h in holdings:
        if not h.get("person_id") or not h.get("post_key"):
            continue
        key = (cast(str, h["person_id"]), h["post_key"])
        day = h.get("date")
        if h.get("since") and day:
            # "who had led the ministry since 2012": the start of the tenure that ended after that date
            held = next((t for t in tenures[key] if t.start is None and (t.end is None or not _before(t.end, day))),
                        None)
            if held is not None:
                held.start = day
                held.start_sources.append(Source(doc=h["doc"], date=day, evidence=h.get("evidence") or "",
                                                 kind="held since", start=h.get("start"), end=h.get("end")))
                continue
        match = next((t for t in tenures[key] if day and t.covers(day)), None)
        if match is None:
            match = next((t for t in tenures[key] if t.start is None and t.end is None), None)
        if match is None:
            later_end = next((t for t in tenures[key] if t.end and day and _before(t.end, day)), None)
            match = Tenure(person_id=key[0], person=h["person"], post_key=h["post_key"],
                           post=display_post(h["position"]), org=h.get("org"))
            tenures[key].append(match)
            if later_end is not None and not any(t.start and day and _before(t.start, day) and _before(later_end.end or "", t.start)
                                                 for t in tenures[key]):
                match.conflicts.append(f"{h['doc']} says {h['person']} held the post on {day}, after the tenure "
                                       f"ended on {later_end.end} ({', '.join(sorted({s.doc for s in later_end.end_sources}))})")
        match.held_on.append(_source(h))
    out = [t for ts in tenures.values() for t in ts]
    _link_neighbours(out)
    out.sort(key=lambda t: (t.post_key, *chronological(t)))
    return out


def _add_start(t: Tenure, e: EventRow) -> None:
    day = e.get("date")
    if t.start is not None and day and not _agree(t.start, day):
        docs = ", ".join(sorted({s.doc for s in t.start_sources}))
        t.conflicts.append(f"start: {t.start} ({docs}) vs {day} ({e['doc']})")
    elif day and (t.start is None or len(day) > len(t.start)):
        t.start = day
    t.start_sources.append(_source(e))


def _add_end(t: Tenure, e: EventRow, ends: dict[str, str]) -> None:
    day, cause = e.get("date"), ends.get(e["type"], e["type"])
    if t.end_cause is not None and (cause != t.end_cause or not _agree(t.end, day)):
        docs = ", ".join(sorted({s.doc for s in t.end_sources}))
        if cause != t.end_cause and cause not in t.end_cause.split(" | "):
            t.conflicts.append(f"end cause: {t.end_cause} ({docs}) vs {cause} ({e['doc']})")
            t.end_cause = f"{t.end_cause} | {cause}"
        if not _agree(t.end, day):
            t.conflicts.append(f"end: {t.end} ({docs}) vs {day} ({e['doc']})")
    else:
        t.end_cause = cause
        if day and (t.end is None or len(day) > len(t.end)):
            t.end = day
    t.end_sources.append(_source(e))


def _link_neighbours(tenures: list[Tenure]) -> None:
    """Fill predecessor and successor from the order of holders when no text states them."""
    by_post: dict[str, list[Tenure]] = defaultdict(list)
    for t in tenures:
        by_post[t.post_key].append(t)
    for ts in by_post.values():
        ts.sort(key=chronological)
        for a, b in itertools.pairwise(ts):
            if a.person_id == b.person_id:
                continue
            if b.predecessor is None:
                b.predecessor = a.person
                b.inferred.append("predecessor")
            if a.successor is None:
                a.successor = b.person
                a.inferred.append("successor")


def holders_on(tenures: list[Tenure], post_key: str, day: str) -> list[Tenure]:
    """Who held the post on `day`: tenures covering it, without those a later holder had replaced."""
    ts = [t for t in tenures if t.post_key == post_key]
    out = []
    for t in ts:
        if not t.covers(day):
            continue
        later = [u for u in ts if u is not t and u.start and (t.start or t.first_seen)
                 and _before(t.start or t.first_seen or "", u.start) and not _before(day, u.start)]
        if t.end is None and later:
            continue
        out.append(t)
    return out


def succession(tenures: list[Tenure], post_key: str) -> list[Tenure]:
    return [t for t in tenures if t.post_key == post_key]


def career(tenures: list[Tenure], person_id: str) -> list[Tenure]:
    return sorted((t for t in tenures if t.person_id == person_id), key=chronological)
