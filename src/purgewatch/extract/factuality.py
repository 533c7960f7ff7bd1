"""Whether the text asserts an event, attributes it to a source, speculates about it, or denies it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from purgewatch.nlp.sentences import sent_of
from purgewatch.ontology import Ontology

QUOTES = {'"', "“", "”", "«", "»"}


def factuality(trigger: Token, cue_tokens: set[int], onto: Ontology, verb: Token | None = None,
               negation_in_cue: bool = False) -> str:
    """negated > speculative > reported > asserted, from the cue's own words and the words that govern it.

    `verb` is the clause's verb when the cue is a noun or participle governed by one. A cue that declares
    `negation_in_cue` ("not reappointed") has its own negation: its words are not read as denying it.
    """
    heads = [trigger] + ([verb] if verb is not None and verb is not trigger else [])
    for h in heads:
        for c in h.children:
            if negation_in_cue and c.i in cue_tokens:
                continue
            if c.dep_ == "neg" or (c.lower_ in onto.negations and c.dep_ in {"neg", "det", "advmod"}):
                return "negated"
    chain = _governors(trigger)
    for a in chain:
        lemma = a.lemma_.lower()
        if lemma in onto.negating_governors:
            return "negated"
        if lemma in onto.evidence_nouns and any(c.lower_ in onto.words("evidence_negators") for c in a.children):
            return "negated"
    for h in heads + chain[:3]:
        for c in h.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in onto.speculative_modals:
                return "speculative"
            if c.dep_ == "mark" and c.lower_ in onto.words("conditional_marks"):
                return "speculative"
    for a in [trigger] + chain:
        if a.lemma_.lower() in onto.speculative_governors or a.lower_ in onto.speculative_governors:
            if a is not trigger or trigger.pos_ != "VERB":
                return "speculative"
    for a in chain:
        if a.lemma_.lower() in onto.reported_governors and a.pos_ in {"VERB", "AUX"}:
            return "reported"
    sent = sent_of(trigger)
    if sent.text.rstrip().endswith("?"):
        return "speculative"  # a question asks, it does not assert
    low = sent.text.lower()
    if any(p in low for p in onto.reported_phrases):
        return "reported"
    if _inside_quotes(sent, trigger):
        return "reported"
    return "asserted"


def _governors(trigger: Token) -> list[Token]:
    """The words above the cue, up to the edge of a relative clause: in "X, who was arrested in May, denies
    wrongdoing" the denial governs X, not the arrest the relative clause states."""
    out: list[Token] = []
    t = trigger
    while t.head != t and t.dep_ != "relcl":
        t = t.head
        out.append(t)
    return out


def _inside_quotes(sent: Span, trigger: Token) -> bool:
    before = [t for t in sent if t.i < trigger.i and t.text in QUOTES]
    return len(before) % 2 == 1
