"""Waves, comparisons of periods and the HTML report."""

from __future__ import annotations

from typing import Any

from purgewatch.analyze.queries import compare_periods
from purgewatch.analyze.queries import waves as find_waves
from purgewatch.store import Store


def waves(store: Store, org: str | None = None, country: str | None = None) -> list[Any]:
    return find_waves(store, org=org, country=country)


def compare(store: Store, periods: list[str], org: str | None = None, country: str | None = None) -> list[Any]:
    return compare_periods(store, periods, org=org, country=country)


def report(store: Store, periods: list[str] | None = None, org: str | None = None) -> str:
    """The self-contained HTML report."""
    from purgewatch.export.report import build
    return build(store, periods=[p for p in periods or [] if p], org=org or None)
