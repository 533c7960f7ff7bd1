"""`purgewatch report`: one self-contained HTML file (inline styles and SVG charts, no script, nothing
fetched) with the purge waves, removals by organisation, charges, the succession chains of the most purged
posts, and the comparison of periods."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape

from purgewatch import __version__
from purgewatch.analyze.compare import arrest_types, execution_types
from purgewatch.analyze.queries import compare_periods, narrow
from purgewatch.analyze.tenures import build_tenures, succession
from purgewatch.analyze.waves import detect_by_country
from purgewatch.export import charts
from purgewatch.normalize.posts import display_post
from purgewatch.ontology import Ontology, load_ontology
from purgewatch.store import Store

TOP_POSTS = 5


def build(store: Store, periods: list[str] | None = None, org: str | None = None,
          onto: Ontology | None = None) -> str:
    """The report's HTML. `periods`: START:END strings for the comparison table (none: no table).

    Removals by organisation count the removals, arrests and executions (analyze.compare's columns);
    the chains are those of the posts with most removals (the ontology's `removal` types)."""
    from purgewatch.store import browse

    onto = onto or load_ontology()
    removal_types = onto.removals

    everything, holdings = store.tenure_inputs()  # read once: waves, charts, chains and comparison share it
    events = narrow(everything, org)
    tenures = build_tenures(everything, holdings, onto)
    facts = [e for e in events if e.get("factuality") in onto.factual]
    removed = (*removal_types, *arrest_types(onto), *execution_types(onto))
    removals = [e for e in facts if e["type"] in removed]
    by_org = Counter(e.get("org") or display_post(e["position"]) for e in removals if e.get("org") or e.get("position"))
    charges = Counter(c for e in facts if (c := e.get("charge")))
    posts = Counter(k for e in facts if (k := e.get("post_key")) and e["type"] in removal_types)
    chains = [(display_post(k), succession(tenures, k)) for k, _ in posts.most_common(TOP_POSTS)]
    waves = detect_by_country(events, onto=onto)
    months = browse.months(store)
    columns = compare_periods(store, periods, org, events=events) if periods else []
    env = Environment(autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    template = env.from_string((resources.files("purgewatch.serve") / "templates" / "report.html").read_text("utf-8"))
    return template.render(
        version=__version__, generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), org=org,
        summary=browse.overview(store), waves=waves, waves_chart=charts.waves(months, onto=onto),
        legend=charts.legend(sorted({r["type"] for r in months}, key=lambda t: charts.type_order(t, onto)), onto),
        orgs_chart=charts.bars(by_org.most_common(15), fill="#c92a2a"),
        charges_chart=charts.bars(charges.most_common(), fill="#ae3ec9"),
        chains=chains, columns=columns, rows=comparison_rows(columns))


def comparison_rows(columns: list[Any]) -> list[tuple[str, list[str]]]:
    """The comparison table, one row per measure."""
    if not columns:
        return []

    def share(c: Any) -> str:
        return f"{c.later_arrested_share:.0%} ({c.removed_later_arrested} of {c.removals})" \
            if c.later_arrested_share is not None else "—"

    rows = [("Removals (dismissed, resigned, retired)", [str(c.removals) for c in columns]),
            ("Arrests", [str(c.arrests) for c in columns]),
            ("Executions", [str(c.executions) for c in columns]),
            ("Appointments", [str(c.appointments) for c in columns]),
            ("Removed, later arrested", [share(c) for c in columns]),
            ("Median tenure of the removed (years)",
             [f"{c.median_tenure_years} (n={c.tenures_measured})" if c.median_tenure_years is not None else "—"
              for c in columns])]
    for lab in ("military", "security", "technocrat", "party", "unknown"):
        rows.append((f"Appointees: {lab}", [str(c.backgrounds.get(lab, 0)) for c in columns]))
    charges = sorted({k for c in columns for k in c.charges})
    for ch in charges:
        rows.append((f"Charge: {ch}", [str(c.charges.get(ch, 0)) for c in columns]))
    return rows
