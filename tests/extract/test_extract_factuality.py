"""Asserted, reported, speculative and negated events."""

from __future__ import annotations

import pytest
from conftest import named


@pytest.mark.parametrize("text,surname,expected", [
    ("Nikita Frolov was dismissed on Monday.", "Frolov", "asserted"),
    ("Analysts say Nikita Frolov might soon be dismissed.", "Frolov", "speculative"),
    ("Nikita Frolov is expected to be dismissed next month.", "Frolov", "speculative"),
    ("There is speculation that Nikita Frolov will be arrested.", "Frolov", "speculative"),
    ("According to the ministry, Nikita Frolov was arrested on Monday.", "Frolov", "reported"),
    ("State media said that Nikita Frolov had been arrested.", "Frolov", "reported"),
    ("Nikita Frolov was not arrested.", "Frolov", "negated"),
    ("The ministry denied that Nikita Frolov had been dismissed.", "Frolov", "negated"),
    ("Prosecutors ordered the arrest of Nikita Frolov, who fled abroad.", "Frolov", "speculative"),
])
def test_factuality_values(extract, text, surname, expected):
    events = named(extract(text))
    assert events[surname].factuality == expected


def test_factuality_negation_inside_cue_is_a_dismissal(extract):
    events = extract("On May 14, Pavel Grekov was not included in the new government.")
    ev = named(events, "dismissed")["Grekov"]
    assert ev.factuality == "asserted" and ev.date == "2024-05-14"


def test_factuality_death_sentence_is_not_an_execution(extract):
    events = extract("In 1952 Ilya Sotnikov was sentenced to death.", published=None)
    assert "Sotnikov" in named(events, "convicted")
    assert "Sotnikov" not in named(events, "executed")
