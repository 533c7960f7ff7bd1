"""Resolve date expressions against the publication date, keeping the precision the text supports.

dateparser does the parsing; this module decides what it is given ("in December of that year" needs
the year of the narrative, "from March to October 2023" its first end) and how precise the answer is.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
MONTH_RE = re.compile(rf"\b({MONTHS})\b\.?", re.I)
YEAR_RE = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
RELATIVE_RE = re.compile(r"\b(yesterday|today|last|this|next|ago|previous|earlier)\b", re.I)
VAGUE_RE = re.compile(r"\b(several|few|some|recent|past|couple)\b", re.I)
WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
SEASON_RE = re.compile(r"\b(spring|summer|autumn|fall|winter)\b", re.I)
DECADE_RE = re.compile(r"\b(1[6-9]\d0|20\d0)s\b")
RANGE_RE = re.compile(r"^(?:from|between)\s+(.+?)\s+(?:to|until|till|and|through)\s+(.+)$", re.I)
EDGE_RE = re.compile(r"^(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|"
                     r"first\s+week|last\s+week|first\s+days|last\s+days)\s+of\s+|early\s+|late\s+|mid-?\s*)", re.I)
THAT_YEAR_RE = re.compile(r"\b(?:of\s+)?(that|the\s+same)\s+year\b", re.I)
THIS_YEAR_RE = re.compile(r"\b(?:of\s+)?this\s+year\b", re.I)
LEAD_RE = re.compile(r"^(?:on|in|at|by|since|during|from|as\s+of|around|about|until|before|after)\s+", re.I)


@lru_cache(maxsize=64)
def _parser(base: date | None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _fmt(d: date | datetime, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def resolve_date(text: str, base: date | None = None, context_year: int | None = None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for a date expression, or None if it names no date.

    `base` is the publication date (relative expressions need it); `context_year` is the most recent
    year the narrative named before this expression ("in December of that year").
    """
    s = " ".join(text.split()).strip(" ,.;:()")
    m = RANGE_RE.match(s)
    if m:
        first, second = m.group(1), m.group(2)
        year = YEAR_RE.search(second)
        if not YEAR_RE.search(first) and year:
            first = f"{first} {year.group(1)}"
        s = first
    s = LEAD_RE.sub("", s)
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    if VAGUE_RE.search(s) and re.search(r"\b(days?|weeks?|months?|years?)\b", s, re.I):
        if base is None:
            return None
        # "several weeks ago" may cross a month boundary: only the year is safe.
        return _fmt(base, "year")
    if THAT_YEAR_RE.search(s):
        if context_year is None:
            return None
        s = THAT_YEAR_RE.sub(f" {context_year}", s).strip()
    if THIS_YEAR_RE.search(s) and MONTH_RE.search(s):
        if base is None:
            return None
        s = THIS_YEAR_RE.sub(f" {base.year}", s).strip()
    had_edge = bool(EDGE_RE.match(s))
    s = EDGE_RE.sub("", s).strip()
    s = WEEKDAY_RE.sub("", s).strip(" ,")
    decade = DECADE_RE.search(s)
    if decade:
        return None
    season = SEASON_RE.search(s)
    if season:
        s = SEASON_RE.sub("", s).strip(" ,of")
        had_edge = True
    has_month, has_year = bool(MONTH_RE.search(s)), bool(YEAR_RE.search(s))
    relative = bool(RELATIVE_RE.search(s))
    if not (has_month or has_year or relative):
        return None
    if not has_year and base is None:
        return None
    data = _parser(base).get_date_data(s)
    if data is None or data.date_obj is None:
        year = YEAR_RE.search(s)
        return year.group(1) if year else None
    period = data.period or "day"
    if period in {"week", "time"}:
        period = "day"
    if has_month and not re.search(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)", re.sub(YEAR_RE, "", s)):
        period = "month"
    if had_edge:
        period = "month" if has_month else "year"
    if not has_month and has_year and not relative:
        period = "year"
    return _fmt(data.date_obj, period)


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None
