"""Resolve "he", "him", "his" to a person mentioned before, the way a reader of a news report would."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = {"nsubj", "nsubjpass"}


class PronounResolver:
    """Pronouns take the subject of the sentence before when it is a person, else the latest person.

    A pronoun object never takes its own clause's subject ("Stalin promoted him" is not Stalin).
    Results are cached, so a chain "X ... He ... him" resolves through the earlier pronoun.
    """

    def __init__(self, doc: Doc, people: dict[int, Span], pronouns: frozenset[str]) -> None:
        self.doc = doc
        self.people = people
        self.pronouns = pronouns
        self.cache: dict[int, Span | None] = {}

    def resolve(self, tok: Token, exclude: set[str] | None = None, depth: int = 0) -> Span | None:
        if tok.lower_ not in self.pronouns:
            return None
        key = tok.i
        if key in self.cache and not exclude:
            return self.cache[key]
        result = self._resolve(tok, exclude or set(), depth)
        if not exclude:
            self.cache[key] = result
        return result

    def _mention_at(self, tok: Token, depth: int) -> Span | None:
        if tok.i in self.people:
            return self.people[tok.i]
        if tok.lower_ in self.pronouns and depth < 4:
            return self.resolve(tok, depth=depth + 1)
        return None

    def _resolve(self, tok: Token, exclude: set[str], depth: int) -> Span | None:
        sent = tok.sent
        blocked = set(exclude)
        if tok.dep_ not in SUBJECT_DEPS and tok.dep_ != "poss":
            subj = next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None and subj.i in self.people:
                blocked.add(self.people[subj.i].id_)
        # Earlier in the same sentence: the latest person not blocked.
        for i in range(tok.i - 1, sent.start - 1, -1):
            m = self.people.get(i)
            if m is not None and m.id_ not in blocked and self.doc[i].dep_ != "poss":
                return m
        # Sentences before: first their subject, then their latest person.
        start = sent.start
        for _ in range(3):
            if start == 0:
                break
            prev = self.doc[start - 1].sent
            subj = [t for t in prev if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"]
            for s in subj:
                m = self._mention_at(s, depth)
                if m is not None and m.id_ not in blocked:
                    return m
            for i in range(prev.end - 1, prev.start - 1, -1):
                m = self.people.get(i)
                if m is not None and m.id_ not in blocked:
                    return m
            start = prev.start
        return None
