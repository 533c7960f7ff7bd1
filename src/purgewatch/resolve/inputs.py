"""What person resolution reads from the store, turned into mentions: each name in each document with
the posts and years the document ties to it (the evidence `resolve_mentions` weighs for a bare surname)."""

from __future__ import annotations

from dataclasses import dataclass, field

from purgewatch.resolve.persons import Mention, Resolved, resolve_mentions

EventNames = tuple[str, str | None, str | None, str | None, tuple[str | None, ...]]
"""(doc id, person name, post key, date, other names the event gives: replaces, replaced by, agent)."""
HoldingNames = tuple[str, str, str, str | None]
"""(doc id, person name, post key, date)."""
OverrideRow = tuple[str, str, str | None]
"""(kind, a, b): an analyst's merge or split, in the order they were made."""


@dataclass
class ResolutionInputs:
    """Every stored name with its context, and the analysts' overrides (`Store.resolution_inputs`)."""

    events: list[EventNames] = field(default_factory=list)
    holdings: list[HoldingNames] = field(default_factory=list)
    overrides: list[OverrideRow] = field(default_factory=list)


def gather_mentions(inputs: ResolutionInputs) -> list[Mention]:
    """One mention per (document, name), with the post keys and years its events and holdings give."""
    mentions: dict[tuple[str, str], Mention] = {}

    def mention(doc_id: str, name: str | None) -> Mention | None:
        if not name:
            return None
        return mentions.setdefault((doc_id, name), Mention(doc_id, name))

    for doc_id, name, key, when, others in inputs.events:
        m = mention(doc_id, name)
        if m is not None:
            if key:
                m.posts.add(key)
            if when and when[:4].isdigit():
                m.years.add(int(when[:4]))
        for other in others:
            mention(doc_id, other)
    for doc_id, name, key, when in inputs.holdings:
        m = mention(doc_id, name)
        if m is not None:
            m.posts.add(key)
            if when and when[:4].isdigit():
                m.years.add(int(when[:4]))
    return list(mentions.values())


def resolve_people(inputs: ResolutionInputs) -> dict[tuple[str, str], Resolved]:
    """(doc, name) -> the person it is and why, the overrides applied last."""
    return resolve_mentions(gather_mentions(inputs), inputs.overrides)
