"""Who held a post just before a tenure and who took it just after, when no text states them: the
nearest factual end of someone else's tenure before it, the nearest factual start after it."""

from __future__ import annotations

from purgewatch.ontology import Ontology, load_ontology
from purgewatch.records import NeighbourRow

CANDIDATES = 5  # rows on each side looked at, nearest first


def pick_neighbours(person_id: str, found: list[tuple[list[NeighbourRow], list[NeighbourRow]]],
                    onto: Ontology | None = None) -> list[tuple[str | None, str | None]]:
    """For each span's (before, after) rows (`Store.post_neighbourhood`): the display names of the holder
    before and after, other people than `person_id`."""
    onto = onto or load_ontology()
    ends, starts = set(onto.ends), onto.starts

    def first(rows: list[NeighbourRow]) -> str | None:
        for row in rows:
            if row["person_id"] is not None and row["person_id"] != person_id:
                return row["person"]
        return None

    out: list[tuple[str | None, str | None]] = []
    for before, after in found:
        b = [r for r in before if r["name"] and r["type"] in ends and r["factuality"] in onto.factual][:CANDIDATES]
        a = [r for r in after if r["name"] and r["type"] in starts and r["factuality"] in onto.factual][:CANDIDATES]
        out.append((first(b), first(a)))
    return out
