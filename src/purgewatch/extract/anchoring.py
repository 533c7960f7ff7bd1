"""When the text is: the dates it names, the anchors they set, and the year the story is in at each point."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span

from purgewatch.extract.dates import resolve_date
from purgewatch.extract.frames import Frame
from purgewatch.nlp.sentences import sent_of, sentences
from purgewatch.ontology import Ontology

# A date under one of these holds background ("who had served since 2012"), not the story's time.
SUBORDINATE_DEPS = {"relcl", "acl", "appos"}
YEAR_IN_TEXT = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
RELATIVE_PHRASE_RE = re.compile(
    r"\bthe\s+(?:following|next|previous|preceding|same)\s+(?:day|week|month|year|summer|winter|spring|autumn)\b"
    r"|\b(?:a|one|two|three)\s+(?:days?|months?|years?)\s+(?:later|earlier)\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def day_month_re(onto: Ontology) -> re.Pattern[str]:
    """ "11 May", "May 11, 1937", "3rd of March": built from the lexicon's month names."""
    months = "|".join(sorted(w.capitalize() for w in onto.words("months")))
    return re.compile(
        rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})(?:,?\s+\d{{4}})?|(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?"
        r"(?:,?\s+\d{4})?)\b")


def date_spans(doc: Doc, onto: Ontology) -> list[Span]:
    """NER's DATE entities, plus day-and-month dates the small model misses or mangles.

    "On 11 May Marshal X": no entity at all; "12 March 2022 - Ivan X": an entity that swallows the name
    and drops the day. A regex date replaces any entity it overlaps without being contained in it.
    """
    ents = [e for e in doc.ents if e.label_ == "DATE"]
    extra: list[Span] = []
    for m in list(day_month_re(onto).finditer(doc.text)) + list(RELATIVE_PHRASE_RE.finditer(doc.text)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or not len(span):
            continue
        overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
        if any(e.start <= span.start and span.end <= e.end for e in overlapping):
            continue
        ents = [e for e in ents if e not in overlapping]
        extra.append(span)
    return sorted(ents + extra, key=lambda s: s.start)


def _subordinate(ent: Span) -> bool:
    """A date in a relative clause or apposition: background to the story, not its time."""
    return any(a.dep_ in SUBORDINATE_DEPS for a in ent.root.ancestors)


def _background_date(ent: Span, onto: Ontology) -> bool:
    """ "(Minister since 2012)": a date that sets no time for what follows."""
    first = ent.doc[ent.start - 1] if ent.start > 0 else None
    return first is not None and first.lower_ in onto.words("background_date_preps")


class Anchors:
    """The document's dates, resolved in reading order: each sets the time the text is at."""

    def __init__(self, doc: Doc, onto: Ontology, base: date | None) -> None:
        self.doc, self.onto, self.base = doc, onto, base
        self.sent_index = {sent.start: n for n, sent in enumerate(sentences(doc)[1])}
        self.anchors: list[tuple[int, str]] = []  # (token index, ISO date) of the dates the text sets
        self.anchor_starts: list[int] = []
        self.resolved: dict[int, str | None] = {}
        self.dates = date_spans(doc, onto)
        self.date_text = {d.start: d.text for d in self.dates}
        self.dates_by_sent: dict[int, list[Span]] = {}
        for d in self.dates:
            self.dates_by_sent.setdefault(sent_of(d).start, []).append(d)
        for ent in self.dates:
            iso = self.resolve_ent(ent)
            if iso and not _background_date(ent, onto) and not _subordinate(ent):
                self.anchors.append((ent.start, iso))
                self.anchor_starts.append(ent.start)

    def anchor_before(self, i: int) -> str | None:
        k = bisect_left(self.anchor_starts, i)
        return self.anchors[k - 1][1] if k else None

    def _recent_anchors(self, i: int, here: int, max_sents: int) -> list[tuple[int, str]]:
        """Anchors before token i whose sentence is at most max_sents before sentence number `here`."""
        out = []
        for j, iso in reversed(self.anchors[:bisect_left(self.anchor_starts, i)]):
            if here - self.sent_index.get(sent_of(self.doc[j]).start, 0) > max_sents:
                break
            out.append((j, iso))
        return out[::-1]

    def resolve_ent(self, ent: Span) -> str | None:
        """A DATE entity's ISO date, read against the publication date or the narrative's own time."""
        if ent.start in self.resolved:
            return self.resolved[ent.start]
        anchor = self.anchor_before(ent.start)
        year = int(anchor[:4]) if anchor else None
        iso = resolve_date(ent.text, self.base, year, self.story_year(ent), anchor, self.onto)
        self.resolved[ent.start] = iso
        return iso

    def story_year(self, ent: Span, max_sents: int = 3) -> int | None:
        """The year the narrative is in at this point: an explicit year set in the last few sentences.

        "In 1937 ... On 11 May he was relieved": 11 May 1937, whenever the text was published.
        Without one nearby, bare day-and-month dates belong to the publication's year (None here).
        """
        here = self.sent_index.get(sent_of(ent).start, 0)
        year = None
        for j, iso in self._recent_anchors(ent.start, here, max_sents):
            if YEAR_IN_TEXT.search(self.date_text[j]):
                year = int(iso[:4])
        if year is None or (self.base is not None and year == self.base.year):
            return None
        return year

    def inherited_date(self, frame: Frame, max_sents: int = 3) -> str | None:
        """The date the text last set, a few sentences back at most: decree lines and narrative events."""
        here = self.sent_index.get(frame.sent.start, 0)
        recent = self._recent_anchors(frame.trigger.i, here, max_sents)
        return recent[-1][1] if recent else None

    def date_at(self, sent: Span, i: int) -> str | None:
        """The ISO date of the date entity of this sentence that covers token i, if any."""
        ent = next((e for e in self.dates_by_sent.get(sent.start, []) if e.start <= i < e.end), None)
        return self.resolve_ent(ent) if ent is not None else None
