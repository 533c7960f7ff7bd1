"""Fast sentence lookup: spaCy's Token.sent rescans the document, which is quadratic in hot loops."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

_KEY = "pw_sentences"


def sentences(doc: Doc) -> tuple[list[int], list[Span]]:
    """The document's sentences and their start indices, computed once per document (after parsing)."""
    cached = doc.user_data.get(_KEY)
    if cached is None or len(cached[1]) == 0 or cached[1][-1].end != len(doc):
        spans = list(doc.sents)
        cached = ([s.start for s in spans], spans)
        doc.user_data[_KEY] = cached
    return cached


def sent_of(tok: Token | Span) -> Span:
    """The sentence a token (or a span's first token) is in."""
    starts, spans = sentences(tok.doc)
    i = tok.i if isinstance(tok, Token) else tok.start
    return spans[bisect_right(starts, i) - 1]


def previous_sentence(sent: Span) -> Span | None:
    starts, spans = sentences(sent.doc)
    k = bisect_right(starts, sent.start) - 1
    return spans[k - 1] if k > 0 else None
