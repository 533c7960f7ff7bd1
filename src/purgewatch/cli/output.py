"""One `--format` option and one emitter for every command that prints records."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from typing import Any

from purgewatch.errors import PurgewatchError
from purgewatch.service.tabular import rows_to_csv, to_csv, to_json_lines


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    ftm = "ftm"
    graphml = "graphml"


# A renderer returns the text to write to stdout, or None when it printed to the console itself.
Renderer = Callable[[], str | None]


def _names(formats: Sequence[Format | str]) -> str:
    names = [f.value if isinstance(f, Format) else f for f in formats]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def parse_format(value: str, supported: Sequence[Format], what: str = "format") -> Format:
    """The format named by `value` if the command supports it; else a one-line error."""
    for f in supported:
        if f.value == value:
            return f
    raise PurgewatchError(f"unknown {what} '{value}' (use {_names(supported)})")


def emit(value: str, renderers: Mapping[Format, Renderer], what: str = "format",
         write: Callable[[str], Any] | None = None) -> None:
    """Write the output for the format `value` names; `renderers`: one per format the command supports.
    `write`: where text goes (default: sys.stdout as it is at the call, which a test runner may replace)."""
    out = renderers[parse_format(value, list(renderers), what)]()
    if out is not None:
        (write or sys.stdout.write)(out)


def event_renderers(records: list[dict[str, Any]], table: Renderer) -> dict[Format, Renderer]:
    """Event records: json and jsonl are the spec's JSON Lines, csv the spec's columns."""
    return {Format.table: table, Format.json: lambda: to_json_lines(records),
            Format.jsonl: lambda: to_json_lines(records), Format.csv: lambda: to_csv(records)}


def row_renderers(rows: list[dict[str, Any]], table: Renderer | None,
                  flat: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> dict[Format, Renderer]:
    """Dicts (tenures, waves, periods): json is one indented array; csv (when `flat` is given) one flat row
    per dict."""
    out: dict[Format, Renderer] = {}
    if table is not None:
        out[Format.table] = table
    out[Format.json] = lambda: json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if flat is not None:
        out[Format.csv] = lambda: rows_to_csv([flat(r) for r in rows])
    return out
