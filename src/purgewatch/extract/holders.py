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

PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def find_holdings(doc: Doc, onto: Ontology, events: list[Event], published: date | None) -> list[Holding]:
    """One observation per person and post: the post stated beside the name, dated by an event about that
    person in the same sentence, else by the report's date when the sentence is in the present tense."""
    dated = {(e.person, e.start): e.date for e in events if e.person and e.date}
    out: dict[tuple[str, str], Holding] = {}
    for mention in doc.spans.get("pw_persons", []):
        post = appositive_post(mention, onto, allow_former=False)
        if post is None or any(t.lower_ in onto.words("past_markers") for t in _left_context(post)):
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
    for h in _since(doc, onto, events):
        out.setdefault((h.person, h.position.lower() + " since"), h)
    return list(out.values())


def _since(doc: Doc, onto: Ontology, events: list[Event]) -> list[Holding]:
    """ "X, who had led the ministry since November 2012": X held the post that X's event in the same
    sentence names, from that date (a tenure's start)."""
    from purgewatch.extract.dates import resolve_date as resolve

    by_sentence: dict[tuple[str, int], Event] = {}
    for e in events:
        if e.person and e.position and e.type in onto.ends:
            by_sentence.setdefault((e.person, e.start), e)
    out = []
    for mention in doc.spans.get("pw_persons", []):
        sent = sent_of(mention.root)
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        ev = by_sentence.get((mention.id_, start))
        if ev is None:
            continue
        for verb in (c for c in mention.root.children if c.dep_ == "relcl" and c.lemma_ in onto.words("office_verbs")):
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "since"):
                phrase = doc[prep.i + 1:prep.right_edge.i + 1].text
                when = resolve(phrase, base=doc._.pw_published, onto=onto)
                if when and (not ev.date or when < ev.date):
                    out.append(Holding(person=mention.id_, position=ev.position or "", evidence=ev.evidence,
                                       start=ev.start, end=ev.end, date=when, org=ev.org, since=True))
    return out


def _left_context(post: Span) -> list:  # type: ignore[type-arg]
    doc = post.doc
    return [doc[i] for i in range(max(0, post.start - 2), post.end)]


def _present(sent: Span) -> bool:
    root = sent.root
    if root.tag_ in PRESENT_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in PRESENT_TAGS for c in root.children)
