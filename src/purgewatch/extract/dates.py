"""Resolve date expressions against the publication date, keeping the precision the text supports.

dateparser does the parsing; this module decides what it is given ("in December of that year" needs
the year of the narrative, "from March to October 2023" its first end) and how precise the answer is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

from purgewatch.ontology import Ontology, load_ontology

YEAR_RE = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
DECADE_RE = re.compile(r"\b(1[6-9]\d0|20\d0)s\b")
RANGE_RE = re.compile(r"^(?:from\s+|between\s+(?=.+\s+and\s))?(.+?)\s+(?:to|until|till|and|through|-|–)\s+(.+)$", re.IGNORECASE)
EDGE_RE = re.compile(r"^(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|"
                     r"first\s+week|last\s+week|first\s+days|last\s+days)\s+of\s+|early\s+|late\s+|mid-?\s*)", re.IGNORECASE)
THAT_YEAR_RE = re.compile(r"\b(?:of\s+)?(that|the\s+same)\s+year\b", re.IGNORECASE)
THIS_YEAR_RE = re.compile(r"\b(?:of\s+)?this\s+year\b", re.IGNORECASE)
LEAD_RE = re.compile(r"^(?:on|in|at|by|since|during|from|as\s+of|around|about|until|before|after)\s+", re.IGNORECASE)


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


@dataclass(frozen=True)
class _Words:
    """The regexes of the date vocabulary, built from the ontology's lexicon (see `lexicon:` there)."""

    month: re.Pattern[str]
    relative: re.Pattern[str]
    vague: re.Pattern[str]
    weekday: re.Pattern[str]
    season: re.Pattern[str]
    anchor_rel: re.Pattern[str]
    counts: dict[str, int]


def _alternation(onto: Ontology, *names: str) -> str:
    return "|".join(sorted(w for name in names for w in onto.words(name)))


@lru_cache(maxsize=8)
def _words(onto: Ontology) -> _Words:
    counts = {w: int(n) for w, _, n in (e.rpartition("=") for e in onto.words("anchor_count_words"))}
    return _Words(
        month=re.compile(rf"\b({_alternation(onto, 'months', 'month_abbreviations')})\b\.?", re.IGNORECASE),
        relative=re.compile(rf"\b({_alternation(onto, 'relative_date_words')})\b", re.IGNORECASE),
        vague=re.compile(rf"\b({_alternation(onto, 'vague_date_words')})\b", re.IGNORECASE),
        weekday=re.compile(rf"\b({_alternation(onto, 'weekdays')})\b", re.IGNORECASE),
        season=re.compile(rf"\b({_alternation(onto, 'seasons')})\b", re.IGNORECASE),
        anchor_rel=re.compile(r"^(?:the\s+)?(following|next|previous|preceding|same)\s+(day|week|month|year|summer|"
                              rf"winter|spring|autumn)$|^({'|'.join(sorted(counts))})\s+(days?|months?|years?)\s+"
                              r"(later|earlier)$", re.IGNORECASE),
        counts=counts,
    )


