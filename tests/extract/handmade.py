"""Hand-made parsed documents for rule tests: no trained model, every head and label written out."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

_NLP = spacy.blank("en")


def parsed(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """rows: (word, head index, dep, pos, tag, lemma); a token whose head is itself is the root."""
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows, strict=True))
    return Doc(_NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
