"""Links between the events of one document: who replaced whom, shared dates, and duplicates merged."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from purgewatch.nlp.sentences import sent_of
from purgewatch.normalize.posts import post_key
from purgewatch.ontology import Ontology
from purgewatch.records import Event

TOKEN_RE = re.compile(r"[a-z0-9]+")


def link_events(events: list[Event], doc: Doc, onto: Ontology) -> list[Event]:
    _instead(events, doc, onto)
    events = events + _implied_appointments(events, onto)
    events = events + _implied_ends(events, onto)
    _mirror(events, onto)
    return _dedupe(events, onto)


def _sent(ev: Event) -> int:
    return int(ev.extras.get("sent", 0))


def _instead(events: list[Event], doc: Doc, onto: Ontology) -> None:
    """ "X was not reappointed. Instead, Y was appointed" (or "... to fill the vacancy"): Y replaces the
    person whose tenure just ended."""
    for ev in events:
        if not onto.starts_tenure(ev.type) or ev.replaces or ev.person is None:
            continue
        sent = sent_of(doc[_sent(ev)])
        marker = any(t.lower_ in onto.replacement_markers and (t.pos_ != "ADV" or t.dep_ == "advmod")
                     and not any(c.lower_ == "of" for c in t.children) for t in sent)
        if not marker:
            continue
        ends = [e for e in events if onto.is_end_of_tenure(e.type) and e.person and e.person != ev.person
                and e.start <= ev.start and 0 <= ev.start - e.start < 1500]
        if ends:
            prev = max(ends, key=lambda e: (e.start, -_sent(e)))
            ev.replaces = prev.person


def _echo(ev: Event, type_: str, person: str, **links: str | None) -> Event:
    """An event the same words state about someone else ("the replacement of X by Y" also appoints Y)."""
    return Event(type=type_, person=person, evidence=ev.evidence, start=ev.start, end=ev.end,
                 position=ev.position, org=ev.org, date=ev.date, agent=ev.agent, factuality=ev.factuality,
                 extras=dict(ev.extras, implied=True), **links)  # type: ignore[arg-type]


def start_type(onto: Ontology) -> str:
    """The type an implied start of tenure is stated as: the first type that starts a tenure."""
    return next(n for n in onto.type_names if onto.starts_tenure(n))


def end_type(onto: Ontology) -> str:
    """The type an implied end of tenure is stated as: the first type of the family "end"."""
    return next(n for n in onto.type_names if onto.is_end_of_tenure(n))


def _near(events: list[Event], ev: Event, person: str, wanted: Callable[[str], bool]) -> bool:
    return any(wanted(e.type) and e.person == person and abs(e.start - ev.start) < 1500 for e in events)


def _implied_appointments(events: list[Event], onto: Ontology) -> list[Event]:
    """ "the replacement of X by Y": Y's appointment is stated too, in the same words."""
    start = start_type(onto)
    return [_echo(ev, start, ev.replaced_by, replaces=ev.person) for ev in events
            if onto.is_end_of_tenure(ev.type) and ev.replaced_by and ev.person
            and not _near(events, ev, ev.replaced_by, onto.starts_tenure)]


def _implied_ends(events: list[Event], onto: Ontology) -> list[Event]:
    """ "Y succeeds X as commissar", "Y takes over from X": X's tenure ended, in the same words."""
    end = end_type(onto)
    return [_echo(ev, end, ev.replaces, replaced_by=ev.person) for ev in events
            if onto.starts_tenure(ev.type) and ev.replaces and ev.person and onto.is_factual(ev.factuality)
            and not _near(events, ev, ev.replaces, onto.is_end_of_tenure)]


def _mirror(events: list[Event], onto: Ontology) -> None:
    """Make replaces/replaced_by agree, and let linked events share a date the text gives only once."""
    named = [e for e in events if e.person]
    for a in named:
        if not onto.starts_tenure(a.type) or not a.replaces:
            continue
        ends = [e for e in named if onto.is_end_of_tenure(e.type) and e.person == a.replaces
                and abs(e.start - a.start) < 1500]
        if not ends:
            continue
        e = min(ends, key=lambda x: abs(x.start - a.start))
        if e.replaced_by is None:
            e.replaced_by = a.person
        if a.date is None:
            a.date = e.date
        elif e.date is None:
            e.date = a.date
        if a.position is None:
            a.position, a.org = e.position, a.org or e.org
        elif e.position is None:
            e.position = a.position


def post_tokens(text: str | None, onto: Ontology) -> set[str]:
    toks = {t.rstrip("s") if len(t) > 3 else t for t in TOKEN_RE.findall((text or "").lower())}
    return {("defense" if t == "defence" else t) for t in toks} - onto.words("post_stop_words")


def posts_compatible(a: str | None, b: str | None, onto: Ontology) -> bool:
    """Could two wordings name one post? Sharing half their words, and, when both normalise to a post key,
    one key inside the other ("minister" / "minister of defense", not "general of army" / "head of general
    staff of red army", which share words but are a rank and an office)."""
    if not a or not b:
        return True
    ta, tb = post_tokens(a, onto), post_tokens(b, onto)
    if not ta or not tb:
        return True
    if len(ta & tb) / min(len(ta), len(tb)) < 0.5:
        return False
    ka, kb = post_key(a), post_key(b)
    return not ka or not kb or ka in kb or kb in ka


def dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _dedupe(events: list[Event], onto: Ontology) -> list[Event]:
    """One event per person, kind and post: later mentions ("the dismissal of X") fill gaps, never add rows."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: (e.start, e.extras.get("implied", False))):
        if ev.person is None:
            kept.append(ev)
            continue
        twin = next((k for k in kept if k.person == ev.person and _same_kind(k, ev, onto)
                     and posts_compatible(k.position, ev.position, onto) and _may_repeat(k, ev, onto)
                     and (dates_compatible(k.date, ev.date)
                          or ((_weak_date(k) or _weak_date(ev)) and bool(k.position) and bool(ev.position)))), None)
        if twin is None:
            kept.append(ev)
            continue
        if not onto.is_factual(twin.factuality) and onto.is_factual(ev.factuality):
            kept[kept.index(twin)] = _fill(ev, twin)
        else:
            _fill(twin, ev)
    return kept


WEAK_DATES = {"inherited", "tense", None}


def _weak_date(ev: Event) -> bool:
    """A date taken from the context, not stated for this event: it must not keep duplicates apart."""
    return ev.extras.get("date_source") in WEAK_DATES


def _may_repeat(a: Event, b: Event, onto: Ontology) -> bool:
    """Can b be a second mention of a? A career lists many appointments: one without a post folds into
    another only when it is a bare repeat (a noun like "his appointment", implied, or undated)."""
    if not onto.starts_tenure(a.type) or (a.position and b.position) or a.extras.get("sent") == b.extras.get("sent"):
        return True
    bare = b if not b.position else a
    return bool(bare.extras.get("nominal") or bare.extras.get("implied") or _weak_date(bare))


def _same_kind(a: Event, b: Event, onto: Ontology) -> bool:
    if a.type == b.type:
        return True
    return onto.is_end_of_tenure(a.type) and onto.is_end_of_tenure(b.type)


def _fill(into: Event, other: Event) -> Event:
    if _weak_date(into) and not _weak_date(other) and other.date:
        into.date = other.date
        into.extras["date_source"] = other.extras.get("date_source")
    for name in ("position", "org", "date", "replaces", "replaced_by", "charge", "agent"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    return into
