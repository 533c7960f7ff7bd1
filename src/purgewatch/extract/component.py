"""The extraction components: `pw_events` (cues, their people and arguments, links within the document)
and `pw_holdings` (posts stated beside names: "X, head of Y").

`doc._.pw_events` is a list of `purgewatch.records.Event`, each tied to its evidence sentence;
`doc._.pw_holdings` a list of `purgewatch.records.Holding`. The publication date is read from
`doc._.pw_published` (a `datetime.date` or None), set before the pipeline runs. A component that fails
on a document records it in `doc._.pw_error` ("pw_events: ValueError: ...") and leaves its output empty.
"""

from __future__ import annotations

from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from purgewatch.extract.frames import build_matcher
from purgewatch.extract.holders import find_holdings
from purgewatch.extract.rules import extract
from purgewatch.nlp.failures import record_error, setup_error_extension
from purgewatch.ontology import Ontology, load_ontology


def setup_extensions() -> None:
    """Register the custom attributes, once."""
    setup_error_extension()
    for name in ("pw_events", "pw_published", "pw_holdings"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Token.has_extension("pw_post"):
        Token.set_extension("pw_post", getter=lambda t: t.lower_ in load_ontology().post_heads)


class _RulePipe(Pipe):
    """A rule component: `__call__` sets one attribute, inside the error handler."""

    attr = ""

    def __init__(self, nlp: Language, name: str, onto: Ontology) -> None:
        setup_extensions()
        self.name, self.onto = name, onto
        self.set_error_handler(cast(Any, record_error))

    def annotate(self, doc: Doc) -> list[Any]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.set(self.attr, self.annotate(doc))
        except Exception as exc:  # one bad document must not abort a batch
            doc._.set(self.attr, [])
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc


class EventExtractor(_RulePipe):
    attr = "pw_events"

    def __init__(self, nlp: Language, name: str, onto: Ontology) -> None:
        super().__init__(nlp, name, onto)
        self.matcher = build_matcher(nlp.vocab, onto)

    def annotate(self, doc: Doc) -> list[Any]:
        return list(extract(doc, self.onto, self.matcher, doc._.pw_published))


class HoldingsFinder(_RulePipe):
    attr = "pw_holdings"

    def annotate(self, doc: Doc) -> list[Any]:
        if doc._.pw_error:  # the events failed: no dates to read the holdings against
            return []
        return list(find_holdings(doc, self.onto, doc._.pw_events or [], doc._.pw_published))


@Language.factory("pw_events", default_config={"ontology_path": None},
                  requires=["doc.spans", "doc.ents", "token.dep", "token.pos", "token.lemma", "doc._.pw_published"],
                  assigns=["doc._.pw_events", "doc._.pw_error"])
def make_events(nlp: Language, name: str, ontology_path: str | None) -> EventExtractor:
    return EventExtractor(nlp, name, load_ontology(ontology_path))


@Language.factory("pw_holdings", default_config={"ontology_path": None},
                  requires=["doc.spans", "doc._.pw_events", "doc._.pw_published"],
                  assigns=["doc._.pw_holdings", "doc._.pw_error"])
def make_holdings(nlp: Language, name: str, ontology_path: str | None) -> HoldingsFinder:
    return HoldingsFinder(nlp, name, load_ontology(ontology_path))
