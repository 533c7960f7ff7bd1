"""Promotions to person: a proper noun standing where a cue expects a person is a person, whatever NER said."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from purgewatch.extract.anchoring import day_month_re
from purgewatch.extract.frames import Frame, slot_tokens
from purgewatch.nlp.mentions import is_name_token, name_chain
from purgewatch.ontology import Ontology

# Entity labels a cue's proper noun may carry and still be an organisation ("Defense Ministry").
ORG_LIKE_ENTS = {"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}
NOT_NAME_ENTS = {"MONEY", "CARDINAL"}


def promotions(doc: Doc, groups: list[list[Frame]], onto: Ontology, people: dict[int, Span]) -> list[Span]:
    """New person mentions for the proper nouns in the patient and successor slots of the frames."""
    out = []
    for frames in groups:
        for frame in frames:
            slots = list(frame.cue.patient) + list(frame.cue.successor)
            for slot in slots:
                for tok in slot_tokens(frame, slot, people, onto):
                    cands = [tok] + [c for c in tok.children if c.dep_ == "conj"]
                    for c in cands:
                        if c.i not in people and _may_be_person(c, onto):
                            span = name_chain(c, onto)
                            if span is not None:
                                out.append(span)
    return out


def _may_be_person(c: Token, onto: Ontology) -> bool:
    return (c.pos_ == "PROPN" and is_name_token(c, onto) and c.ent_type_ not in NOT_NAME_ENTS
            and not _org_entity(c, onto) and not day_month_re(onto).fullmatch(c.text)
            and c.lower_ not in onto.words("months"))


def _org_entity(tok: Token, onto: Ontology) -> bool:
    """Is tok inside an organisation-like entity that contains an organisation word ("Defense Ministry")?"""
    if tok.ent_type_ not in ORG_LIKE_ENTS:
        return False
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.lower_ in onto.org_heads for t in doc[start:end])
