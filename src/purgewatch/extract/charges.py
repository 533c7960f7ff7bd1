"""Charge categories from the words of a clause ("accused of taking a bribe" -> bribery)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Token

from purgewatch.ontology import Ontology


@lru_cache(maxsize=8)
def _patterns(onto: Ontology) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for category, cues in onto.charges.items():
        alts = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
        out.append((category, re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)))
    return tuple(out)


def find_charge(tokens: Iterable[Token], onto: Ontology) -> str | None:
    """The category of the first charge cue in the tokens (in text order), or None."""
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return None
    text = " ".join(t.text for t in toks)
    best: tuple[int, str] | None = None
    for category, pattern in _patterns(onto):
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), category)
    return best[1] if best else None
