"""syntax.py on hand-made parses."""

from __future__ import annotations

from handmade import parsed

from purgewatch.extract.syntax import (
    clause,
    governing_verb,
    inherited_subject,
    is_passive,
    own_subject,
    prep_objects,
)

# "Popov was dismissed by Putin and arrested ."
PASSIVE = [
    ("Popov", 2, "nsubjpass", "PROPN", "NNP", "Popov"),
    ("was", 2, "auxpass", "AUX", "VBD", "be"),
    ("dismissed", 2, "ROOT", "VERB", "VBN", "dismiss"),
    ("by", 2, "agent", "ADP", "IN", "by"),
    ("Putin", 3, "pobj", "PROPN", "NNP", "Putin"),
    ("and", 2, "cc", "CCONJ", "CC", "and"),
    ("arrested", 2, "conj", "VERB", "VBN", "arrest"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
# "Putin dismissed Popov , who had led the army ."
ACTIVE = [
    ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
    ("dismissed", 1, "ROOT", "VERB", "VBD", "dismiss"),
    ("Popov", 1, "dobj", "PROPN", "NNP", "Popov"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("who", 6, "nsubj", "PRON", "WP", "who"),
    ("had", 6, "aux", "AUX", "VBD", "have"),
    ("led", 2, "relcl", "VERB", "VBN", "lead"),
    ("the", 8, "det", "DET", "DT", "the"),
    ("army", 6, "dobj", "NOUN", "NN", "army"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
# "The arrest of Popov shocked Moscow ."
NOMINAL = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("arrest", 4, "nsubj", "NOUN", "NN", "arrest"),
    ("of", 1, "prep", "ADP", "IN", "of"),
    ("Popov", 2, "pobj", "PROPN", "NNP", "Popov"),
    ("shocked", 4, "ROOT", "VERB", "VBD", "shock"),
    ("Moscow", 4, "dobj", "PROPN", "NNP", "Moscow"),
    (".", 4, "punct", "PUNCT", ".", "."),
]


def test_syntax_is_passive_with_passive_subject():
    assert is_passive(parsed(PASSIVE)[2])


def test_syntax_is_passive_shared_through_coordination():
    # "arrested" has no auxiliary of its own: it shares "was" with "dismissed"
    assert is_passive(parsed(PASSIVE)[6])


def test_syntax_is_passive_false_for_active_verb():
    assert not is_passive(parsed(ACTIVE)[1])


def test_syntax_own_subject_finds_active_and_passive_subjects():
    assert own_subject(parsed(ACTIVE)[1]).text == "Putin"
    assert own_subject(parsed(PASSIVE)[2]).text == "Popov"
    assert own_subject(parsed(PASSIVE)[6]) is None


def test_syntax_inherited_subject_through_conj():
    assert inherited_subject(parsed(PASSIVE)[6]).text == "Popov"


def test_syntax_prep_objects_by_agent_only():
    doc = parsed(PASSIVE)
    assert [t.text for t in prep_objects(doc[2], {"by"})] == ["Putin"]
    assert prep_objects(doc[2], {"of"}) == []


def test_syntax_governing_verb_of_nominal_cue():
    doc = parsed(NOMINAL)
    assert governing_verb(doc[1]).text == "shocked"
    assert governing_verb(doc[4]) is None  # the root has no verb above it


def test_syntax_clause_leaves_out_relative_clause():
    doc = parsed(ACTIVE)
    words = [t.text for t in clause(doc[1])]
    assert "Popov" in words and "Putin" in words
    assert "led" not in words and "army" not in words
