"""The country a report is about, from its country cues (normalize.posts.document_country)."""

from __future__ import annotations

from purgewatch.normalize.posts import document_country
from purgewatch.records import Event, SourceDocument

LEAD_CHARS = 400


def report_country(doc: SourceDocument, events: list[Event]) -> str | None:
    """The country a report is about: its country cues, those of the headline and lead weighted up (a
    report on a purge also mentions the invader, the foreign press, an ambassador's posting)."""
    years = sorted(int(e.date[:4]) for e in events if e.date and e.date[:4].isdigit())
    # the story's own era (the median year of its events): "Moscow" in a story of 1937 is the USSR's
    year = years[len(years) // 2] if years else (doc.published.year if doc.published else None)
    lead = doc.text[:LEAD_CHARS]
    # the headline and lead name the report's subject: their cues count three times
    return document_country(f"{doc.text}\n{lead}\n{lead}", year)
