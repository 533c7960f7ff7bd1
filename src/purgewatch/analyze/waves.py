"""Purge waves: months where removals and arrests rise far above their baseline.

Method: Kleinberg's burst detection ("Bursty and Hierarchical Structure in Streams", KDD 2002) with
Poisson emissions, two states. Months form a sequence of counts x_t (every month from the first to the
last event, empty months included). The base state emits counts at the overall mean rate λ0; the burst
state at s·λ0 (s = 3 by default). Entering the burst state costs γ·ln(n) (n = number of months; leaving
is free); each month costs −ln P(x_t | λ_state). The cheapest state sequence (Viterbi) marks the waves:
maximal runs of burst months. The parameters are few and stated, so a wave can be explained: "in these
months removals ran at more than s times the usual rate, long enough to pay the price of a switch".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from purgewatch.normalize.posts import display_post, post_org
from purgewatch.ontology import Ontology, load_ontology
from purgewatch.records import EventRow


@dataclass
class Wave:
    country: str | None
    start: str          # first month of the wave, YYYY-MM
    end: str            # last month
    peak: str           # the month with most events
    peak_events: int
    events: int
    baseline: float     # events per month outside waves, for comparison
    by_type: dict[str, int] = field(default_factory=dict)
    top_orgs: list[tuple[str, int]] = field(default_factory=list)
    top_people: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def month_series(months: list[str]) -> list[str]:
    """Every month from the first to the last, inclusive."""
    if not months:
        return []
    y, m = int(min(months)[:4]), int(min(months)[5:7])
    last = max(months)
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _poisson_cost(x: int, rate: float) -> float:
    rate = max(rate, 1e-9)
    return rate - x * math.log(rate) + math.lgamma(x + 1)


def burst_states(counts: list[int], s: float = 3.0, gamma: float = 1.0) -> list[int]:
    """Kleinberg's two-state Viterbi over Poisson counts: 1 for a burst month, 0 otherwise."""
    n = len(counts)
    if n == 0:
        return []
    base = max(sum(counts) / n, 1e-3)
    rates = (base, base * s)
    up = gamma * math.log(max(n, 2))
    cost = [_poisson_cost(counts[0], rates[0]), up + _poisson_cost(counts[0], rates[1])]
    back: list[tuple[int, int]] = []
    for x in counts[1:]:
        stay0, from1 = cost[0], cost[1]            # into state 0: leaving a burst is free
        stay1, from0 = cost[1], cost[0] + up       # into state 1: entering costs up
        prev0 = 0 if stay0 <= from1 else 1
        prev1 = 1 if stay1 <= from0 else 0
        cost = [min(stay0, from1) + _poisson_cost(x, rates[0]), min(stay1, from0) + _poisson_cost(x, rates[1])]
        back.append((prev0, prev1))
    state = 0 if cost[0] <= cost[1] else 1
    states = [state]
    for prev in reversed(back):
        state = prev[state]
        states.append(state)
    return states[::-1]


def detect_by_country(events: Sequence[EventRow], s: float = 3.0, gamma: float = 1.0,
                      min_events: int = 3, onto: Ontology | None = None) -> list[Wave]:
    """Waves in each country separately (a document's country, see normalize.posts.document_country): a
    purge in one country is not measured against another's baseline."""
    onto = onto or load_ontology()
    by_country: dict[str | None, list[EventRow]] = {}
    for e in events:
        by_country.setdefault(e.get("country"), []).append(e)
    dated = [d[:7] for e in events if (d := e.get("date")) and len(d) >= 7]
    span = (min(dated), max(dated)) if dated else None
    out = []
    for country, evs in by_country.items():
        out += detect(evs, s=s, gamma=gamma, min_events=min_events, country=country, span=span, onto=onto)
    return sorted(out, key=lambda w: w.start)


def detect(events: Sequence[EventRow], s: float = 3.0, gamma: float = 1.0, min_events: int = 3,
           country: str | None = None, span: tuple[str, str] | None = None,
           onto: Ontology | None = None) -> list[Wave]:
    """Waves among removal and arrest events dated at least to the month.

    `events`: records with type, date, factuality, person, position/org. A group event counts its
    group's size when the text gives one. `span`: the months the baseline is measured over (default:
    from the first to the last of these events); a corpus that is all purge has no quiet months of its
    own, so a wider span (the whole database's) gives the baseline.
    """
    onto = onto or load_ontology()
    wave_types = onto.wave_types
    rel = [e for e in events if e.get("type") in wave_types and e.get("factuality", "asserted") in onto.factual
           and (d := e.get("date")) and len(d) >= 7]
    if not rel:
        return []
    per_month: Counter[str] = Counter()
    for e in rel:
        per_month[_month(e)] += _weight(e)
    months = month_series(list(per_month) + (list(span) if span else []))
    counts = [per_month.get(m, 0) for m in months]
    states = burst_states(counts, s=s, gamma=gamma)
    waves: list[Wave] = []
    quiet = [c for c, st in zip(counts, states, strict=True) if st == 0]
    baseline = sum(quiet) / len(quiet) if quiet else 0.0
    i = 0
    while i < len(months):
        if states[i] != 1:
            i += 1
            continue
        j = i
        while j + 1 < len(months) and states[j + 1] == 1:
            j += 1
        burst = set(months[i:j + 1])
        inside = [e for e in rel if _month(e) in burst]
        total = sum(_weight(e) for e in inside)
        if total >= min_events:
            peak = max(months[i:j + 1], key=lambda m: (per_month.get(m, 0), m))
            orgs = Counter(o for e in inside if (o := _org(e)))
            people = Counter(p for e in inside if (p := e.get("person")))
            waves.append(Wave(country=country, start=months[i], end=months[j], peak=peak, peak_events=per_month.get(peak, 0),
                              events=total, baseline=round(baseline, 2),
                              by_type=dict(Counter(e["type"] for e in inside).most_common()),
                              top_orgs=orgs.most_common(5), top_people=[p for p, _ in people.most_common(8)]))
        i = j + 1
    return waves


def _month(e: EventRow) -> str:
    """YYYY-MM of an event dated at least to the month (the only ones detection counts)."""
    return cast(str, e["date"])[:7]


def _weight(e: EventRow) -> int:
    group = e.get("group") or {}
    return int(group.get("count") or 1) if not e.get("person") else 1


def _org(e: EventRow) -> str | None:
    if e.get("org"):
        return str(e["org"])
    if e.get("position"):
        return post_org(e["position"]) or display_post(e["position"])
    return None
