"""GraphML of the succession and replacement network (analyze.network.succession_network): people as
nodes; "succeeded" edges from a holder to the next holder of a post, and "ordered" edges from whoever
ordered an event to its subject."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

import networkx as nx

from purgewatch.analyze.network import Network, succession_network
from purgewatch.analyze.queries import succession_graph
from purgewatch.analyze.tenures import Tenure
from purgewatch.records import EventRow
from purgewatch.store import Store


def to_networkx(net: Network) -> nx.MultiDiGraph[str]:
    """The network as a networkx graph: node and edge attributes as the model has them."""
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node_id, attrs in net.nodes.items():
        g.add_node(node_id, **attrs)
    for e in net.edges:
        attrs = {k: v for k, v in e.items() if k not in {"source", "target"}}
        g.add_edge(e["source"], e["target"], **attrs)
    return g


def network(events: Sequence[EventRow], tenures: list[Tenure]) -> nx.MultiDiGraph[str]:
    return to_networkx(succession_network(events, tenures))


def graphml_network(store: Store) -> nx.MultiDiGraph[str]:
    """The database's succession network, ready for `write_graphml`."""
    return to_networkx(succession_graph(store))


def write_graphml(g: nx.MultiDiGraph[str], out: str | Path | IO[bytes]) -> None:
    nx.write_graphml(g, out)
