"""A document for reading: metadata, text, events, and the text cut into runs for highlighting, with
people's names linked from the mention spans the extraction stored (not by searching the text)."""

from __future__ import annotations

from typing import Any

from purgewatch.store import Store, browse


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
        meta["segments"] = segments(meta["text"], meta["events"], spans)
    return meta


def segments(text: str, events: list[dict[str, Any]], spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The text as runs, each marked with the events whose evidence covers it and the person it names.

    `spans`: (start, end, person id) of each person mention. Plain data: the template escapes every run.
    """
    n = len(text)
    cover: dict[int, list[str]] = {}
    for e in events:
        if e.get("start") is None or e.get("end") is None:
            continue
        for i in range(max(0, e["start"]), min(n, e["end"])):
            cover.setdefault(i, []).append(e["id"])
    person_at: dict[int, str] = {}
    for start, end, pid in spans:
        if any(i in person_at for i in range(start, end)):
            continue  # overlapping mentions: the first one wins
        for i in range(max(0, start), min(n, end)):
            person_at[i] = pid
    out: list[dict[str, Any]] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or cover.get(i, []) != cover.get(start, []) or person_at.get(i) != person_at.get(start):
            out.append({"text": text[start:i], "events": list(cover.get(start, ())), "person": person_at.get(start)})
            start = i
    return out
