"""Events and flat rows as CSV or JSON Lines text: written once, for the CLI, the web downloads and export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from purgewatch.store.repository import SPEC_KEYS, spec_record


def to_json_lines(records: Sequence[dict[str, Any]]) -> str:
    """Event records as the spec's JSON Lines."""
    return "".join(json.dumps(spec_record(r), ensure_ascii=False) + "\n" for r in records)


def to_csv(records: Sequence[dict[str, Any]]) -> str:
    """Event records as CSV: the spec's keys, the group as two columns."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    header = [k for k in SPEC_KEYS if k != "group"] + ["group_description", "group_count"]
    writer.writerow(header)
    for r in records:
        group = r.get("group") or {}
        writer.writerow([r.get(k) if r.get(k) is not None else "" for k in SPEC_KEYS if k != "group"]
                        + [group.get("description", ""), group.get("count") if group.get("count") is not None else ""])
    return buf.getvalue()


def rows_to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """Flat dicts as CSV, columns in the order of the first row."""
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()
