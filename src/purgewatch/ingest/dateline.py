"""Dates: the user's --published value, metadata date fields, and the dateline at the top of a text.

A report is full of dates (the arrest on April 24, the decree of 1937); only a dateline says when
the report itself was published. So the search looks only at the head of the text and only at
lines that carry nothing but the date and metadata words (byline names, place, agency, "Updated").
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import dateparser

from ..errors import DateError

DATELINE_MAX_LINES = 15
DATELINE_MAX_CHARS = 600
# How much of one line is read: a dateline line is far shorter; see _head_lines.
DATELINE_MAX_LINE_CHARS = 1000
# Month names are validated by dateparser in these languages only: wider sets make it slow and
# let it read ordinary words as months.
DATELINE_LANGUAGES = ("en", "ru", "uk", "fr", "de", "es", "it", "pl")

_USER_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_METADATA_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+\-Z]*)?")
_WORD = r"[^\W\d_]{3,}\.?"
_DATE_PATTERNS = (
    # 2024-06-21 (also the date part of 2024-06-21T10:00Z)
    re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
    # 21 June 2024, 21st of June, 2024, 21. Juni 2024, 14 мая 2024
    re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mw>{_WORD}),?\s+(?P<y>\d{{4}})(?!\d)"),
    # June 21, 2024 / Sept. 5 2024
    re.compile(rf"(?P<mw>{_WORD})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)"),
)
# A wire dateline: "MOSCOW, May 14, 2024 (Reuters) - Russian President...". What follows the dash
# is narrative and is not inspected.
_WIRE_TAIL = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—:]\s")
_TOKEN = re.compile(r"[^\W\d_]+")
# Lower-case words a dateline or byline line may hold. Any other lower-case word means the line
# is a sentence, and a date inside a sentence is narrative.
METADATA_WORDS = frozenset(
    ["published", "updated", "posted", "last", "modified", "date", "dated", "on", "at", "by", "and", "from", "in", "of", "am", "pm", "utc", "gmt", "p", "pp", "vol", "no", "issue", "edition", "г", "года", "от", "опубликовано", "обновлено", "le", "publié", "mis", "à", "jour", "um"]
)


def parse_user_date(value: str) -> date:
    """Parse a date given on the command line: YYYY-MM-DD, YYYY-MM (first day) or YYYY (1 January)."""
    match = _USER_DATE.fullmatch(value.strip())
    parsed = _from_parts(match) if match else None
    if parsed is None:
        raise DateError(f"invalid date '{value}': expected YYYY-MM-DD")
    return parsed


def parse_metadata_date(value: str) -> date:
    """Parse a `published` field of a manifest or JSONL line.

    Like parse_user_date, but also takes an ISO timestamp (its date part), as scrapers write those.
    """
    match = _METADATA_DATE.fullmatch(value.strip())
    parsed = _from_parts(match) if match else None
    if parsed is None:
        raise DateError(f"invalid date '{value}': expected YYYY-MM-DD")
    return parsed


def find_dateline(text: str) -> date | None:
    """The publication date stated in the head of `text`, or None when there is no dateline.

    Only a bounded head is read (DATELINE_MAX_CHARS, plus at most DATELINE_MAX_LINE_CHARS of the
    line that crosses it), so the cost does not grow with the text: a 5 MB single-line text costs
    what its first kilobyte does.
    """
    for line, cut in _head_lines(text):
        for found, start, end in _dates_in(line):
            before, after = line[:start], line[end:]
            if not _is_metadata(before):
                break  # every later date has this narrative word before it too
            if _is_dateline_tail(after, cut):
                return found
    return None


def _from_parts(match: re.Match[str]) -> date | None:
    year, month, day = (int(g) if g else 1 for g in match.groups()[:3])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _head_lines(text: str) -> list[tuple[str, bool]]:
    """The first non-empty lines that start within DATELINE_MAX_CHARS, each with whether it was cut.

    A line is read up to DATELINE_MAX_LINE_CHARS: a dateline is short, and a longer line is a
    paragraph whose date (if any) is told by a wire dash ("MOSCOW, May 14, 2024 (Reuters) - ...").
    """
    head = text[: DATELINE_MAX_CHARS + DATELINE_MAX_LINE_CHARS]
    lines: list[tuple[str, bool]] = []
    offset = 0
    for line in head.split("\n"):
        if offset >= DATELINE_MAX_CHARS or len(lines) >= DATELINE_MAX_LINES:
            break
        runs_past_head = offset + len(line) >= len(head) and len(head) < len(text)
        cut = len(line) > DATELINE_MAX_LINE_CHARS or runs_past_head
        if line.strip():
            lines.append((line[:DATELINE_MAX_LINE_CHARS], cut))
        offset += len(line) + 1
    return lines


def _dates_in(line: str) -> list[tuple[date, int, int]]:
    """Every full date (day, month and year) in the line, in order of position."""
    found: list[tuple[date, int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(line):
            groups = match.groupdict()
            if "mw" in groups:
                parsed = _month_word_date(int(groups["d"]), groups["mw"], int(groups["y"]))
            else:
                parsed = _from_parts(match)
            if parsed is not None:
                found.append((parsed, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def _month_word_date(day: int, word: str, year: int) -> date | None:
    month = _month_number(word.lower().rstrip("."))
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=512)
def _month_number(word: str) -> int | None:
    """The month a word names in one of DATELINE_LANGUAGES ("june", "sept", "мая"), else None."""
    parsed = dateparser.parse(
        f"15 {word} 2001",
        languages=list(DATELINE_LANGUAGES),
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if not isinstance(parsed, datetime) or parsed.year != 2001 or parsed.day != 15:
        return None
    return parsed.month


def _is_metadata(words: str) -> bool:
    """True when every word is capitalised (a name, a place) or a METADATA_WORDS word."""
    return all(token[0].isupper() or token.lower() in METADATA_WORDS for token in _TOKEN.findall(words))


def _is_dateline_tail(after: str, cut: bool) -> bool:
    """Whether what follows a date on its line leaves the line a dateline.

    Up to a wire dash the words must be metadata; what follows the dash is narrative. On a cut
    line the end is unseen, so only a wire dash can settle it.
    """
    wire = _WIRE_TAIL.match(after)
    if wire:
        return _is_metadata(after[: wire.end()])
    return not cut and _is_metadata(after)
