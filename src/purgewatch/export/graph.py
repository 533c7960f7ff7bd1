"""GraphML of the succession and replacement network: people as nodes; "succeeded" edges from a holder to
the next holder of a post, and "ordered" edges from whoever ordered an event to its subject."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import networkx as nx

from purgewatch.analyze.tenures import Tenure


def network(events: list[dict[str, Any]], tenures: list[Tenure]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    ids: dict[str, str] = {}
    for e in events:
        for f in ("person", "replaces", "replaced_by", "agent"):
            if e.get(f) and e.get(f + "_id"):
                ids[e[f]] = e[f + "_id"]
                g.add_node(e[f + "_id"], label=e[f])
    for t in tenures:
        g.add_node(t.person_id, label=t.person)
        ids.setdefault(t.person, t.person_id)
    for t in tenures:
        if t.successor and t.successor in ids:
            g.add_edge(t.person_id, ids[t.successor], kind="succeeded", post=t.post,
                       date=t.end or "", cause=t.end_cause or "", inferred="successor" in t.inferred)
    for e in events:
        if e.get("agent_id") and e.get("person_id") and e.get("factuality") in {"asserted", "reported"}:
            g.add_edge(e["agent_id"], e["person_id"], kind="ordered", event=e["type"], date=e.get("date") or "",
                       doc=e["doc"], evidence=e.get("evidence") or "")
    return g


def write_graphml(g: nx.MultiDiGraph, out: str | Path | IO[bytes]) -> None:
    nx.write_graphml(g, out)
