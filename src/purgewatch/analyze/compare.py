"""Periods side by side: removals, arrests, executions and appointments; how many of the removed were
later arrested; how long the removed had served; who replaced them (background); the charges."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from purgewatch.analyze.backgrounds import LABELS, appointee_backgrounds
from purgewatch.analyze.tenures import Tenure
from purgewatch.errors import PurgewatchError
from purgewatch.ontology import Ontology, load_ontology
from purgewatch.records import EventRow


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


def arrest_types(onto: Ontology | None = None) -> tuple[str, ...]:
    """The "arrests" column: the justice types that end a tenure (the arrest, not the charge or trial)."""
    onto = onto or load_ontology()
    return tuple(t for t in onto.type_names if onto.family(t) == "justice" and t in onto.ends)


def execution_types(onto: Ontology | None = None) -> tuple[str, ...]:
    """The "executions" column: the types that end a life (family end_of_life)."""
    onto = onto or load_ontology()
    return tuple(t for t in onto.type_names if onto.family(t) == "end_of_life")


def _who(e: EventRow) -> str | None:
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


def column(period: Period, events: Sequence[EventRow], tenures: list[Tenure], texts: dict[str, str],
           onto: Ontology | None = None) -> Column:
    """One period's figures, counting each person once per kind of event (several reports of one
    dismissal are one removal). The columns' types come from the ontology: removals (`removal`),
    arrests (`arrest_types`), executions (`execution_types`), appointments (`starts`), charges (types
    that take a charge)."""
    onto = onto or load_ontology()
    removals, arrests, starts = onto.removals, arrest_types(onto), tuple(onto.starts)
    removal_causes = tuple(onto.ends.get(t, t) for t in removals)
    facts = [e for e in events if e.get("factuality") in onto.factual and _who(e)]
    inside = [e for e in facts if e.get("date") in period]
    col = Column(period)

    def people(types: tuple[str, ...] | frozenset[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in inside:
            if e["type"] in types:
                who = _who(e)
                if who and (who not in out or (e.get("date") or "") < out[who]):
                    out[who] = e.get("date") or ""
        return out

    removed = people(removals)
    col.removals = len(removed)
    col.arrests = len(people(arrests))
    col.executions = len(people(execution_types(onto)))
    appointed = people(starts)
    col.appointments = len(appointed)
    arrests_by_person: dict[str, list[str]] = {}
    for e in facts:
        if e["type"] in arrests and e.get("date"):
            arrests_by_person.setdefault(_who(e) or "", []).append(cast(str, e["date"]))
    later = [p for p, when in removed.items() if any(a >= when for a in arrests_by_person.get(p, []) if when)]
    col.removed_later_arrested = len(later)
    col.later_arrested_share = round(len(later) / len(removed), 3) if removed else None
    lengths = [_years(t.start, t.end) for t in tenures
               if t.start and t.end and t.end in period and t.person_id in removed and t.end_cause
               and any(c in t.end_cause for c in removal_causes)]
    lengths = [x for x in lengths if x >= 0]
    col.tenures_measured = len(lengths)
    col.median_tenure_years = round(statistics.median(lengths), 1) if lengths else None
    backgrounds = appointee_backgrounds([e for e in inside if e["type"] in starts], texts, onto)
    seen: dict[str, str] = {}
    for e in inside:
        if e["type"] in starts:
            b = backgrounds.get((e["doc"], cast(str, e["person"])))  # facts have a person
            who = _who(e) or ""
            if b is not None and (who not in seen or seen[who] == "unknown"):
                seen[who] = b.label
    col.backgrounds = dict(Counter(seen.values()).most_common())
    for lab in (*LABELS, "unknown"):
        col.backgrounds.setdefault(lab, 0)
    charges: dict[tuple[str, str], None] = {}
    charged = onto.with_argument("charge")
    for e in inside:
        if e["type"] in charged and e.get("charge"):
            charges[(_who(e) or "", cast(str, e["charge"]))] = None
    col.charges = dict(Counter(c for _, c in charges).most_common())
    return col


def compare(periods: list[Period], events: Sequence[EventRow], tenures: list[Tenure],
            texts: dict[str, str], onto: Ontology | None = None) -> list[Column]:
    if len(periods) < 1:
        raise PurgewatchError("give at least one --period START:END")
    onto = onto or load_ontology()
    return [column(p, events, tenures, texts, onto) for p in periods]
