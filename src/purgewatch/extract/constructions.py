"""Constructions that carry an event past its own clause: a sentence that includes people in the events
of a group ("This included X and Y"), and gapped sentences that share a verb ("B to life")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from purgewatch.extract.assembly import Assembler
from purgewatch.extract.positions import appositive_post, org_in
from purgewatch.extract.syntax import span_text
from purgewatch.extract.targets import Found, Target
from purgewatch.nlp.sentences import previous_sentence, sentences
from purgewatch.records import Event

INCLUSION_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MAIN_PREDICATE_DEPS = {"ROOT", "conj"}
GAP_OPENERS = {",", "and", ";"}


def gapped_sentences(asm: Assembler, found: list[Found]) -> list[Event]:
    """ "A was sentenced to death, B to life imprisonment and C to 18 years": B and C share the verb."""
    out: list[Event] = []
    people, doc = asm.targets.people, asm.doc
    for f in found:
        if not asm.onto.type(f.frame.type).shares_gapped_verb or not f.targets:
            continue
        named = {t.person.id_ for t in f.targets if t.person is not None}
        sent = f.frame.sent
        for i in range(f.frame.trigger.i + 1, sent.end - 1):
            m = people.get(i)
            if m is None or m.end - 1 != i or m.id_ in named:
                continue
            nxt = doc[m.end] if m.end < sent.end else None
            if nxt is not None and nxt.lower_ == "to" and doc[m.start - 1].text in GAP_OPENERS:
                ev = asm.event(f.frame, Target(person=m), alone=False)
                if ev is not None:
                    named.add(m.id_)
                    out.append(ev)
    return out


def _pending(asm: Assembler, sent: Span,
             by_sent: dict[int, list[Found]]) -> tuple[list[Found], Token | None, Span | None]:
    """The group events an inclusion sentence takes people into: its own ("Among those arrested were A, B"),
    else the previous sentence's main predicates. Also the subject whose words are not the people, and the
    sentence where the evidence starts."""
    words = asm.onto.inclusion_lemmas
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in INCLUSION_SUBJECT_DEPS), None)
    among = sent[0].lower_ in words
    here = [f for f in by_sent.get(sent.start, []) if not any(t.person for t in f.targets)
            and ((subject is not None and f.frame.trigger.i in {t.i for t in subject.subtree})
                 or (among and f.frame.trigger.i < root.i))]
    if among:
        subject = None  # "Among those in custody are A, B", "Among them were A, B": the people are listed
    prev = previous_sentence(sent)
    # the previous sentence's main predicates only: not a word inside its subject ("the condemned")
    earlier = [f for f in by_sent.get(prev.start, []) if not any(t.person for t in f.targets)
               and f.frame.trigger.dep_ in MAIN_PREDICATE_DEPS] if prev is not None and not here else []
    return here or earlier, subject, (sent if here else prev)


def inclusions(asm: Assembler, found: list[Found]) -> list[Event]:
    """ "Several were arrested. This included X and Y." People named after a group take its events."""
    out: list[Event] = []
    doc, people, onto = asm.doc, asm.targets.people, asm.onto
    by_sent: dict[int, list[Found]] = {}
    for f in found:
        by_sent.setdefault(f.frame.sent.start, []).append(f)
    for sent in sentences(doc)[1]:
        if sent.root.lemma_.lower() not in onto.inclusion_lemmas and sent[0].lower_ not in onto.inclusion_lemmas:
            continue
        pending, subject, prev = _pending(asm, sent, by_sent)
        if not pending or prev is None:
            continue
        inside = {t.i for t in subject.subtree} if subject is not None else set()
        names = [people[tok.i] for tok in sent if tok.i in people and tok == people[tok.i].root
                 and tok.i not in inside]
        for person in names:
            for f in pending:
                ev = asm.event(f.frame, Target(person=person), alone=False)
                if ev is not None:
                    out.append(_included(ev, person, asm, doc, prev, sent))
    return out


def _included(ev: Event, person: Span, asm: Assembler, doc: Doc, prev: Span, sent: Span) -> Event:
    """The event as the two sentences state it: the person's own post, the evidence of both sentences."""
    post = appositive_post(person, asm.onto)
    ev.position = span_text(post) if post is not None else None
    ev.org = org_in(post, asm.onto) if post is not None else None
    ev.evidence = doc.text[prev.start_char:sent.end_char].strip()
    ev.start = prev.start_char + (len(prev.text) - len(prev.text.lstrip()))
    ev.end = ev.start + len(ev.evidence)
    ev.extras["sent"] = sent.start
    return ev
