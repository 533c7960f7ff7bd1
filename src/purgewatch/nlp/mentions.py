"""Find every mention of a person in a document and group the mentions that name the same person.

The small statistical NER misses many names in this domain: bare Russian surnames come out as places,
"People's Commissar X" as an organisation. So NER is only the first source; titles, initials,
coordination with a known person and the extractor's argument slots add more, and one mention found
anywhere makes the same surname a person everywhere in the document (`propagate`).
Mentions live in `doc.spans["pw_persons"]`; each span's `id_` is the person's fullest name in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from purgewatch.nlp.failures import record_error, setup_error_extension
from purgewatch.nlp.sentences import sent_of
from purgewatch.normalize.names import surname_key
from purgewatch.ontology import Ontology, load_ontology

SPAN_KEY = "pw_persons"
# "K.A. Meretskov", "L. Kaganovich", "I. V. Tulenev": initials the tokenizer may split oddly.
INITIALS_RE = re.compile(r"\b(?:[A-Z]\.\s?){1,3}(?:[A-Z][a-z']+)(?:-[A-Z]?[a-z']+)?\b")
NAME_DEPS = {"compound", "flat", "nmod", "appos"}


def _neighbours(tok: Token) -> list[Token]:
    doc = tok.doc
    return [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]


def is_name_token(tok: Token, onto: Ontology) -> bool:
    """A capitalised word that can be part of a person's name (not a title, not an organisation word)."""
    text = tok.text
    if not text[:1].isupper() or tok.is_punct or tok.like_num:
        return False
    low = tok.lower_
    if low in onto.titles or low in onto.org_heads or low in onto.name_prefixes or tok.is_stop:
        return False
    if len(text) > 1 and text.isupper() and "." not in text:  # acronyms: NKVD, FSB
        return False
    if low in onto.words("weekdays"):
        return False
    if tok.ent_type_ == "DATE" and any(n.like_num for n in _neighbours(tok)):  # "May 12", "12 June"
        return False
    return tok.pos_ in {"PROPN", "NOUN", "ADJ", "X", "VERB"} or tok.ent_type_ == "PERSON"


