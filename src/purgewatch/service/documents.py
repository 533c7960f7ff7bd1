"""A document for reading: metadata, text, events, and the text cut into runs for highlighting, with
people's names linked from the mention spans the extraction stored (not by searching the text)."""

from __future__ import annotations

from typing import Any

from purgewatch.store import Store, browse
from purgewatch.store.browse import segments

__all__ = ["document", "segments"]


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """None if there is no such document. Documents stored before mention spans were kept fall back to
    the names found by searching the text."""
    meta = browse.document(store, doc_id)
    if meta is None:
        return None
    mentions = store.mentions(doc_id)
    if mentions:
        rows = browse.with_person_ids(store, [{"doc": doc_id, "person": m.name} for m in mentions])
        spans = [(m.start, m.end, r["person_id"]) for m, r in zip(mentions, rows, strict=True) if r["person_id"]]
        meta["segments"] = browse.segments(meta["text"], meta["events"], spans)
    return meta
