"""Find cues in a document and the tokens that fill their slots (patient, agent, successor...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from purgewatch.extract.syntax import (
    OBJECT_DEPS,
    children,
    clause,
    inherited_subject,
    is_passive,
    own_subject,
    prep_objects,
)
from purgewatch.nlp.sentences import sent_of
from purgewatch.ontology import Cue, Ontology

CUE_PREFIX = "pw_cue_"


@dataclass
class Frame:
    """One cue occurrence: the event type, the token that governs its clause, and the cue's words."""

    cue: Cue
    trigger: Token
    tokens: frozenset[int]
    sent: Span = field(init=False)

    def __post_init__(self) -> None:
        self.sent = sent_of(self.trigger)

    @property
    def type(self) -> str:
        return self.cue.type


def build_matcher(vocab: object, onto: Ontology) -> Matcher:
    matcher = Matcher(vocab)  # type: ignore[arg-type]
    for cue in onto.cues:
        matcher.add(f"{CUE_PREFIX}{cue.id}", [list(cue.pattern)])
    return matcher


def find_frames(doc: Doc, matcher: Matcher, onto: Ontology) -> list[list[Frame]]:
    """Cue occurrences grouped by governing token, longest cue first: the first that finds a patient wins."""
    by_anchor: dict[int, list[Frame]] = {}
    for match_id, start, end in matcher(doc):
        cue = onto.cues[int(doc.vocab.strings[match_id][len(CUE_PREFIX):])]
        anchor = doc[start + cue.anchor]
        if cue.requires_prep and not any(c.lower_ in cue.requires_prep for c in anchor.children
                                         if c.dep_ in {"prep", "agent"}):
            continue
        if cue.requires_particle and not any(t.lower_ in cue.requires_particle for t in clause(anchor)):
            continue
        if cue.unless_words and any(t.lower_ in cue.unless_words for t in clause(anchor)):
            continue
        by_anchor.setdefault(anchor.i, []).append(Frame(cue, anchor, frozenset(range(start, end))))
    return [sorted(fs, key=lambda f: (-len(f.tokens), f.cue.id)) for _, fs in sorted(by_anchor.items())]


def _person_before(trigger: Token, people: dict[int, Span]) -> Token | None:
    """ "... and General X appointed in his place": a bare participle right after a name has it as subject."""
    if own_subject(trigger) is not None:
        return None
    j = trigger.i - 1
    while j >= sent_of(trigger).start and trigger.doc[j].pos_ in {"ADV", "AUX", "PART"}:
        j -= 1
    if j >= sent_of(trigger).start and j in people:
        return trigger.doc[j]
    return None


def _headline_passive(verb: Token, onto: Ontology) -> bool:
    """An object-taking cue with no object, followed by "as"/"from"/"on"/a date or nothing: a reduced passive."""
    if any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp"} for c in verb.children):
        return False
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is None or nxt.is_punct or nxt.lower_ in onto.words("headline_passive_followers")


def slot_tokens(frame: Frame, slot: str, people: dict[int, Span], onto: Ontology) -> list[Token]:
    """The head tokens standing in a slot of the frame, before they are resolved to people."""
    t = frame.trigger
    match = [t.doc[i] for i in sorted(frame.tokens)]
    if slot == "object":
        if t.pos_ in {"VERB", "AUX"} or t.tag_ in {"VBN", "VBD"}:
            return _object_tokens(frame, match, people, onto)
        return []
    if slot == "subject":
        if t.pos_ in {"VERB", "AUX"} and not is_passive(t):
            subj = inherited_subject(t)
            if subj is None and t.dep_ in {"acl", "relcl"}:
                return [t.head]
            return [subj] if subj is not None else []
        return []
    if slot == "of":
        out = [o for m in match for o in prep_objects(m, {"of"})]
        out += [c for c in t.children if c.dep_ == "poss"]
        return out[:1]
    if slot in {"on", "against"}:
        preps = {"on", "upon"} if slot == "on" else {"against"}
        return [o for m in match for o in prep_objects(m, preps)][:1]
    if slot == "modified":
        if t.dep_ in {"amod", "compound", "acl"} and t.head.pos_ in {"PROPN", "NOUN"}:
            return [t.head]
        return []
    if slot == "holder":
        return holder_tokens(t, people)
    if slot in {"by", "to", "with"}:
        out = [o for m in match for o in prep_objects(m, {slot})]
        for of in [o for m in match for o in prep_objects(m, {"of"})]:
            out += prep_objects(of, {slot})
        return out[:1]
    return []


