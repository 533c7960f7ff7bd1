"""Date expressions resolved against the publication date, at the precision the text supports."""

from __future__ import annotations

from datetime import date

import pytest

from purgewatch.extract.dates import resolve_date

PUB = date(2024, 6, 21)


@pytest.mark.parametrize("text,base,context,expected", [
    ("on May 14", PUB, None, "2024-05-14"),
    ("Monday June 17", PUB, None, "2024-06-17"),
    ("last year", PUB, None, "2023"),
    ("in June", date(1940, 10, 5), None, "1940-06"),
    ("in August 1939", PUB, None, "1939-08"),
    ("5 October 1940", None, None, "1940-10-05"),
    ("1937", None, None, "1937"),
    ("since 2012", PUB, None, "2012"),
    ("from March to October 2023", PUB, None, "2023-03"),
    ("in December of that year", PUB, 1938, "1938-12"),
    ("several weeks ago", date(1940, 10, 5), None, "1940"),
    ("early 2023", PUB, None, "2023"),
    ("the end of July", PUB, None, "2023-07"),
])
def test_dates_resolve(text, base, context, expected):
    assert resolve_date(text, base, context) == expected


@pytest.mark.parametrize("text", ["in June", "last year", "on May 14", "several weeks ago"])
def test_dates_relative_without_publication_date_is_unknown(text):
    assert resolve_date(text, None) is None


@pytest.mark.parametrize("text", ["40", "the first week", "the 1930s", "in December of that year"])
def test_dates_not_a_date(text):
    assert resolve_date(text, None) is None


def test_dates_event_takes_its_own_clause_date(extract):
    events = extract("Andrei Kolesov, who was appointed commander in 2015, was arrested on June 3.")
    arrested = [e for e in events if e.type == "arrested"]
    assert arrested and arrested[0].date == "2024-06-03"


def test_dates_background_career_keeps_its_own_date(extract):
    events = extract("Ruslan Davydov was appointed commander of the 5th Army in 2015.")
    assert [e.date for e in events if e.type == "appointed"] == ["2015"]
