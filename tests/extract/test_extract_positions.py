"""positions.py on hand-made parses: the post phrase a head noun heads."""

from __future__ import annotations

import pytest
from handmade import parsed

from purgewatch.extract.positions import is_post_phrase_head, org_in, post_span
from purgewatch.ontology import load_ontology

# "the former commander of the 58th Army in 2012"
COMMANDER = [
    ("the", 2, "det", "DET", "DT", "the"),
    ("former", 2, "amod", "ADJ", "JJ", "former"),
    ("commander", 2, "ROOT", "NOUN", "NN", "commander"),
    ("of", 2, "prep", "ADP", "IN", "of"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("58th", 6, "amod", "ADJ", "JJ", "58th"),
    ("Army", 3, "pobj", "PROPN", "NNP", "Army"),
    ("in", 2, "prep", "ADP", "IN", "in"),
    ("2012", 7, "pobj", "NUM", "CD", "2012"),
]
# "his post as defence minister"
GENERIC = [
    ("his", 1, "poss", "PRON", "PRP$", "his"),
    ("post", 1, "ROOT", "NOUN", "NN", "post"),
    ("as", 1, "prep", "ADP", "IN", "as"),
    ("defence", 4, "compound", "NOUN", "NN", "defence"),
    ("minister", 2, "pobj", "NOUN", "NN", "minister"),
]


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_positions_post_span_drops_determiner_and_former(onto):
    doc = parsed(COMMANDER)  # no DATE entity: "in 2012" reads as part of the post ("minister in Moscow")
    assert post_span(doc[2], onto).text == "commander of the 58th Army in 2012"


def test_positions_post_span_stops_at_date_preposition(onto):
    doc = parsed(COMMANDER)
    doc.ents = [doc.char_span(doc[8].idx, doc[8].idx + 4, label="DATE")]
    assert post_span(doc[2], onto).text == "commander of the 58th Army"


def test_positions_post_span_looks_inside_generic_post_noun(onto):
    doc = parsed(GENERIC)
    assert post_span(doc[1], onto).text == "defence minister"


def test_positions_is_post_phrase_head(onto):
    doc = parsed(COMMANDER)
    assert is_post_phrase_head(doc[2], onto)
    assert not is_post_phrase_head(doc[6], onto)  # "Army" names a body, not a post


def test_positions_org_in_post(onto):
    doc = parsed(COMMANDER)
    doc.ents = [doc.char_span(doc[8].idx, doc[8].idx + 4, label="DATE")]
    assert org_in(post_span(doc[2], onto), onto) == "58th Army"
