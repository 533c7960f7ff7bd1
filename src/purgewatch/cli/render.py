"""Formatting of library results for the terminal: tables and quoted evidence (CSV and JSON: service.tabular)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

TABLE_COLUMNS = ("date", "type", "person", "position", "org", "factuality", "doc")


def who(rec: dict[str, Any]) -> str:
    if rec.get("person"):
        return str(rec["person"])
    group = rec.get("group") or {}
    return f"[{group.get('description', 'group')}]"


def events_table(records: Sequence[dict[str, Any]], title: str | None = None, compact: bool = False) -> Table:
    """Events as a table; `compact` leaves out org and factuality so it fits an 80-column terminal."""
    columns = [c for c in TABLE_COLUMNS if not compact or c not in {"org", "factuality"}]
    table = Table(title=title)
    for col in columns:
        if col in {"date", "type", "factuality"}:
            table.add_column(col, no_wrap=True)
        elif col == "doc":
            table.add_column(col, overflow="ellipsis", no_wrap=True, max_width=18)
        else:
            table.add_column(col, overflow="fold")
    for r in records:
        values = {"date": r.get("date") or "", "type": r["type"], "person": who(r), "position": r.get("position") or "",
                  "org": r.get("org") or "", "factuality": r.get("factuality") or "", "doc": r["doc"]}
        table.add_row(*(values[c] for c in columns))
    return table


def print_summary(console: Console, summary: dict[str, Any]) -> None:
    console.print(f"[bold]{summary['documents']}[/] documents, [bold]{summary['events']}[/] events, "
                  f"[bold]{summary['persons']}[/] persons")
    if summary["events_by_type"]:
        t = Table(title="Events by type")
        t.add_column("type")
        t.add_column("events", justify="right")
        for k, v in summary["events_by_type"].items():
            t.add_row(k, str(v))
        console.print(t)
    if summary["latest"]:
        console.print(events_table(summary["latest"], title="Ten latest events", compact=True))


def timeline(records: Sequence[dict[str, Any]]) -> Text:
    """One person's events as a readable list: date, type, post, then the evidence quoted."""
    out = Text()
    for r in records:
        out.append(f"{r.get('date') or 'undated':10}  ", style="bold")
        out.append(f"{r['type']:10}", style="cyan")
        out.append(f"  {who(r)}")
        post = ", ".join(x for x in (r.get("position"), r.get("org")) if x)
        if post:
            out.append(f"  ({post})")
        if r.get("factuality") not in (None, "asserted"):
            out.append(f"  [{r['factuality']}]", style="yellow")
        out.append(f"\n            {r['doc']}: “{r.get('evidence') or ''}”\n", style="dim")
    return out


def names_table(names: Sequence[dict[str, str]]) -> Table:
    """Every spelling of a person, where it was seen, and why it was taken to be this person."""
    t = Table(title="Names", title_justify="left")
    for col in ("name", "document", "why this person"):
        t.add_column(col)
    for n in names:
        t.add_row(n["name"], n["doc"], n["reason"])
    return t


def tenures_table(tenures: Sequence[Any], title: str, show_person: bool = True) -> Table:
    """Tenures: holder or post, start, end, how it ended, predecessor and successor."""
    t = Table(title=title, title_justify="left")
    cols = (["holder"] if show_person else ["post"]) + ["from", "until", "ended by", "preceded by", "succeeded by"]
    for c in cols:
        t.add_column(c, overflow="fold")
    for x in tenures:
        seen = min((s.date for s in x.held_on if s.date), default=None)
        start = x.start or (f"? (held {seen})" if seen else "?")
        end = x.end or ("" if not x.end_cause else "?")
        pred = (x.predecessor or "") + (" (inferred)" if "predecessor" in x.inferred and x.predecessor else "")
        succ = (x.successor or "") + (" (inferred)" if "successor" in x.inferred and x.successor else "")
        flag = " [red]![/]" if x.conflicts else ""
        t.add_row((x.person if show_person else x.post) + flag, start, end, x.end_cause or "", pred, succ)
    return t


def tenure_evidence(tenures: Sequence[Any], show_person: bool = True) -> Text:
    """The sentences behind each tenure's start, end and sightings, and any conflict between sources."""
    out = Text()
    for x in tenures:
        out.append(f"{x.person if show_person else x.post}\n", style="bold")
        for label, sources in (("start", x.start_sources), ("end", x.end_sources), ("held", x.held_on)):
            for s in sources:
                out.append(f"  {label:5} {s.date or 'undated':10} {s.doc}: ", style="cyan")
                out.append(f"“{s.evidence}”\n", style="dim")
        for c in x.conflicts:
            out.append(f"  conflict: {c}\n", style="red")
    return out


def waves_table(waves: Sequence[Any]) -> Table:
    t = Table(title="Purge waves (Kleinberg burst detection)", title_justify="left")
    for c in ("country", "from", "to", "peak", "events", "by type", "top organisations"):
        t.add_column(c, overflow="fold")
    for w in waves:
        t.add_row(w.country or "unknown", w.start, w.end, f"{w.peak} ({w.peak_events})", str(w.events),
                  ", ".join(f"{k} {v}" for k, v in w.by_type.items()),
                  "; ".join(f"{o} ({n})" for o, n in w.top_orgs[:3]))
    return t


def compare_table(columns: Sequence[Any]) -> Table:
    from purgewatch.export.report import comparison_rows

    t = Table(title="Comparison of periods", title_justify="left")
    t.add_column("measure")
    for c in columns:
        t.add_column(str(c.period), justify="right")
    for label, values in comparison_rows(list(columns)):
        t.add_row(label, *values)
    return t
