"""The arguments of one frame: its post, date, agent, predecessor and charge."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from purgewatch.extract.charges import find_charge
from purgewatch.extract.frames import Frame
from purgewatch.extract.positions import (
    appositive_post,
    is_post_phrase_head,
    post_span,
)
from purgewatch.extract.syntax import clause, governing_verb, prep_objects
from purgewatch.ontology import Ontology

POST_SLOT_DEPS = {"attr", "oprd", "xcomp", "ccomp", "acomp", "npadvmod", "dobj"}


def coordinated_posts(post: Span, onto: Ontology) -> list[Span]:
    """Further posts coordinated with a post: "Minister of War and commander-in-chief of its army"."""
    out = []
    for c in post.root.children:
        if c.dep_ == "conj" and is_post_phrase_head(c, onto) and c.i >= post.end:
            span = post_span(c, onto)
            if span is not None:
                out.append(span)
                out += coordinated_posts(span, onto)
    return out


def explicit_post(frame: Frame, onto: Ontology) -> Span | None:
    """A post the cue's clause names: "as head of X", "to the post of X", "became the new X", "from his post as X"."""
    t = frame.trigger
    if "holder" in frame.cue.patient and is_post_phrase_head(t, onto):
        return post_span(t, onto)
    heads = [t.doc[i] for i in sorted(frame.tokens)]
    for c in t.children:  # "the rank of Marshal is conferred on X": the rank is the post
        if c.dep_ == "nsubjpass" and c.lemma_ in onto.words("rank_nouns") and onto.starts_tenure(frame.type):
            for obj in prep_objects(c, {"of"}):
                span = post_span(obj, onto) if obj.pos_ in {"PROPN", "NOUN"} else None
                if span is not None and len(span) > 0:
                    return span
    for h in heads:
        for c in h.children:  # "named X to head the ministry": what X is to head is the post
            if c.dep_ in {"xcomp", "advcl"} and c.lemma_ in onto.words("lead_verbs") and onto.starts_tenure(frame.type):
                led = next((o for o in c.children if o.dep_ == "dobj" and o.pos_ in {"NOUN", "PROPN"}), None)
                span = post_span(led, onto) if led is not None else None
                if span is not None and len(span) > 0:
                    return span
        for c in h.children:
            if c.dep_ in POST_SLOT_DEPS and c.i not in frame.tokens and is_post_phrase_head(c, onto):
                if c.dep_ == "dobj" and not onto.starts_tenure(frame.type):
                    continue
                span = post_span(c, onto)
                if span is not None:
                    return span
        for obj in prep_objects(h, set(onto.words("post_preps"))):
            if obj.i in frame.tokens:
                continue
            if is_post_phrase_head(obj, onto) or obj.lower_ in onto.words("generic_post_nouns") \
                    or obj.lemma_ in onto.words("leadership_nouns"):
                span = post_span(obj, onto)
                if span is not None:
                    return span
    return None


def event_post(frame: Frame, person: Span | None, onto: Ontology, memory: dict[str, Span]) -> Span | None:
    span = explicit_post(frame, onto)
    if span is None and person is not None:
        span = appositive_post(person, onto, allow_former=not onto.starts_tenure(frame.type))
        if span is None and not onto.starts_tenure(frame.type):
            span = memory.get(person.id_)
    return span


def date_candidates(frame: Frame, dates: list[Span]) -> list[Span]:
    """DATE entities of the cue's clause, then of the clause governing a nominal cue (`dates`: the sentence's)."""
    t = frame.trigger
    scopes = [{tok.i for tok in clause(t)}]
    verb = governing_verb(t) if t.pos_ not in {"VERB", "AUX"} else None
    if t.dep_ == "advcl" and t.tag_ == "VBN" and t.i < t.head.i and not any(c.dep_.startswith("nsubj") for c in t.children):
        verb = t.head  # "Charged with X, A and B were sentenced on 2 March": the participle shares the date
    if verb is not None:
        scopes.append({tok.i for tok in clause(verb)})
    ents = dates
    out: list[Span] = []
    for scope in scopes:
        for e in ents:
            if e.root.i in scope and e not in out and not _in_apposition(e) and _attached(e, scope):
                out.append(e)
    return out


def _attached(ent: Span, scope: set[int]) -> bool:
    """A date modifies the event, not a noun inside its object ("structures built in 2023")."""
    nouns = 0
    for a in ent.root.ancestors:
        if a.i not in scope:
            break
        if a.pos_ in {"VERB", "AUX"}:
            return True
        if a.pos_ in {"NOUN", "PROPN"} and a.dep_ not in {"nsubj", "nsubjpass"}:
            nouns += 1
    return nouns <= 1


