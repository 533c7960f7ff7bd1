"""Scoring: the database's events (or a prediction file) against gold, with the spec's rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from purgewatch.evaluate import load_records, score
from purgewatch.store import Store


def predictions(store: Store) -> list[dict[str, Any]]:
    """All stored events as spec records, for export and eval."""
    from purgewatch.store.repository import spec_record
    return [spec_record(r) for r in store.events(order="doc")]


def score_against_gold(gold: Path, store: Store | None = None, pred: Path | None = None) -> Any:
    """Score `pred` (else the store's events) on the gold's documents; returns the evaluate report."""
    gold_records = load_records(gold)
    if pred is not None:
        pred_records = load_records(pred)
    elif store is not None:
        pred_records = predictions(store)
    else:
        raise ValueError("score_against_gold needs a store or a prediction file")
    docs = {g["doc"] for g in gold_records}
    return score(gold_records, [p for p in pred_records if p["doc"] in docs])
