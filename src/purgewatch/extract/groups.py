"""People named together: coordinated lists, "together with", lists after a colon, plural anaphors
("both men", "they") and group nouns ("two of his deputies")."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Span, Token

from purgewatch.extract.frames import person_list
from purgewatch.nlp.sentences import previous_sentence, sent_of
from purgewatch.ontology import Ontology

COORDINATION_DEPS = {"conj", "appos"}
DETERMINER_DEPS = {"det", "predet", "nummod", "quantmod"}
PLURAL_TAGS = {"NNS", "NNPS"}
LIST_OPENERS = {",", ":"}


@lru_cache(maxsize=8)
def number_words(onto: Ontology) -> dict[str, int]:
    """The lexicon's `number_words` ("two=2", "a dozen=12") as a mapping."""
    out = {}
    for entry in onto.words("number_words"):
        word, _, number = entry.rpartition("=")
        out[word.strip()] = int(number)
    return out


def plural_anaphor(tok: Token, onto: Ontology) -> bool:
    """ "they", "them", "both", "both men", "the two", "all seven": people named together before."""
    low = tok.lower_
    if low in onto.words("plural_pronouns"):
        return True
    dets = {c.lower_ for c in tok.children if c.dep_ in DETERMINER_DEPS}
    return (low in onto.words("plural_anaphor_nouns") and bool(dets & onto.words("plural_anaphor_determiners"))
            and not any(c.dep_ == "prep" for c in tok.children))


def is_group(tok: Token, onto: Ontology) -> bool:
    """A noun for several people ("officials", "two generals", "the leadership")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in onto.words("non_group_pronouns"):
        return False
    if tok.pos_ == "NUM":
        return tok.lower_ in number_words(onto) or tok.like_num
    if tok.tag_ not in PLURAL_TAGS and not any(c.dep_ == "nummod" for c in tok.children) \
            and low not in onto.words("collective_nouns"):
        return False
    return low in onto.group_nouns or lemma in onto.group_nouns


def group_count(group: Span, onto: Ontology) -> int | None:
    """How many people a group phrase counts ("three generals": 3)."""
    for t in group:
        if t.dep_ == "nummod" and t.head == group.root:
            if t.like_num and t.text.isdigit():
                return int(t.text)
            n = number_words(onto).get(t.lower_)
            if n is not None:
                return n
    return None


def last_list(tok: Token, people: dict[int, Span], onto: Ontology,
              companions_of: Callable[[Token], list[Span]]) -> list[Span]:
    """The latest coordinated list of two or more people before tok, in its sentence or the one before."""
    sents = [sent_of(tok)]
    if sent_of(tok).start > 0:
        prev = previous_sentence(sent_of(tok))
        assert prev is not None
        sents.append(prev)
    for sent in sents:
        syntactic: list[Span] = []
        for i in range(sent.start, min(sent.end, tok.i)):
            m = people.get(i)
            if m is None or m.root.i != i or m.root.dep_ == "conj":
                continue
            group = [m] + [p for p in companions_of(m.root) if p.id_ != m.id_]
            if len(group) >= 2:
                syntactic = group
        linear = _last_linear_list(tok, sent, people, onto)
        # the parse and the plain word order can each miss a name of the list: take the longer
        if syntactic or linear:
            return linear if len(linear) > len(syntactic) else syntactic
    return []


def _last_linear_list(tok: Token, sent: Span, people: dict[int, Span], onto: Ontology) -> list[Span]:
    best: list[Span] = []
    i = sent.start
    while i < min(sent.end, tok.i):
        m = people.get(i)
        if m is None or m.start != i:
            i += 1
            continue
        group = [p for p in person_list(tok.doc, i, people, 1, onto) if p.end <= tok.i]
        if len(group) >= 2:
            best = group
        i = max(i + 1, group[-1].end if group else i + 1)
    return best


def listed_after(noun: Token, people: dict[int, Span], onto: Ontology) -> list[Span]:
    """ "two of his closest associates, A and B, were executed": the people named right after."""
    doc = noun.doc
    j = noun.i + 1
    sent = sent_of(noun)
    while j < sent.end and doc[j].text not in LIST_OPENERS and j - noun.i < 8:
        j += 1
    if j >= sent.end or doc[j].text not in LIST_OPENERS:
        return []
    found = person_list(doc, j + 1, people, 1, onto)
    return found if len(found) >= 1 and doc[j].text == ":" or len(found) >= 2 else []


def colon_list(noun: Token, people: dict[int, Span]) -> list[Span]:
    """ "the following nine deputies have been removed: A, B, C": the people listed after the colon."""
    doc = noun.doc
    sent = sent_of(noun)
    colon = next((t for t in sent if t.i > noun.i and t.text == ":"), None)
    if colon is None:
        return []
    end = sent.end
    if all(t.is_space or t.is_punct for t in doc[colon.i + 1:sent.end]) and sent.end < len(doc):
        end = sent_of(doc[sent.end]).end  # the sentencizer may cut the list off at the colon
    out, seen = [], set()
    for i in range(colon.i + 1, end):
        m = people.get(i)
        if m is not None and m.id_ not in seen and m.root.i == i:
            seen.add(m.id_)
            out.append(m)
    return out


def together_with(tok: Token, onto: Ontology) -> list[Token]:
    """Objects of "together with" / "along with" attached to tok (the adverb may hang off tok or "with")."""
    adverbs = onto.words("together_adverbs")
    adverb_on_tok = any(c.lower_ in adverbs for c in tok.children)
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
            and (adverb_on_tok or any(x.lower_ in adverbs for x in c.lefts))
            for g in c.children if g.dep_ == "pobj"]


def companions(root: Token, people: dict[int, Span], onto: Ontology,
               people_at: Callable[[Token], list[Span]]) -> list[Span]:
    """People coordinated with a person: "X, Y and Z were dismissed", "X together with Y".

    The parser may hang the list off any of its names, so the chain is walked up as well as down.
    `people_at` resolves the object of "together with" (it may be a pronoun or a list itself).
    """
    out = []
    top = root
    while top.dep_ == "conj" and top.head.i in people and top.head != top:
        top = top.head
        out.append(people[top.i])
    stack = [c for c in root.children if c.dep_ in COORDINATION_DEPS] + \
        ([c for c in top.children if c.dep_ in COORDINATION_DEPS and c != root] if top is not root else [])
    together = together_with(root, onto)
    if root.dep_ in {"dobj", "nsubjpass", "nsubj"}:
        together += together_with(root.head, onto)  # "convicted him ... together with A and B"
    for g in together:
        out += people_at(g)
    while stack:
        c = stack.pop(0)
        if c.i in people:
            out.append(people[c.i])
        elif c.dep_ == "appos":
            continue  # "X, the commander of Y": a post, not another person
        stack += [g for g in c.children if g.dep_ == "conj"]
    return out
