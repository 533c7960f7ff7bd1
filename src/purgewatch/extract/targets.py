"""Who an event is about: a slot's word resolved to people (with the people listed beside them), a group,
or, when the parse put the person elsewhere, the people the fallbacks find."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from purgewatch.extract import arguments as args
from purgewatch.extract.coref import PronounResolver
from purgewatch.extract.frames import Frame, aux_start, person_list, slot_tokens
from purgewatch.extract.groups import colon_list, companions, is_group, last_list, listed_after, plural_anaphor
from purgewatch.extract.positions import is_post_phrase_head, is_post_token
from purgewatch.extract.syntax import is_passive, own_subject
from purgewatch.nlp.sentences import sent_of
from purgewatch.ontology import Ontology

NOMINAL_POS = {"NOUN", "PROPN", "NUM", "PRON"}
VERBAL_POS = {"VERB", "AUX"}
# Dependents on the way from a noun to a name inside it that put the name in another phrase.
EMBEDDING_DEPS = {"relcl", "acl"}


@dataclass
class Target:
    """What a slot resolved to: a person mention, a group noun phrase, or nothing usable (an orphan)."""

    person: Span | None = None
    group: Span | None = None
    post: Token | None = None  # the post noun the person was found under ("the commander of X, Y")


@dataclass
class Found:
    frame: Frame
    targets: list[Target] = field(default_factory=list)


class Targets:
    """Resolves slots to people for one document."""

    def __init__(self, doc: Doc, onto: Ontology, people: dict[int, Span], resolver: PronounResolver) -> None:
        self.doc, self.onto, self.people, self.resolver = doc, onto, people, resolver

    def person_at(self, tok: Token, exclude: set[str] | None = None) -> Span | None:
        if tok.i in self.people:
            return self.people[tok.i]
        return self.resolver.resolve(tok, exclude)

    def companions(self, root: Token) -> list[Span]:
        return companions(root, self.people, self.onto,
                          lambda g: [t.person for t in self.resolve(g) if t.person is not None])

    def resolve(self, tok: Token) -> list[Target]:
        """Resolve a slot's head token to people (with their coordinated companions) or a group."""
        if plural_anaphor(tok, self.onto):
            group = last_list(tok, self.people, self.onto, self.companions)
            if group:
                return [Target(person=p) for p in group]
        person = self.person_at(tok)
        post = None
        if person is None and tok.pos_ in NOMINAL_POS:
            person = self._person_inside(tok)
            if person is not None and is_post_phrase_head(tok, self.onto):
                post = tok
        if person is not None:
            out = [Target(person=person, post=post)]
            seen = {person.id_}
            # companions hang off the word in this sentence, not off a pronoun's antecedent
            anchor = person.root if sent_of(person.root) == sent_of(tok) else tok
            for extra in self.companions(anchor):
                if extra.id_ not in seen:
                    seen.add(extra.id_)
                    out.append(Target(person=extra))
            return out
        if tok.pos_ in NOMINAL_POS and is_group(tok, self.onto):
            listed = colon_list(tok, self.people) or listed_after(tok, self.people, self.onto)
            if listed:
                return [Target(person=p) for p in listed]
            return [Target(group=tok.doc[tok.left_edge.i:tok.right_edge.i + 1])]
        return []

    def _person_inside(self, noun: Token) -> Span | None:
        """The person a noun phrase names: "the former commander of X, Y" (Y), not "deputy to the chief, Z"."""
        for t in noun.subtree:
            if t.i not in self.people or t.dep_ not in {"appos", "conj"}:
                continue
            ok = True
            for a in t.ancestors:
                if a == noun:
                    break
                if a.dep_ in EMBEDDING_DEPS or (a.dep_ == "pobj" and is_post_phrase_head(a, self.onto)):
                    ok = False
                    break
            if ok:
                return self.people[t.i]
        return None

    def patients(self, frame: Frame) -> list[Target]:
        targets: list[Target] = []
        for slot in frame.cue.patient:
            resolved = (self.resolve(tok) for tok in slot_tokens(frame, slot, self.people, self.onto))
            targets = next((r for r in resolved if r), [])
            if targets:
                break
        if not targets:
            targets = self._fallback(frame)
        elif len(targets) == 1 and targets[0].person is not None and frame.trigger.pos_ in VERBAL_POS:
            targets = self._whole_list(frame, targets)
        if targets and frame.cue.requires_position and args.explicit_post(frame, self.onto) is None:
            return []
        return targets

    def _whole_list(self, frame: Frame, targets: list[Target]) -> list[Target]:
        """ "A, head of X, B and C were arrested": the parse may find only A; the plain list finds all."""
        t = frame.trigger
        listed = self._linear(frame, t)
        if len(listed) < 2 and t.dep_ == "advcl" and t.tag_ == "VBN" and own_subject(t) is None:
            listed = self._linear(frame, t.head)  # "Charged with X, A, B and C were sentenced"
        first = targets[0].person
        assert first is not None
        if len(listed) > 1 and any(x.person is not None and x.person.id_ == first.id_ for x in listed):
            return listed
        return targets

    def _fallback(self, frame: Frame) -> list[Target]:
        """When the parse puts the person outside the expected slots.

        "X, who ... has been relieved of his post": the relative clause's head is the person.
        "The man selected ... was X", "the personage lopped off was X": the copula names the person.
        "A, B and C were arrested" with the list lost in the parse: the people just before the verb group.
        "installed General X" with no object in the parse: the people just after the verb.
        "Charged with ..., A and B were sentenced": a fronted participle shares the main clause's people.
        """
        t = frame.trigger
        linear = self._linear(frame, t)
        if linear:
            return linear
        if t.dep_ == "conj" and own_subject(t) is None and t.head.pos_ in VERBAL_POS:
            linear = self._linear(frame, t.head)  # "X is relieved of ... and appointed ..."
            if linear:
                return linear
            shared = own_subject(t.head)
            if shared is not None and is_passive(t.head) and "object" in frame.cue.patient:
                found = self.resolve(shared)  # "he was promoted to X and appointed commander of Y"
                if found:
                    return found
        if t.dep_ == "advcl" and t.tag_ in {"VBN", "VBG"} and own_subject(t) is None and t.head.pos_ in VERBAL_POS:
            head = t.head
            subj = own_subject(head)
            found = self.resolve(subj) if subj is not None else []
            return found or self._linear(frame, head)
        if not self.onto.starts_tenure(frame.type) and t.dep_ in EMBEDDING_DEPS and t.head.i in self.people:
            return self.resolve(t.head)
        return self._copula(t)

    def _copula(self, t: Token) -> list[Target]:
        """ "The man selected ... was X": the person is the copula's attribute."""
        verb = None
        if t.dep_ in {"csubj", "csubjpass"}:
            verb = t.head
        elif t.dep_ in EMBEDDING_DEPS and t.head.dep_ in {"nsubj", "nsubjpass"}:
            verb = t.head.head
        if verb is not None and verb.lemma_ == "be":
            for attr in (c for c in verb.children if c.dep_ in {"attr", "acomp"}):
                for x in attr.subtree:
                    if x.i in self.people:
                        return self.resolve(x)
        return []

    def _linear(self, frame: Frame, verb: Token) -> list[Target]:
        if verb.pos_ not in VERBAL_POS:
            return []
        if is_passive(verb) or "subject" in frame.cue.patient:
            people = person_list(self.doc, aux_start(verb) - 1, self.people, -1, self.onto, self._is_post)
        elif "object" in frame.cue.patient:
            people = person_list(self.doc, max(i for i in frame.tokens) + 1, self.people, 1, self.onto, self._is_post)
        else:
            people = []
        return [Target(person=p) for p in people]

    def _is_post(self, tok: Token) -> bool:
        return is_post_token(tok, self.onto)