def trim_name(span: Span, onto: Ontology) -> Span | None:
    """Strip titles, ranks, determiners and a possessive from a candidate name span."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and not is_name_token(doc[start], onto) and not _is_initial(doc[start]):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in onto.titles):
        end -= 1
    if start >= end:
        return None
    if not any(is_name_token(t, onto) for t in doc[start:end]):
        return None
    if any(t.lower_ in onto.org_heads for t in doc[start:end]):
        return None
    if all(t.lower_ in onto.post_heads for t in doc[start:end]):
        return None  # "State Councillor": the model may tag a post word as a person
    return doc[start:end]


def _is_initial(tok: Token) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.){1,3}", tok.text))


def name_chain(tok: Token, onto: Ontology) -> Span | None:
    """The name a single proper-noun token belongs to: it and the name words joined to it as compounds."""
    doc = tok.doc
    start = end = tok.i
    while start > sent_of(tok).start and doc[start - 1].head.i in range(start, tok.i + 1) and \
            doc[start - 1].dep_ in NAME_DEPS and (is_name_token(doc[start - 1], onto) or _is_initial(doc[start - 1])):
        start -= 1
    span = trim_name(doc[start:end + 1], onto)
    return span


def _ner_candidates(doc: Doc, onto: Ontology) -> Iterable[Span]:
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            span = trim_name(ent, onto)
            if span is not None:
                yield span


def _initial_candidates(doc: Doc) -> Iterable[Span]:
    for m in INITIALS_RE.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            yield span


def _title_candidates(doc: Doc, onto: Ontology) -> Iterable[Span]:
    n = len(doc)
    for tok in doc:
        if tok.lower_ not in onto.name_prefixes or tok.i + 1 >= n:
            continue
        j = tok.i + 1
        while j < n and (is_name_token(doc[j], onto) or _is_initial(doc[j])) and sent_of(doc[j]) == sent_of(tok):
            j += 1
        if j > tok.i + 1 and j - tok.i - 1 <= 4:
            nxt = doc[j] if j < n else None
            # "General Staff Academy": the run goes on into an organisation word, so it is not a name.
            if nxt is not None and nxt.lower_ in onto.org_heads and nxt.text[:1].isupper():
                continue
            yield doc[tok.i + 1:j]


def _conj_candidates(doc: Doc, onto: Ontology, known: set[int]) -> Iterable[Span]:
    """A proper noun coordinated with a known person ("Vyshinsky and X") is a person too."""
    for tok in doc:
        if tok.i in known or tok.dep_ != "conj" or tok.pos_ != "PROPN":
            continue
        if tok.head.i in known:
            span = name_chain(tok, onto)
            if span is not None:
                yield span


def _list_candidates(doc: Doc, onto: Ontology, spans: list[Span]) -> Iterable[Span]:
    """A name standing in a plain list with known people ("X, Oleg Vetrov and Semyon Lazin") is a person."""
    for s in spans:
        for j, step in ((s.start - 1, -1), (s.end, 1)):
            if not (0 <= j < len(doc)) or doc[j].text not in {",", "and"}:
                continue
            k = j + step
            run: list[int] = []
            while 0 <= k < len(doc) and doc[k].pos_ == "PROPN" and is_name_token(doc[k], onto) and len(run) < 3:
                run.append(k)
                k += step
            if not run or (0 <= k < len(doc) and (doc[k].pos_ == "PROPN" or doc[k].lower_ in onto.org_heads)):
                continue
            if any(doc[i].ent_type_ in {"GPE", "ORG", "LOC", "DATE", "NORP"} for i in run):
                continue
            lo, hi = min(run), max(run) + 1
            yield doc[lo:hi]


def collect(doc: Doc, onto: Ontology, extra: Iterable[Span] = ()) -> list[Span]:
    """All person mentions, non-overlapping, longest first wins, then grouped and named."""
    candidates = list(_ner_candidates(doc, onto)) + list(_initial_candidates(doc)) + \
        list(_title_candidates(doc, onto)) + list(extra)
    spans = _non_overlapping([_with_given_name(c, onto) for c in candidates])
    for _ in range(2):
        covered = {i for s in spans for i in range(s.start, s.end)}
        more = list(_conj_candidates(doc, onto, covered)) + \
            [c for c in _list_candidates(doc, onto, spans) if not any(i in covered for i in range(c.start, c.end))]
        if not more:
            break
        spans = _non_overlapping(spans + more)
    spans = _non_overlapping(spans + list(_propagate(doc, onto, spans)))
    _name_clusters(spans)
    return spans


def _with_given_name(span: Span, onto: Ontology) -> Span:
    """A one-word mention whose given name the model left out ("Pavel" tagged as nothing before "Popov"):
    an adjacent capitalised proper noun that is a name word, not a title, and carries no other entity type."""
    doc = span.doc
    if len(span) != 1 or span.start == 0:
        return span
    prev = doc[span.start - 1]
    if prev.pos_ == "PROPN" and prev.text.istitle() and prev.whitespace_ == " " and prev.ent_type_ == "" \
            and is_name_token(prev, onto) and prev.lower_ not in onto.titles and prev.lower_ not in onto.org_heads:
        return doc[span.start - 1:span.end]
    return span


def _non_overlapping(spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    taken: set[int] = set()
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if s.start >= s.end or any(i in taken for i in range(s.start, s.end)):
            continue
        chosen.append(s)
        taken.update(range(s.start, s.end))
    return sorted(chosen, key=lambda s: s.start)


def _propagate(doc: Doc, onto: Ontology, spans: list[Span]) -> Iterable[Span]:
    """One mention tagged as a person makes the same surname a person wherever else it stands."""
    surnames = {s[-1].text for s in spans if is_name_token(s[-1], onto)}
    covered = {i for s in spans for i in range(s.start, s.end)}
    for tok in doc:
        if tok.i in covered or tok.text not in surnames:
            continue
        span = name_chain(tok, onto)
        if span is not None and span.end - 1 == tok.i:
            yield span


def _name_clusters(spans: list[Span]) -> None:
    """Give each mention the fullest form of its person's name in the document (span.id_).

    A bare surname takes the most recent fuller mention with that surname, so two different
    Popovs stay apart when each is introduced in full before the bare form is used.
    """
    full_by_key: dict[str, list[str]] = {}
    for s in spans:
        key = surname_key(s.text)
        forms = full_by_key.setdefault(key, [])
        if s.text not in forms:
            forms.append(s.text)
    first_word: dict[str, str] = {}  # the latest full name so far that starts with this word
    last_full: dict[str, str] = {}
    for s in spans:
        words = s.text.split()
        if len(words) > 1 and not words[0].endswith("."):
            first_word[words[0]] = s.text
        key = surname_key(s.text)
        forms = full_by_key[key]
        if len(s) == 1 and len(forms) == 1 and s.text in first_word:
            # Chinese and Korean names put the family name first: "Wang" after "Wang Houbin".
            s.id_ = first_word[s.text]
            continue
        if len(s) > 1 or len(forms) == 1:
            best = _fullest([f for f in forms if _compatible(f, s.text)] or [s.text])
            last_full[key] = best
            s.id_ = best
        else:
            s.id_ = last_full.get(key) or _fullest(forms)


def _compatible(full: str, other: str) -> bool:
    """"K.A. Meretskov" and "Kirill Meretskov" can be one person; "Ivan Popov" and "Pavel Popov" cannot."""
    a, b = full.split()[:-1], other.split()[:-1]
    if not a or not b:
        return True
    return a[0][0].lower() == b[0][0].lower()


def _fullest(forms: list[str]) -> str:
    def rank(f: str) -> tuple[int, int, int]:
        words = f.split()
        spelled = sum(1 for w in words[:-1] if not w.endswith("."))
        return (spelled, len(words), len(f))
    return max(forms, key=rank)


@Language.factory("pw_mentions", default_config={"ontology_path": None},
                  requires=["doc.ents", "token.dep", "token.pos"], assigns=["doc.spans"])
def make_mentions(nlp: Language, name: str, ontology_path: str | None) -> PersonMentions:
    return PersonMentions(name, load_ontology(ontology_path))


class PersonMentions(Pipe):
    """Pipeline component: doc.spans['pw_persons'] = the person mentions, each named by span.id_.

    A failure leaves no mentions and is recorded in `doc._.pw_error` (`purgewatch.nlp.failures`).
    """

    def __init__(self, name: str, onto: Ontology) -> None:
        setup_error_extension()
        self.name, self.onto = name, onto
        self.set_error_handler(cast(Any, record_error))

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc.spans[SPAN_KEY] = collect(doc, self.onto)
        except Exception as exc:  # one bad document must not abort a batch
            doc.spans[SPAN_KEY] = []
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc
