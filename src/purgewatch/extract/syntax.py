"""Small dependency-tree helpers shared by the extraction rules (label sets as named constants)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
# Children that open a clause of their own: their words are not arguments of the governing cue.
CLAUSE_DEPS = {"conj", "relcl", "advcl", "ccomp", "parataxis", "acl", "xcomp", "csubj", "appos"}
LEFT_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod", "npadvmod"}


def is_passive(verb: Token) -> bool:
    """Passive voice, including a bare participle that shares a passive auxiliary through coordination."""
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return is_passive(verb.head) or not any(c.dep_ == "aux" for c in verb.children)
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "advcl", "relcl"} and not any(
        c.dep_ in {"aux", "nsubj"} for c in verb.children)


def children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions attached to tok ("of X", "by X")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ in {"pobj", "pcomp"})
    return out


def own_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    return None


def inherited_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with or subordinated to (xcomp)."""
    subj = own_subject(verb)
    if subj is not None or depth > 4:
        return subj
    if verb.dep_ in {"conj", "xcomp"} and verb.head.pos_ in {"VERB", "AUX"} and verb.head != verb:
        return inherited_subject(verb.head, depth + 1)
    return None


def clause(trigger: Token) -> list[Token]:
    """The trigger's own clause: its subtree without the clauses that hang off it."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if t is trigger and c.dep_ in CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"}:
                continue
            if c.dep_ in {"relcl", "advcl", "ccomp", "parataxis", "acl"} and c.pos_ in {"VERB", "AUX"}:
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def ancestors_to_root(tok: Token) -> Iterator[Token]:
    t = tok
    while t.head != t:
        t = t.head
        yield t


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a nominal cue ("the arrest of X began ..." -> began)."""
    for a in ancestors_to_root(tok):
        if a.pos_ in {"VERB", "AUX"}:
            return a
    return None


def span_text(span: Span) -> str:
    return " ".join(span.text.split()).strip(" ,;:()\"“”‘’'")
