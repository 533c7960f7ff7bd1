"""Current holders of posts: "Valery Gerasimov, the chief of the General Staff, said ..." in a report
dated D says that he held that post on D. Tenures use these as evidence beside the events."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from purgewatch.extract.positions import appositive_post, org_in
from purgewatch.extract.syntax import span_text
from purgewatch.nlp.sentences import sent_of
from purgewatch.ontology import Ontology
from purgewatch.records import Event, Holding

PAST_MARKERS = frozenset({"former", "ex", "then", "late", "previous", "erstwhile", "outgoing", "sacked",
                          "dismissed", "ousted", "disgraced", "new", "newly", "incoming"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def find_holdings(doc: Doc, onto: Ontology, events: list[Event], published: date | None) -> list[Holding]:
    """One observation per person and post: the post stated beside the name, dated by an event about that
    person in the same sentence, else by the report's date when the sentence is in the present tense."""
    dated = {(e.person, e.start): e.date for e in events if e.person and e.date}
    out: dict[tuple[str, str], Holding] = {}
    for mention in doc.spans.get("pw_persons", []):
        post = appositive_post(mention, onto, allow_former=False)
        if post is None or any(t.lower_ in PAST_MARKERS for t in _left_context(post)):
            continue
        sent = sent_of(mention.root)
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        when = dated.get((mention.id_, start))
        if when is None and published is not None and _present(sent):
            when = published.isoformat()
        if when is None:
            continue
        position = span_text(post)
        if not position or (mention.id_, position.lower()) in out:
            continue
        out[(mention.id_, position.lower())] = Holding(person=mention.id_, position=position, evidence=text,
                                                       start=start, end=start + len(text), date=when,
                                                       org=org_in(post, onto))
    return list(out.values())


def _left_context(post: Span) -> list:  # type: ignore[type-arg]
    doc = post.doc
    return [doc[i] for i in range(max(0, post.start - 2), post.end)]


def _present(sent: Span) -> bool:
    root = sent.root
    if root.tag_ in PRESENT_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in PRESENT_TAGS for c in root.children)