def resolve_date(text: str, base: date | None = None, context_year: int | None = None,
                 narrative_year: int | None = None, anchor: str | None = None,
                 onto: Ontology | None = None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for a date expression, or None if it names no date.

    `base` is the publication date (relative expressions need it); `context_year` is the most recent
    year the narrative named before this expression ("in December of that year"). In a retrospective
    text `narrative_year` is that year too, and a bare "on 11 May" belongs to it rather than to the
    year of publication. `anchor` is the last date the text established ("the following day").
    `onto` gives the date words (default: the ontology in use).
    """
    w = _words(onto if onto is not None else load_ontology())
    s = LEAD_RE.sub("", _first_of_range(" ".join(text.split()).strip(" ,.;:()")))
    rel = w.anchor_rel.match(s)
    if rel:
        return _from_anchor(rel, anchor, w)
    s = re.sub(r"^the\s+", "", s, flags=re.IGNORECASE)
    if w.vague.search(s) and re.search(r"\b(days?|weeks?|months?|years?)\b", s, re.IGNORECASE):
        if base is None:
            return None
        # "several weeks ago" may cross a month boundary: only the year is safe.
        return _fmt(base, "year")
    with_years = _with_years(s, base, context_year, w)
    if with_years is None:
        return None
    s = with_years
    weekday = re.fullmatch(r"(?:(last|this|past|on)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
                           s.strip(), re.IGNORECASE)
    if weekday:
        return _last_weekday(weekday.group(2), base, strictly_before=bool(weekday.group(1))
                             and weekday.group(1).lower() in {"last", "past"})
    return _parse(s, base, narrative_year, w)


def _first_of_range(s: str) -> str:
    """ "from March to October 2023": the first end, with the year the second gives."""
    m = RANGE_RE.match(s)
    if not m:
        return s
    first, second = m.group(1), m.group(2)
    year = YEAR_RE.search(second)
    if not YEAR_RE.search(first) and year:
        first = f"{first} {year.group(1)}"
    return first


def _with_years(s: str, base: date | None, context_year: int | None, w: _Words) -> str | None:
    """ "December of that year", "in May this year": the year put in, or None when it is not known."""
    if THAT_YEAR_RE.search(s):
        if context_year is None:
            return None
        s = THAT_YEAR_RE.sub(f" {context_year}", s).strip()
    if THIS_YEAR_RE.search(s) and w.month.search(s):
        if base is None:
            return None
        s = THIS_YEAR_RE.sub(f" {base.year}", s).strip()
    return s


def _parse(s: str, base: date | None, narrative_year: int | None, w: _Words) -> str | None:
    """dateparser's reading of the cleaned expression, at the precision the words support."""
    had_edge = bool(EDGE_RE.match(s))
    s = EDGE_RE.sub("", s).strip()
    s = w.weekday.sub("", s).strip(" ,")
    decade = DECADE_RE.search(s)
    if decade:
        return None
    season = w.season.search(s)
    if season:
        s = w.season.sub("", s).strip(" ,of")
        had_edge = True
    has_month, has_year = bool(w.month.search(s)), bool(YEAR_RE.search(s))
    relative = bool(w.relative.search(s))
    if has_month and not has_year and not relative and narrative_year is not None:
        s = f"{s} {narrative_year}"
        has_year = True
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


def _last_weekday(name: str, base: date | None, strictly_before: bool = False) -> str | None:
    """ "on Tuesday" in a report: the latest such day on or before publication ("last Tuesday": before)."""
    if base is None:
        return None
    from datetime import timedelta
    target = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday").index(name.lower())
    back = (base.weekday() - target) % 7
    if strictly_before and back == 0:
        back = 7
    return (base - timedelta(days=back)).isoformat()


def _from_anchor(m: re.Match[str], anchor: str | None, w: _Words) -> str | None:
    """ "the following day", "the previous year", "two years later": counted from the anchor date."""
    if not anchor:
        return None
    y, mo, d = (int(x) for x in (anchor.split("-") + ["0", "0"])[:3])
    if m.group(1):
        which, unit = m.group(1).lower(), m.group(2).lower()
        step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}[which]
    else:
        step, unit = w.counts[m.group(3).lower()], m.group(4).lower().rstrip("s")
        step = step if m.group(5).lower() == "later" else -step
    if unit in {"summer", "winter", "spring", "autumn"}:
        return f"{y + step:04d}"
    if unit == "year":
        return f"{y + step:04d}"
    if unit == "month" and mo:
        total = y * 12 + (mo - 1) + step
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    if unit in {"day", "week"} and d:
        from datetime import timedelta
        new = date(y, mo, d) + timedelta(days=step * (7 if unit == "week" else 1))
        return new.isoformat()
    return None
