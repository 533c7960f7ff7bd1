"""Person mentions: what NER misses, what titles and initials add, and one name per person."""

from __future__ import annotations


def persons(nlp, text):
    doc = nlp(text)
    return {(s.text, s.id_) for s in doc.spans["pw_persons"]}


def test_mentions_title_makes_a_name(nlp):
    found = persons(nlp, "People's Commissar Kulikovsky signed the order.")
    assert ("Kulikovsky", "Kulikovsky") in found


def test_mentions_initials(nlp):
    found = persons(nlp, "The order was signed by A.I. Rykalov and V. Tomsky.")
    assert {"A.I. Rykalov", "V. Tomsky"} <= {t for t, _ in found}


def test_mentions_bare_surname_takes_the_full_name(nlp):
    found = persons(nlp, "Sergei Voronin met reporters. Later Voronin left Moscow.")
    assert ("Voronin", "Sergei Voronin") in found


def test_mentions_two_people_same_surname_stay_apart(nlp):
    text = ("Ivan Popov commanded an army. Pavel Popov was a deputy minister. "
            "Pavel Popov was arrested in August. Popov denied the charges.")
    found = persons(nlp, text)
    assert ("Ivan Popov", "Ivan Popov") in found and ("Pavel Popov", "Pavel Popov") in found
    assert ("Popov", "Pavel Popov") in found


def test_mentions_coordination_with_known_person(nlp):
    found = persons(nlp, "The new deputies were Sergei Voronin and Zhdanovsky.")
    assert "Zhdanovsky" in {t for t, _ in found}


def test_weekdays_and_dates_are_not_people(nlp):
    doc = nlp("The council met late on Sunday, May 12, when Marshal Ivan Dorin was made chief of staff.")
    names = {s.text for s in doc.spans["pw_persons"]}
    assert "Sunday" not in names and not any(n.startswith("May") for n in names)
    assert "Ivan Dorin" in names
