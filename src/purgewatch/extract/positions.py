"""Posts and organisations: the noun phrase that names an office or rank, and the body it belongs to."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from purgewatch.extract.syntax import prep_objects
from purgewatch.nlp.sentences import sent_of
from purgewatch.ontology import Ontology

STOP_RIGHT_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"}


def is_post_token(tok: Token, onto: Ontology) -> bool:
    return tok.lower_ in onto.post_heads or tok.lemma_.lower() in onto.post_heads


def is_post_phrase_head(tok: Token, onto: Ontology) -> bool:
    """A noun that heads a post: "minister", or "Defense Minister", "editorship"."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.ent_type_ == "PERSON" and not (is_post_token(tok, onto) and _alone_in_entity(tok)):
        return False  # a name, unless the model tagged a lone post word ("State Councillor") as a person
    if is_post_token(tok, onto):
        return True
    return any(c.dep_ == "compound" and is_post_token(c, onto) for c in tok.children)


def _alone_in_entity(tok: Token) -> bool:
    doc = tok.doc
    return tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")


def post_span(head: Token, onto: Ontology) -> Span | None:
    """The contiguous phrase of a post headed by `head`, without determiners, "former", dates or appositions."""
    doc = head.doc
    drop_left = onto.words("post_drop_left")
    if head.lower_ in onto.words("generic_post_nouns"):
        # "his post as X", "the post of X": the real post is inside.
        for obj in prep_objects(head, {"of", "as"}):
            if is_post_phrase_head(obj, onto):
                return post_span(obj, onto)
        return None
    left = head.i
    for c in sorted((c for c in head.lefts), key=lambda t: -t.i):
        if c.dep_ in {"det", "predet"} or c.lower_ in drop_left:
            break
        if c.dep_ in {"compound", "amod", "nmod", "poss", "nummod", "quantmod"} or c.tag_ == "POS":
            left = min(left, c.left_edge.i)
        else:
            break
    while left < head.i and (doc[left].lower_ in drop_left or doc[left].dep_ in {"det", "predet"}
                             or doc[left].is_punct):
        left += 1
    right = head.i
    for c in head.rights:
        if c.dep_ in STOP_RIGHT_DEPS:
            break
        if c.dep_ == "prep" and c.lower_ in onto.words("date_preps") and any(g.ent_type_ == "DATE" for g in c.subtree):
            break
        if c.dep_ == "prep" and c.lower_ not in onto.words("post_complement_preps"):
            break
        right = _cut_right(c, onto)
    # "commander-in-chief": the tokenizer splits hyphenated titles; keep the words the hyphens join
    while right + 2 < len(doc) and doc[right + 1].text in {"-", "–"} and not doc[right].whitespace_ \
            and not doc[right + 1].whitespace_:
        right += 2
    while right > head.i and (doc[right].is_punct or doc[right].dep_ in {"cc", "det"}):
        right -= 1
    return doc[left:right + 1]


def _cut_right(c: Token, onto: Ontology) -> int:
    """Right edge of a post's complement, stopping before an apposition, a clause or a parenthesis."""
    edge = c.i
    for t in c.subtree:
        if t.i < c.i:
            continue
        if t.dep_ in {"appos", "relcl", "acl"} or t.text in {",", "(", ";", "—", "–"} or t.tag_ in {"WDT", "WP", "WP$"} \
                or (t.dep_ == "cc" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].ent_type_ == "PERSON") \
                or t.ent_type_ == "PERSON":
            break
        if t.i == edge + 1 or t.i == edge:
            edge = t.i
        else:
            break
    return edge


def org_in(span: Span, onto: Ontology) -> str | None:
    """The organisation named inside a post phrase ("head of the General Staff" -> "General Staff")."""
    for tok in span:
        if tok.lower_ in onto.org_heads and tok.text[:1].isupper():
            start = tok.left_edge.i
            while start < tok.i and (tok.doc[start].dep_ == "det" or tok.doc[start].tag_ == "POS"):
                start += 1
            start = max(start, span.start)
            end = tok.i + 1
            for r in tok.rights:
                if r.dep_ == "prep" and r.lower_ == "of":
                    end = min(r.right_edge.i + 1, span.end)
            text = tok.doc[start:end].text.strip(" ,;:()")
            return text or None
    return None


def frame_org(sent: Span, onto: Ontology) -> str | None:
    """An organisation that frames a sentence: "In the Commissariat of X, the People's Commissar Y was ..."."""
    first = sent[0]
    if first.lower_ != "in" or first.dep_ != "prep":
        return None
    for obj in first.subtree:
        if obj.dep_ == "pobj" and obj.lower_ in onto.org_heads and obj.text[:1].isupper():
            start = obj.left_edge.i
            while start < obj.i and obj.doc[start].dep_ == "det":
                start += 1
            return obj.doc[start:obj.right_edge.i + 1].text.strip(" ,") or None
    return None


def appositive_post(name: Span, onto: Ontology, allow_former: bool = True) -> Span | None:
    """A post stated beside a name: title before it, apposition after it, or the noun it is apposed to."""
    doc: Doc = name.doc
    root = name.root
    # Titles before the name inside its own noun phrase: "Deputy Defense Minister Timur Ivanov".
    title_toks = [t for t in doc[sent_of(name).start:name.start] if t.head == root and t.dep_ in {"compound", "amod", "poss"}]
    if title_toks and any(is_post_token(t, onto) and t.lower_ not in onto.ranks for t in title_toks):
        start = min(t.left_edge.i for t in title_toks)
        while start < name.start and (doc[start].dep_ == "det" or doc[start].lower_ in onto.words("post_drop_left")):
            if not allow_former and doc[start].lower_ == "former":
                return None
            start += 1
        if start < name.start:
            return doc[start:name.start]
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    for c in candidates:
        if not is_post_phrase_head(c, onto) and c.lower_ not in onto.words("generic_post_nouns"):
            # "X, deputy to the chief ..." may hang the post off a word the parser chose oddly
            continue
        if not allow_former and any(t.lower_ in onto.words("former_markers") for t in c.lefts):
            continue
        span = post_span(c, onto)
        if span is not None and len(span) > 0:
            return span
    return None
