"""Read gold and prediction files (JSON Lines), failing on the first malformed line with its number."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from purgewatch.errors import GoldError
from purgewatch.ontology import Ontology, load_ontology

REQUIRED_FIELDS = ("doc", "type")


def _check(record: Any, onto: Ontology | None = None) -> str | None:
    """Why a parsed line is not a record the scorer can use, or None when it is."""
    types = (onto or load_ontology()).type_names
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    for name in REQUIRED_FIELDS:
        value = record.get(name)
        if not isinstance(value, str) or not value.strip():
            return f"missing field {name!r}"
    if record["type"] not in types:
        return f"unknown event type {record['type']!r} (expected one of {', '.join(types)})"
    return None


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """All records of a JSONL file, blank lines skipped.

    Strict on purpose: a silently dropped gold line would shift every score, so any malformed
    line raises GoldError naming the file and the line.
    """
    try:
        # utf-8-sig: files saved by spreadsheet tools and Windows editors start with a BOM.
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    onto = load_ontology()
    records: list[dict[str, Any]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}: line {n}: invalid JSON: {exc.msg}") from exc
        reason = _check(record, onto)
        if reason:
            raise GoldError(f"{path}: line {n}: {reason}")
        records.append(record)
    return records
