"""Export the database: events (JSON Lines, CSV), FollowTheMoney entities, the GraphML network."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

from purgewatch.errors import PurgewatchError
from purgewatch.service.scoring import predictions
from purgewatch.service.tabular import to_csv, to_json_lines
from purgewatch.store import Store

EXPORT_FORMATS = ("jsonl", "json", "csv", "ftm", "graphml")


@dataclass
class Exported:
    text: str
    what: str  # "12 events", for the message after writing a file


def export(store: Store, format: str) -> Exported:
    if format in {"jsonl", "json", "csv"}:
        records = predictions(store)
        text = to_csv(records) if format == "csv" else to_json_lines(records)
        return Exported(text, f"{len(records)} events")
    if format == "ftm":
        from purgewatch.export.ftm import store_entities as ftm_entities

        lines = [json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in ftm_entities(store)]
        return Exported("".join(line + "\n" for line in lines), f"{len(lines)} FollowTheMoney entities")
    if format == "graphml":
        from purgewatch.export.graph import graphml_network as network
        from purgewatch.export.graph import write_graphml

        graph = network(store)
        buf = io.BytesIO()
        write_graphml(graph, buf)
        return Exported(buf.getvalue().decode("utf-8"),
                        f"a network of {graph.number_of_nodes()} people and {graph.number_of_edges()} links")
    raise PurgewatchError(f"unknown export format '{format}' (use jsonl, csv, ftm or graphml)")
