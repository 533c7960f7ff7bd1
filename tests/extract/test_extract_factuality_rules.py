"""factuality.py on hand-made parses: a cue's own negation counts only when the cue declares it."""

from __future__ import annotations

import pytest
from handmade import parsed

from purgewatch.extract.factuality import factuality
from purgewatch.ontology import load_ontology

# "Popov was not reappointed ."
NOT_REAPPOINTED = [
    ("Popov", 3, "nsubjpass", "PROPN", "NNP", "Popov"),
    ("was", 3, "auxpass", "AUX", "VBD", "be"),
    ("not", 3, "neg", "PART", "RB", "not"),
    ("reappointed", 3, "ROOT", "VERB", "VBN", "reappoint"),
    (".", 3, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(("negation_in_cue", "expected"), [(True, "asserted"), (False, "negated")])
def test_factuality_negation_in_cue(negation_in_cue, expected):
    doc = parsed(NOT_REAPPOINTED)
    got = factuality(doc[3], {2, 3}, load_ontology(), None, negation_in_cue)
    assert got == expected


def test_factuality_negation_outside_cue_always_negates():
    doc = parsed(NOT_REAPPOINTED)
    assert factuality(doc[3], {3}, load_ontology(), None, True) == "negated"
