"""Datelines: the publication date at the head of a text, never a date from the narrative."""

from __future__ import annotations

import time
from datetime import date

import pytest

from purgewatch.errors import DateError
from purgewatch.ingest import dateline
from purgewatch.ingest.dateline import (
    find_dateline,
    parse_metadata_date,
    parse_user_date,
)

BODY = "The purge began with the arrest of the deputy minister on 24 April 2024, a week after the decree.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin launches purge\n\nLev Novitsky, Clara Weiss\n21 June 2024\n\n" + BODY, date(2024, 6, 21)),
        ("Headline\nJune 21, 2024\n" + BODY, date(2024, 6, 21)),
        ("The New Purge\n\n(5 October 1940)\n\n" + BODY, date(1940, 10, 5)),
        ("MOSCOW, May 14, 2024 (Reuters) - President Vladimir Putin on 3 May 2023 said " + BODY, date(2024, 5, 14)),
        ("Report\n2024-06-21\n" + BODY, date(2024, 6, 21)),
        ("Report\nPublished: 2024-06-21T08:30:00Z\n" + BODY, date(2024, 6, 21)),
        ("By Jane Roe | Friday, June 21st, 2024\n" + BODY, date(2024, 6, 21)),
        ("Updated 10:32 GMT, Sept. 5, 2024\n" + BODY, date(2024, 9, 5)),
        ("Чистка в армии\nМосква, 14 мая 2024 г.\n" + BODY, date(2024, 5, 14)),
        ("From Socialist Appeal, Vol. 4 No. 40, 5 October 1940, p. 4.\n" + BODY, date(1940, 10, 5)),
    ],
)
def test_dateline_finds_the_publication_date(text: str, expected: date) -> None:
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # a date inside a sentence is narrative
        "Headline\n\nHe was arrested on 24 April 2024.\n",
        "Purges of 12 June 1937 remembered\n" + BODY,
        "Headline\nOn May 14 the minister was dismissed.\n",  # no year: never a dateline
        "Vol. 4 No. 40 1940\n" + BODY,
        "Headline\n2024-13-45\n" + BODY,  # not a real date
        "Headline\n31 February 2024\n" + BODY,
        "Headline\n21 Junebug 2024\n" + BODY,
    ],
)
def test_dateline_ignores_narrative_and_non_dates(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_looks_only_at_the_head_of_the_text() -> None:
    head = "".join(f"Paragraph {n} has no date at all, only prose about the purge.\n\n" for n in range(20))
    assert find_dateline(head + "21 June 2024\n") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-21", date(2024, 6, 21)),
        (" 2024-06-21 ", date(2024, 6, 21)),
        ("2024-06", date(2024, 6, 1)),
        ("1937", date(1937, 1, 1)),
    ],
)
def test_dateline_parse_user_date_accepts_iso_prefixes(value: str, expected: date) -> None:
    assert parse_user_date(value) == expected


@pytest.mark.parametrize("value", ["xyz", "", "21/06/2024", "2024-13-01", "2024-02-30", "2024-6-1", "2024-06-21T10:00"])
def test_dateline_parse_user_date_rejects_other_forms(value: str) -> None:
    with pytest.raises(DateError, match=rf"invalid date '{value}': expected YYYY-MM-DD"):
        parse_user_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-06-21T10:00:00Z", date(2024, 6, 21)), ("2024-06-21 10:00", date(2024, 6, 21)), ("1940-10", date(1940, 10, 1))],
)
def test_dateline_parse_metadata_date_takes_timestamps(value: str, expected: date) -> None:
    assert parse_metadata_date(value) == expected


def test_dateline_parse_metadata_date_rejects_prose() -> None:
    with pytest.raises(DateError):
        parse_metadata_date("last Tuesday")


# --- long lines: the search reads a bounded head, whatever the length of the text ----------------

FIVE_MB = 5 * 1024 * 1024
# A dateline sits in the first few hundred characters; no line longer than this need be searched.
HEAD_BOUND = 2000


def _spy_on_lines(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the length of every line the date patterns are run over."""
    seen: list[int] = []
    original = dateline._dates_in

    def spy(line: str) -> list[tuple[date, int, int]]:
        seen.append(len(line))
        return original(line)

    monkeypatch.setattr(dateline, "_dates_in", spy)
    return seen


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A wire dateline, then one 5 MB paragraph full of narrative dates.
        ("MOSCOW, May 14, 2024 (Reuters) - " + "He was arrested on 24 April 2024 and tried. " * (FIVE_MB // 44), date(2024, 5, 14)),
        # Narrative dates only: no dateline, and no re-scan of the line for each of them.
        ("He was arrested on 24 April 2024 and tried. " * (FIVE_MB // 44), None),
        # No date at all and no newline.
        ("x" * FIVE_MB, None),
    ],
    ids=["wire-dateline", "narrative-dates", "no-date"],
)
def test_dateline_reads_a_bounded_head_of_one_long_line(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: date | None
) -> None:
    seen = _spy_on_lines(monkeypatch)
    started = time.perf_counter()
    assert find_dateline(text) == expected
    assert time.perf_counter() - started < 5  # a guard only: the bound below is the real check
    assert seen and max(seen) <= HEAD_BOUND


def test_dateline_a_cut_line_is_a_dateline_only_with_a_wire_tail() -> None:
    # The line is cut at the bound, so what follows the date is unseen: only a wire dash ends it safely.
    assert find_dateline("21 June 2024 " + "Capitalised Words " * 100_000) is None
    assert find_dateline("Moscow, 21 June 2024 - " + "Capitalised Words " * 100_000) == date(2024, 6, 21)
