"""frames.py on hand-made parses, with a tiny ontology of its own cues."""

from __future__ import annotations

import copy

import pytest
import yaml
from handmade import parsed

from purgewatch.extract.frames import build_matcher, find_frames, holder_tokens, person_list, slot_tokens
from purgewatch.ontology import load_ontology
from purgewatch.ontology.schema import _bundled_text, parse_ontology

# "Putin dismissed Popov and Ivanov ."
ACTIVE = [
    ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
    ("dismissed", 1, "ROOT", "VERB", "VBD", "dismiss"),
    ("Popov", 1, "dobj", "PROPN", "NNP", "Popov"),
    ("and", 2, "cc", "CCONJ", "CC", "and"),
    ("Ivanov", 2, "conj", "PROPN", "NNP", "Ivanov"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
# "Popov was relieved of his post ."
RELIEVED = [
    ("Popov", 2, "nsubjpass", "PROPN", "NNP", "Popov"),
    ("was", 2, "auxpass", "AUX", "VBD", "be"),
    ("relieved", 2, "ROOT", "VERB", "VBN", "relieve"),
    ("of", 2, "prep", "ADP", "IN", "of"),
    ("his", 5, "poss", "PRON", "PRP$", "his"),
    ("post", 3, "pobj", "NOUN", "NN", "post"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
# "Popov was relieved ." (no "of": the cue requires one)
RELIEVED_BARE = [
    ("Popov", 2, "nsubjpass", "PROPN", "NNP", "Popov"),
    ("was", 2, "auxpass", "AUX", "VBD", "be"),
    ("relieved", 2, "ROOT", "VERB", "VBN", "relieve"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
# "Ivanov , the new head"
HOLDER = [
    ("Ivanov", 0, "ROOT", "PROPN", "NNP", "Ivanov"),
    (",", 0, "punct", "PUNCT", ",", ","),
    ("the", 4, "det", "DET", "DT", "the"),
    ("new", 4, "amod", "ADJ", "JJ", "new"),
    ("head", 0, "appos", "NOUN", "NN", "head"),
]


@pytest.fixture(scope="module")
def tiny():
    data = yaml.safe_load(_bundled_text("ontology.yaml"))
    data = copy.deepcopy(data)
    data["event_types"] = {"dismissed": data["event_types"]["dismissed"]}
    data["cues"] = [
        {"type": "dismissed", "lemmas": ["dismiss"], "patient": ["object"], "successor": "by"},
        {"type": "dismissed", "lemmas": ["relieve"], "patient": ["object"], "requires_prep": ["of"]},
    ]
    return parse_ontology(data, "tiny")


def frames_of(doc, onto):
    return find_frames(doc, build_matcher(doc.vocab, onto), onto)


def test_frames_find_frames_matches_a_lemma_cue(tiny):
    doc = parsed(ACTIVE)
    groups = frames_of(doc, tiny)
    assert len(groups) == 1
    frame = groups[0][0]
    assert frame.type == "dismissed" and frame.trigger.text == "dismissed" and frame.cue.id == 0


def test_frames_find_frames_requires_prep(tiny):
    assert [f[0].trigger.text for f in frames_of(parsed(RELIEVED), tiny)] == ["relieved"]
    assert frames_of(parsed(RELIEVED_BARE), tiny) == []


def test_frames_slot_object_of_active_and_passive(tiny):
    active = frames_of(parsed(ACTIVE), tiny)[0][0]
    assert [t.text for t in slot_tokens(active, "object", {}, tiny)] == ["Popov"]
    passive = frames_of(parsed(RELIEVED), tiny)[0][0]
    assert [t.text for t in slot_tokens(passive, "object", {}, tiny)] == ["Popov"]
    assert slot_tokens(passive, "subject", {}, tiny) == []  # a passive has no active subject slot


def test_frames_holder_tokens_apposition():
    doc = parsed(HOLDER)
    assert [t.text for t in holder_tokens(doc[4], {})] == ["Ivanov"]


def test_frames_person_list_forward():
    doc = parsed(ACTIVE)
    people = {2: doc[2:3], 4: doc[4:5]}
    found = person_list(doc, 2, people, 1, load_ontology())
    assert [s.text for s in found] == ["Popov", "Ivanov"]
