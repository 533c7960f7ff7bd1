"""Sentence starts at paragraph breaks: headlines and datelines are not part of the first sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("pw_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Runs before the parser, which keeps sentence starts that are already set."""
    for tok in doc[:-1]:
        if "\n\n" in tok.text_with_ws and (tok.is_space or tok.whitespace_):
            doc[tok.i + 1].is_sent_start = True
        elif tok.is_space and "\n" in tok.text and tok.i + 1 < len(doc) and tok.i > 0 \
                and not doc[tok.i - 1].is_punct and doc[tok.i + 1].is_title:
            # a line that ends without punctuation and a capitalised next line: a heading or dateline
            doc[tok.i + 1].is_sent_start = True
    return doc
