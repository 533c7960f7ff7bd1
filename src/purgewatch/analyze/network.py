"""The network of people: one model (nodes and typed edges) and one builder, rendered as the web's JSON
(`as_json`) and as GraphML (`export.graph`).

Edges come from two sources, kept apart because the two renderings have always shown different links:
"replaced" and "ordered" links stated in the text (the web, `stated_network`), and "succeeded" links
between consecutive holders of a post with "ordered" links of factual events (GraphML,
`succession_network`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from purgewatch.analyze.tenures import Tenure
from purgewatch.ontology import Ontology, load_ontology
from purgewatch.records import EventRow, LinkRow


@dataclass
class Network:
    """People as nodes (id -> attributes, `label` first) and directed, typed edges (`source`, `target`,
    `kind`, then the edge's attributes), both in the order they were added."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[dict[str, Any]] = field(default_factory=list)

    def node(self, node_id: str, label: str) -> str:
        """Add a person, or relabel one already there (the last label given wins, its place stays)."""
        self.nodes.setdefault(node_id, {})["label"] = label
        return node_id

    def edge(self, source: str, target: str, kind: str, **attrs: Any) -> dict[str, Any]:
        e = {"source": source, "target": target, "kind": kind, **attrs}
        self.edges.append(e)
        return e


def succession_network(events: Sequence[EventRow], tenures: Iterable[Tenure], onto: Ontology | None = None
                       ) -> Network:
    """Holders of a post linked to the next holder ("succeeded", from the tenures, inferred or stated) and
    whoever ordered a factual event linked to its subject ("ordered")."""
    onto = onto or load_ontology()
    tenures = list(tenures)
    net = Network()
    ids: dict[str, str] = {}
    for e in events:
        for f in ("person", "replaces", "replaced_by", "agent"):
            name, pid = e.get(f), e.get(f + "_id")
            if name and pid:
                ids[str(name)] = str(pid)
                net.node(str(pid), str(name))
    for t in tenures:
        net.node(t.person_id, t.person)
        ids.setdefault(t.person, t.person_id)
    for t in tenures:
        if t.successor and t.successor in ids:
            net.edge(t.person_id, ids[t.successor], "succeeded", post=t.post, date=t.end or "",
                     cause=t.end_cause or "", inferred="successor" in t.inferred)
    for e in events:
        agent, person = e.get("agent_id"), e.get("person_id")
        if agent and person and e.get("factuality") in onto.factual:
            net.edge(agent, person, "ordered", event=e["type"], date=e.get("date") or "", doc=e["doc"],
                     evidence=e.get("evidence") or "")
    return net


def stated_network(rows: Sequence[LinkRow], ids: dict[tuple[str, str], tuple[str, str]],
                   person_id: str | None = None, onto: Ontology | None = None) -> Network:
    """Who replaced whom as the text states it ("replaced": the predecessor to the appointee, the removed
    to the successor) and who ordered what against whom ("ordered"), one edge per pair and kind with the
    events behind it. `ids`: (doc, name) -> (person id, display name); an unresolved name is its own node.
    With `person_id`, only the person and the people linked to them are kept."""
    onto = onto or load_ontology()
    net = Network()
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}

    def node(doc: str, name: str) -> str:
        pid, display = ids.get((doc, name), ("name:" + name, name))
        if pid not in net.nodes:
            net.node(pid, display)
        return pid

    for doc, type_, person, repl, repl_by, agent, when, position, eid in rows:
        p = node(doc, person)
        links = []
        if type_ in onto.starts and repl:
            links.append((node(doc, repl), p, "replaced"))
        if repl_by and type_ not in onto.starts:
            links.append((p, node(doc, repl_by), "replaced"))
        if agent:
            links.append((node(doc, agent), p, "ordered"))
        for a, b, kind in links:
            if a == b:
                continue
            e = merged.get((a, b, kind))
            if e is None:
                e = merged[(a, b, kind)] = net.edge(a, b, kind, events=[], post=position, date=when)
            e["events"].append({"id": eid, "type": type_, "doc": doc, "date": when})
    if person_id is not None:
        keep = {person_id} | {e["source"] for e in net.edges if e["target"] == person_id} | \
            {e["target"] for e in net.edges if e["source"] == person_id}
        net.edges = [e for e in net.edges if e["source"] in keep and e["target"] in keep]
    return net


def as_json(net: Network, limit: int | None = None) -> dict[str, Any]:
    """The web API's rendering: nodes with their degree (only those on an edge), edges as they are."""
    degree: dict[str, int] = dict.fromkeys(net.nodes, 0)
    for e in net.edges:
        degree[e["source"]] += 1
        degree[e["target"]] += 1
    used = {e["source"] for e in net.edges} | {e["target"] for e in net.edges}
    nodes = [{"id": n, "label": a["label"], "degree": degree[n]} for n, a in net.nodes.items() if n in used]
    return {"nodes": nodes, "edges": net.edges[:limit] if limit is not None else list(net.edges)}