def _in_apposition(ent: Span) -> bool:
    """ "X (Minister of Defense since 2012)": a date inside an apposition belongs to the background, not the event."""
    for a in ent.root.ancestors:
        if a.dep_ == "appos":
            return True
        if a.pos_ in {"VERB", "AUX"}:
            return False
    return False


def event_date(frame: Frame, dates: list[Span], resolve: Callable[[Span], str | None], base: object,
               inherited: str | None, alone: bool) -> tuple[str | None, str | None]:
    """The event's date and where it came from: its clause ("clause"), else the sentence when it holds
    one event ("sentence"), else the date the text last set ("inherited"), else the report's year for a
    present perfect ("has been retired": "tense"). Inherited and tense dates are weak evidence."""
    for ent in date_candidates(frame, dates):
        iso = resolve(ent)
        if iso:
            return iso, "clause"
    if alone:
        for ent in dates:
            if not _in_apposition(ent) and not _in_other_clause(ent, frame.trigger):
                iso = resolve(ent)
                if iso:
                    return iso, "sentence"
    if inherited:
        return inherited, "inherited"
    if base is not None and _present_perfect(frame.trigger):
        return f"{base.year:04d}", "tense"  # type: ignore[attr-defined]
    return None, None


def _in_other_clause(ent: Span, trigger: Token) -> bool:
    for a in ent.root.ancestors:
        if a == trigger:
            return False
        if a.dep_ in {"relcl", "acl", "advcl", "ccomp"} and a.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _present_perfect(t: Token) -> bool:
    """ "has been retired", "have been purged": the report's own present, so its year."""
    verb = t if t.pos_ in {"VERB", "AUX"} else governing_verb(t)
    while verb is not None and verb.dep_ == "conj" and not any(c.dep_ == "aux" for c in verb.children):
        verb = verb.head
    if verb is None:
        return False
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)


def event_charge(frame: Frame, onto: Ontology) -> str | None:
    toks = clause(frame.trigger)
    charge = find_charge(toks, onto)
    if charge is None and frame.trigger.pos_ not in {"VERB", "AUX"}:
        verb = governing_verb(frame.trigger)
        if verb is not None:
            charge = find_charge(clause(verb), onto)
    return charge


def agent_noun_tokens(frame: Frame, onto: Ontology) -> list[Token]:
    """ "at X's suggestion", "by a decree from X", "on the orders of X": the person behind the noun."""
    t = frame.trigger
    scope = clause(t)
    verb = governing_verb(t) if t.pos_ not in {"VERB", "AUX"} else None
    if t.dep_ == "advcl" and t.tag_ == "VBN" and t.i < t.head.i and not any(c.dep_.startswith("nsubj") for c in t.children):
        verb = t.head  # "Charged with X, A and B were sentenced on 2 March": the participle shares the date
    if verb is not None:
        scope += clause(verb)
    out = []
    for tok in scope:
        if tok.lemma_.lower() in onto.agent_nouns or tok.lower_ in onto.agent_nouns:
            out += [c for c in tok.children if c.dep_ == "poss"]
            out += prep_objects(tok, set(onto.words("agent_preps")))
    return out


def predecessor_tokens(frame: Frame, onto: Ontology) -> list[Token]:
    """ "in place of X", "in X's place", "in his place", "instead of X", "succeeding X", "replacing X"."""
    out: list[Token] = []
    words = onto.predecessor_preps
    scope = clause(frame.trigger) + [c for c in frame.trigger.children if c.dep_ in {"advcl", "xcomp", "conj"}
                                     and c.lower_ in words]
    for tok in scope:
        low = tok.lower_
        if low not in words:
            continue
        if tok.pos_ == "VERB":  # "succeeding X", "replacing X"
            out += [c for c in tok.children if c.dep_ == "dobj"]
        elif tok.head.lower_ == "in":  # "in place of X", "in X's place", "in his stead"
            out += [c for c in tok.children if c.dep_ == "poss"]
            out += prep_objects(tok, {"of"})
        else:  # "instead of X"
            out += prep_objects(tok, {"of"})
            out += [g for c in tok.children if c.lower_ == "of" for g in c.children]
    if frame.cue.predecessor == "object":
        out += [c for c in frame.trigger.children if c.dep_ == "dobj"]
    elif frame.cue.predecessor == "from":
        out += [o for i in frame.tokens for o in prep_objects(frame.trigger.doc[i], {"from"})]
    return out
