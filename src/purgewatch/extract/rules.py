"""The rules engine: cues to frames, frames to targets, targets to events, then links within the document."""

from __future__ import annotations

from datetime import date

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from purgewatch.extract.anchoring import Anchors
from purgewatch.extract.assembly import Assembler
from purgewatch.extract.constructions import gapped_sentences, inclusions
from purgewatch.extract.coref import PronounResolver
from purgewatch.extract.frames import Frame, find_frames
from purgewatch.extract.links import link_events
from purgewatch.extract.promotions import promotions
from purgewatch.extract.targets import Found, Targets
from purgewatch.nlp.mentions import SPAN_KEY, collect
from purgewatch.ontology import Ontology
from purgewatch.records import Event


def people_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the person mention covering it."""
    return {i: s for s in doc.spans.get(SPAN_KEY, []) for i in range(s.start, s.end)}


def extract(doc: Doc, onto: Ontology, matcher: Matcher, base: date | None = None) -> list[Event]:
    """Every event the document states; `base` is its publication date (None: unknown)."""
    groups = find_frames(doc, matcher, onto)
    people = people_index(doc)
    extra = promotions(doc, groups, onto, people)
    if extra:
        doc.spans[SPAN_KEY] = collect(doc, onto, list(doc.spans[SPAN_KEY]) + extra)
        people = people_index(doc)
    targets = Targets(doc, onto, people, PronounResolver(doc, people, onto.person_pronouns))
    asm = Assembler(doc, onto, targets, Anchors(doc, onto, base))
    found = _found(groups, targets)
    events: list[Event] = []
    frames_per_sent: dict[int, int] = {}
    for f in found:
        frames_per_sent[f.frame.sent.start] = frames_per_sent.get(f.frame.sent.start, 0) + 1
    for f in found:
        alone = frames_per_sent[f.frame.sent.start] == 1
        for target in f.targets:
            ev = asm.event(f.frame, target, alone)
            if ev is not None:
                events.append(ev)
                events += asm.more_posts(f.frame, ev)
    events += inclusions(asm, found)
    events += gapped_sentences(asm, found)
    return link_events(events, doc, onto)


def _found(groups: list[list[Frame]], targets: Targets) -> list[Found]:
    """One frame per event type for each cue word ("replace" both ends X's tenure and starts Y's); the
    first frame of a type that finds a patient wins; a cue word with none keeps an orphan frame."""
    found: list[Found] = []
    for frames in groups:
        done: set[str] = set()
        for frame in frames:
            if frame.type in done:
                continue
            found_targets = targets.patients(frame)
            if found_targets:
                done.add(frame.type)
                found.append(Found(frame, found_targets))
        if not done:
            found.append(Found(frames[-1], []))
    return found
