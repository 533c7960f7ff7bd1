"""Periods side by side: removals, arrests, executions and appointments; how many of the removed were
later arrested; how long the removed had served; who replaced them (background); the charges."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from purgewatch.analyze.backgrounds import LABELS, appointee_backgrounds
from purgewatch.analyze.tenures import Tenure
from purgewatch.errors import PurgewatchError

REMOVALS = ("dismissed", "resigned", "retired")
FACTUAL = {"asserted", "reported"}


@dataclass(frozen=True)
class Period:
    start: str  # ISO date, any precision
    end: str

    @classmethod
    def parse(cls, text: str) -> Period:
        """ "1937-01-01:1941-06-22" (either side may be YYYY or YYYY-MM)."""
        import re

        parts = text.split(":")
        pat = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
        if len(parts) != 2 or not all(pat.fullmatch(p) for p in parts):
            raise PurgewatchError(f"bad period {text!r}: expected START:END, e.g. 1937-01-01:1941-06-22")
        if parts[0] > parts[1]:
            raise PurgewatchError(f"bad period {text!r}: it ends before it starts")
        return cls(parts[0], parts[1])

    def __contains__(self, day: object) -> bool:
        """A date at any precision is inside when it overlaps the period at that precision."""
        if not isinstance(day, str) or not day:
            return False
        n = len(day)
        return self.start[:n] <= day <= self.end[:n]

    def __str__(self) -> str:
        return f"{self.start}:{self.end}"


@dataclass
class Column:
    period: Period
    removals: int = 0
    arrests: int = 0
    executions: int = 0
    appointments: int = 0
    removed_later_arrested: int = 0
    later_arrested_share: float | None = None
    median_tenure_years: float | None = None
    tenures_measured: int = 0
    backgrounds: dict[str, int] = field(default_factory=dict)
    charges: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["period"] = str(self.period)
        return out


def _who(e: dict[str, Any]) -> str | None:
    return e.get("person_id") or e.get("person")


def _years(a: str, b: str) -> float:
    """Years from a to b, dates at any precision (a missing month is mid-year, a missing day mid-month)."""
    def as_date(d: str) -> date:
        parts = [int(x) for x in d.split("-")]
        if len(parts) == 1:
            return date(parts[0], 7, 1)
        if len(parts) == 2:
            return date(parts[0], parts[1], 15)
        return date(parts[0], parts[1], parts[2])
    return (as_date(b) - as_date(a)).days / 365.25


def column(period: Period, events: list[dict[str, Any]], tenures: list[Tenure], texts: dict[str, str]) -> Column:
    """One period's figures, counting each person once per kind of event (several reports of one
    dismissal are one removal)."""
    facts = [e for e in events if e.get("factuality") in FACTUAL and _who(e)]
    inside = [e for e in facts if e.get("date") in period]
    col = Column(period)

    def people(types: tuple[str, ...]) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in inside:
            if e["type"] in types:
                who = _who(e)
                if who and (who not in out or (e.get("date") or "") < out[who]):
                    out[who] = e.get("date") or ""
        return out

    removed = people(REMOVALS)
    col.removals = len(removed)
    col.arrests = len(people(("arrested",)))
    col.executions = len(people(("executed",)))
    appointed = people(("appointed",))
    col.appointments = len(appointed)
    arrests_by_person: dict[str, list[str]] = {}
    for e in facts:
        if e["type"] == "arrested" and e.get("date"):
            arrests_by_person.setdefault(_who(e) or "", []).append(e["date"])
    later = [p for p, when in removed.items() if any(a >= when for a in arrests_by_person.get(p, []) if when)]
    col.removed_later_arrested = len(later)
    col.later_arrested_share = round(len(later) / len(removed), 3) if removed else None
    lengths = [_years(t.start, t.end) for t in tenures
               if t.start and t.end and t.end in period and t.person_id in removed and t.end_cause
               and any(c in t.end_cause for c in REMOVALS)]
    lengths = [x for x in lengths if x >= 0]
    col.tenures_measured = len(lengths)
    col.median_tenure_years = round(statistics.median(lengths), 1) if lengths else None
    backgrounds = appointee_backgrounds([e for e in inside if e["type"] == "appointed"], texts)
    seen: dict[str, str] = {}
    for e in inside:
        if e["type"] == "appointed":
            b = backgrounds.get((e["doc"], e["person"]))
            who = _who(e) or ""
            if b is not None and (who not in seen or seen[who] == "unknown"):
                seen[who] = b.label
    col.backgrounds = dict(Counter(seen.values()).most_common())
    for lab in (*LABELS, "unknown"):
        col.backgrounds.setdefault(lab, 0)
    charges: dict[tuple[str, str], None] = {}
    for e in inside:
        if e["type"] in {"arrested", "charged", "convicted"} and e.get("charge"):
            charges[(_who(e) or "", e["charge"])] = None
    col.charges = dict(Counter(c for _, c in charges).most_common())
    return col


def compare(periods: list[Period], events: list[dict[str, Any]], tenures: list[Tenure],
            texts: dict[str, str]) -> list[Column]:
    if len(periods) < 1:
        raise PurgewatchError("give at least one --period START:END")
    return [column(p, events, tenures, texts) for p in periods]