def _object_tokens(frame: Frame, match: list[Token], people: dict[int, Span], onto: Ontology) -> list[Token]:
    """The object slot of a verbal cue: the passive subject, a dative, the object, a small clause's subject."""
    t = frame.trigger
    if t.dep_ in {"acl", "amod"} and t.tag_ == "VBN" and not own_subject(t):
        return [t.head]
    if is_passive(t):
        before = _person_before(t, people) if not own_subject(t) else None
        if before is not None:
            return [before]
        subj = inherited_subject(t)
        return [subj] if subj is not None else []
    datives = [c for m in match for c in children(m, {"dative"}) if c.pos_ in {"PROPN", "PRON"}]
    if datives:
        return datives[:1]  # "the court handed X a ten-year term"
    objs = [c for m in match for c in children(m, OBJECT_DEPS) if c.i not in frame.tokens]
    if objs:
        return objs[:1]
    # "found X guilty", "declared X a traitor": the object is the subject of a small clause.
    small = [x for x in (own_subject(c) for c in t.children if c.dep_ in {"ccomp", "oprd", "xcomp"}) if x is not None]
    if small:
        return small[:1]
    before = _person_before(t, people) if t.tag_ in {"VBN", "VBD"} else None
    if before is not None:
        return [before]
    subj = own_subject(t)
    if subj is not None and (subj.i in people or subj.pos_ == "PROPN") and t.tag_ in {"VBN", "VBD"} \
            and _headline_passive(t, onto):
        return [subj]  # "12 March 2022 - X dismissed as head of the service": a headline passive
    if t.dep_ == "relcl" and t.head.pos_ in {"NOUN", "PROPN"} and own_subject(t) is not None:
        return [t.head]  # "the man he selected": the relative clause's object is its head noun
    return []


def holder_tokens(post: Token, people: dict[int, Span]) -> list[Token]:
    """Who holds the post a noun names: "X, the new head", "the new head, X", "new deputies: X, Y", "X is the new head"."""
    appos = [c for c in post.children if c.dep_ == "appos"]
    if appos:
        return appos[:1]
    if post.dep_ == "appos":
        return [post.head]
    if post.dep_ == "compound" and post.head.i in people:
        return [post.head]
    if post.dep_ in {"attr", "acomp"}:
        subj = own_subject(post.head)
        if subj is not None:
            return [subj]
    if post.dep_ in {"nsubj", "nsubjpass"} or (post.dep_ == "acl" and post.head.dep_ in {"nsubj"}):
        noun = post if post.dep_ in {"nsubj", "nsubjpass"} else post.head
        verb = noun.head
        if verb.lemma_ == "be":
            return [c for c in verb.children if c.dep_ in {"attr", "acomp"}][:1]
    doc = post.doc
    j = post.i + 1
    while j < sent_of(post).end and doc[j].dep_ in {"prep", "pobj", "det", "compound", "amod"} and doc[j].text != ":":
        j += 1
    if j < sent_of(post).end and doc[j].text == ":":
        for k in range(j + 1, sent_of(post).end):
            if k in people:
                return [doc[k]]
    return []


def agent_tokens(frame: Frame, people: dict[int, Span]) -> list[Token]:
    """Who decided it: the active subject, a passive "by X", or "at X's suggestion", "a decree from X"."""
    t = frame.trigger
    out: list[Token] = []
    if t.pos_ in {"VERB", "AUX"} and "subject" not in frame.cue.patient and not is_passive(t) \
            and "subject" not in frame.cue.successor and _person_before(t, people) is None:
        subj = inherited_subject(t)
        if subj is not None:
            out.append(subj)
    if is_passive(t) and "by" not in frame.cue.successor:
        out += prep_objects(t, {"by"})
    return out


# Punctuation that joins the names of a plain list (the words that do are the lexicon's `list_glue`).
LIST_PUNCT = {","}


def person_list(doc: Doc, i: int, people: dict[int, Span], step: int, onto: Ontology,
                is_post: Callable[[Token], bool] | None = None) -> list[Span]:
    """People in a plain list that ends (step=-1) or starts (step=1) at token i: "A, B and C".

    Used when the parse loses the subject of a passive or the object of an active cue; titles and
    ranks before a name in the list are skipped ("installed Lieutenant General X"), and so, given
    `is_post`, is a short post phrase between commas ("A, the commander of X, B and C").
    """
    out: list[Span] = []
    if not 0 <= i < len(doc):
        return out
    glue, skipped = onto.words("list_glue"), onto.words("list_skipped_titles")
    sent = sent_of(doc[i])
    while sent.start <= i < sent.end:
        tok = doc[i]
        if i in people:
            m = people[i]
            if m not in out:
                out.append(m)
            i = (m.start - 1) if step < 0 else m.end
            continue
        if tok.text in LIST_PUNCT or tok.lower_ in glue or (out == [] and tok.pos_ in {"ADV", "AUX", "DET"}) \
                or (step > 0 and tok.text[:1].isupper() and tok.pos_ == "PROPN" and i + 1 in people) \
                or (step > 0 and tok.lower_ in skipped):
            i += step
            continue
        skip = _post_chunk_end(doc, i, people, step, sent, is_post) if is_post is not None else None
        if skip is None:
            break
        i = skip
    return out if step > 0 else out[::-1]


def _post_chunk_end(doc: Doc, i: int, people: dict[int, Span], step: int, sent: Span,
                    is_post: Callable[[Token], bool]) -> int | None:
    """Where a post phrase inside a list ends ("the commander of the 4th Army"), or None if there is none."""
    j = i
    chunk: list[Token] = []
    while sent.start <= j < sent.end and doc[j].text not in {",", ";", ":"} and doc[j].lower_ != "and" \
            and j not in people and len(chunk) <= 8:
        chunk.append(doc[j])
        j += step
    if not chunk or len(chunk) > 8 or not (sent.start <= j < sent.end) or not (doc[j].text == "," or doc[j].lower_ == "and"):
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in chunk) or not any(is_post(t) for t in chunk):
        return None
    return j


def aux_start(verb: Token) -> int:
    """Index of the first auxiliary of a verb group ("were" in "were arrested"), or the verb itself."""
    auxes = [c.i for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    return min(auxes) if auxes else verb.i
