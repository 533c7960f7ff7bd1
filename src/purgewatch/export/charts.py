"""Charts as inline SVG, drawn on the server: no chart library, no script, nothing fetched."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from purgewatch.ontology import Ontology, load_ontology


def type_colours(onto: Ontology | None = None) -> dict[str, str]:
    """Type -> colour, in the ontology's order of types (the order of stacks and legends)."""
    onto = onto or load_ontology()
    return {t: onto.colour(t) for t in onto.type_names}


def colour(event_type: str, onto: Ontology | None = None) -> str:
    return (onto or load_ontology()).colour(event_type)


def type_order(event_type: str, onto: Ontology | None = None) -> int:
    """Where a type stands in stacks and legends: the ontology's order, unknown types last."""
    names = (onto or load_ontology()).type_names
    return names.index(event_type) if event_type in names else 99


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while (y, m) <= (int(last[:4]), int(last[5:7])) and len(out) < 2400:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def waves(rows: list[dict[str, Any]], width: int = 960, height: int = 260, onto: Ontology | None = None) -> str:
    """Events per month, stacked by type: the purge waves. `rows`: {month, type, events}."""
    if not rows:
        return '<p class="empty">No events dated to the month yet.</p>'
    onto = onto or load_ontology()
    months = _month_range(min(r["month"] for r in rows), max(r["month"] for r in rows))
    if len(months) > 240:  # more than 20 years: one bar per year reads better
        rows = [{**r, "month": r["month"][:4]} for r in rows]
        months = [str(y) for y in range(int(months[0][:4]), int(months[-1][:4]) + 1)]
    per: dict[str, dict[str, int]] = {m: {} for m in months}
    for r in rows:
        per[r["month"]][r["type"]] = per[r["month"]].get(r["type"], 0) + r["events"]
    top = max(sum(v.values()) for v in per.values()) or 1
    left, bottom, plot_h = 40, 40, height - 60
    bar_w = (width - left - 10) / len(months)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Events per month by type">']
    for frac in (0, 0.5, 1):
        y = 10 + plot_h * (1 - frac)
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dee2e6"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#495057">'
                     f'{round(top * frac)}</text>')
    step = max(1, len(months) // 12)
    for i, m in enumerate(months):
        x = left + i * bar_w
        y = 10 + plot_h
        for t, n in sorted(per[m].items(), key=lambda kv: type_order(kv[0], onto)):
            h = plot_h * n / top
            y -= h
            parts.append(f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(bar_w - 2, 1):.1f}" height="{h:.1f}" '
                         f'fill="{colour(t, onto)}"><title>{escape(m)}: {n} {escape(t)}</title></rect>')
        if i % step == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 20}" text-anchor="middle" '
                         f'font-size="11" fill="#495057">{escape(m)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def legend(types: list[str], onto: Ontology | None = None) -> str:
    onto = onto or load_ontology()
    items = "".join(f'<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" '
                    f'fill="{colour(t, onto)}"/></svg> {escape(t)}</li>' for t in types)
    return f'<ul class="legend">{items}</ul>'


def _year(day: str | None) -> float | None:
    if not day:
        return None
    parts = day.split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else 7
    d = int(parts[2]) if len(parts) > 2 else 15
    return y + (m - 1) / 12 + (d - 1) / 365


def timeline(tenures: list[Any], events: list[dict[str, Any]], width: int = 960, onto: Ontology | None = None) -> str:
    """A career: one row per tenure (a bar from start to end; hatched where unknown), events as marks."""
    onto = onto or load_ontology()
    points = [v for t in tenures for v in (_year(t.start), _year(t.end), _year(t.first_seen), _year(t.last_seen)) if v]
    points += [v for e in events if (v := _year(e.get("date")))]
    if not points:
        return '<p class="empty">No dated tenures or events.</p>'
    lo, hi = min(points), max(points)
    lo, hi = lo - 0.5, hi + 0.5
    label_w, row_h = 260, 26
    rows = len(tenures) + 1
    height = rows * row_h + 40
    span = hi - lo

    def x(v: float) -> float:
        return label_w + (width - label_w - 10) * (v - lo) / span

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Career timeline">']
    step = max(1, round(span / 10))
    for yr in range(int(lo) + 1, int(hi) + 1, step):
        parts.append(f'<line x1="{x(yr):.1f}" x2="{x(yr):.1f}" y1="0" y2="{height - 30}" stroke="#e9ecef"/>'
                     f'<text x="{x(yr):.1f}" y="{height - 12}" text-anchor="middle" font-size="11" '
                     f'fill="#495057">{yr}</text>')
    today = _year(date.today().isoformat()) or hi
    for i, t in enumerate(tenures):
        y = 8 + i * row_h
        start, end = _year(t.start), _year(t.end)
        first, last = _year(t.first_seen), _year(t.last_seen)
        a = start if start is not None else first
        b = end if end is not None else (min(hi, today) if not t.successor else last)
        label = escape(t.post)
        parts.append(f'<text x="4" y="{y + 14}" font-size="12" fill="#212529">{label[:40]}</text>')
        if a is None or b is None:
            continue
        tip = escape(f"{t.post}: {t.start or '?'} – {t.end or '?'}" + (f" ({t.end_cause})" if t.end_cause else ""))
        parts.append(f'<rect x="{x(a):.1f}" y="{y + 2}" width="{max(x(b) - x(a), 3):.1f}" height="{row_h - 10}" '
                     f'rx="3" fill="{"#74c0fc" if start is not None else "#d0ebff"}" stroke="#1c7ed6">'
                     f'<title>{tip}</title></rect>')
    y = 8 + len(tenures) * row_h
    parts.append(f'<text x="4" y="{y + 14}" font-size="12" fill="#212529">events</text>')
    for e in events:
        v = _year(e.get("date"))
        if v is None:
            continue
        factual = e.get("factuality", "asserted") in onto.factual
        tip = escape(f"{e.get('date')}: {e['type']}" + (f" — {e['position']}" if e.get("position") else "")
                     + ("" if factual else f" ({e.get('factuality')})"))
        # speculative or negated events are hollow: the text does not say they happened
        paint = f'fill="{colour(e["type"], onto)}"' if factual else \
            f'fill="#fff" stroke="{colour(e["type"], onto)}" stroke-width="2"'
        parts.append(f'<circle cx="{x(v):.1f}" cy="{y + 10}" r="6" {paint}><title>{tip}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def bars(items: list[tuple[str, int]], fill: str = "#1c7ed6", width: int = 720, label_w: int = 300) -> str:
    """A horizontal bar chart: one labelled bar per item, longest first as given."""
    if not items:
        return '<p class="empty">Nothing to show.</p>'
    row = 22
    top = max(n for _, n in items) or 1
    height = row * len(items) + 8
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img">']
    for i, (label, n) in enumerate(items):
        y = 4 + i * row
        w = (width - label_w - 50) * n / top
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" font-size="12" fill="#212529">'
                     f'{escape(label[:48])}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row - 8}" fill="{fill}">'
                     f'<title>{escape(label)}: {n}</title></rect>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" font-size="12" fill="#495057">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)
