"""Resolve "he", "him", "his" to a person mentioned before, the way a reader of a news report would."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from purgewatch.nlp.sentences import previous_sentence, sent_of

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ARGUMENT_DEPS = SUBJECT_DEPS | {"dobj", "pobj", "dative"}


class PronounResolver:
    """Pronouns take a person named just before: the most salient, else the previous subject, else the nearest.

    A pronoun object never takes its own clause's subject ("Stalin promoted him" is not Stalin).
    Results are cached, so a chain "X ... He ... him" resolves through the earlier pronoun.
    """

    def __init__(self, doc: Doc, people: dict[int, Span], pronouns: frozenset[str]) -> None:
        self.doc = doc
        self.people = people
        self.pronouns = pronouns
        self.cache: dict[int, Span | None] = {}
        self.salience: dict[str, int] = {}
        for m in {id(m): m for m in people.values()}.values():
            self.salience[m.id_] = self.salience.get(m.id_, 0) + 1

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
        """Candidates from earlier in the sentence and the sentence before; the most salient wins.

        Salience is how often the document names the person: in a biography "he" is its subject even
        when another name came last ("Stalin named him ... He was raised to the rank of marshal").
        Ties go to the subject of the previous sentence, then to the nearest mention.
        """
        sent = sent_of(tok)
        blocked = set(exclude)
        if tok.dep_ not in SUBJECT_DEPS and tok.dep_ != "poss":
            subj = next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None and subj.i in self.people:
                blocked.add(self.people[subj.i].id_)
        ranked: list[tuple[Span, int]] = []  # (mention, preference: lower is better)
        for i in range(tok.i - 1, sent.start - 1, -1):
            m = self.people.get(i)
            if m is not None and m.id_ not in blocked and self.doc[i].dep_ != "poss":
                ranked.append((m, 1))
        start = sent.start
        for hop in range(3):
            if start == 0 or (ranked and hop > 0):
                break
            prev = previous_sentence(sent_of(self.doc[start]))
            if prev is None:
                break
            for s in (t for t in prev if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"):
                m = self._mention_at(s, depth)
                if m is not None and m.id_ not in blocked:
                    ranked.append((m, 0 if hop == 0 else 2))
            for i in range(prev.end - 1, prev.start - 1, -1):
                m = self.people.get(i)
                if m is not None and m.id_ not in blocked:
                    ranked.append((m, 2))
                elif hop == 0 and self.doc[i].lower_ in self.pronouns and self.doc[i].dep_ in ARGUMENT_DEPS:
                    # Centering: a person the previous sentence already called "he"/"him" is who the
                    # story is about ("Stalin named him deputy. He was raised to marshal").
                    m = self._mention_at(self.doc[i], depth)
                    if m is not None and m.id_ not in blocked:
                        ranked.append((m, -1))
            start = prev.start
        if not ranked:
            return None
        if tok.dep_ == "poss":
            return ranked[0][0] if ranked[0][1] == 1 else min(ranked, key=lambda x: x[1])[0]  # "in his place": nearest
        best = max(self.salience.get(m.id_, 0) for m, _ in ranked)
        top = [(m, pref) for m, pref in ranked if self.salience.get(m.id_, 0) >= best / 2]
        return min(enumerate(top), key=lambda x: (x[1][1], x[0]))[1][0]
