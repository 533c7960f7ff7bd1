"""Building an Event from a frame and its target: post, organisation, date, agent, successor, predecessor,
charge and factuality; and one more event per further post the same words name."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from purgewatch.extract import arguments as args
from purgewatch.extract.anchoring import Anchors
from purgewatch.extract.factuality import factuality
from purgewatch.extract.frames import Frame, agent_tokens
from purgewatch.extract.groups import group_count
from purgewatch.extract.positions import (
    appositive_post,
    frame_org,
    is_post_phrase_head,
    is_post_token,
    org_in,
    post_span,
)
from purgewatch.extract.syntax import governing_verb, inherited_subject, is_passive, prep_objects, span_text
from purgewatch.extract.targets import Target, Targets
from purgewatch.nlp.mentions import SPAN_KEY
from purgewatch.ontology import Ontology
from purgewatch.records import Event, Group

VERBAL_POS = {"VERB", "AUX"}
NOMINAL_CUE_POS = {"NOUN", "PROPN"}
# A participle cue of these labels modifies a noun; the clause's verb decides its factuality.
MODIFIER_DEPS = {"amod", "acl"}
GROUP_DROP_DEPS = {"det", "nummod"}


class Assembler:
    """Per-document state of the event builder: the posts stated so far for each person."""

    def __init__(self, doc: Doc, onto: Ontology, targets: Targets, anchors: Anchors) -> None:
        self.doc, self.onto, self.targets, self.anchors = doc, onto, targets, anchors
        self.posts: dict[str, Span] = {}
        self.known_posts: dict[str, list[tuple[int, Span]]] = {}
        possessives = onto.words("possessive_determiners")
        for m in doc.spans.get(SPAN_KEY, []):
            post = appositive_post(m, onto)
            if post is not None and not any(t.dep_ == "poss" or t.lower_ in possessives
                                            for t in doc[max(post.start - 2, 0):post.start + 1]):
                self.known_posts.setdefault(m.id_, []).append((m.start, post))

    def post_before(self, person: str, i: int) -> Span | None:
        """The latest post the document stated for this person before token i ("Rocket Force commander X")."""
        found = None
        for start, post in self.known_posts.get(person, []):
            if start >= i:
                break
            found = post
        return found

    def agent(self, frame: Frame, patient: str | None) -> str | None:
        person_at = self.targets.person_at
        for tok in agent_tokens(frame, self.targets.people) + args.agent_noun_tokens(frame, self.onto):
            p = person_at(tok)
            if p is not None and p.id_ != patient:
                return p.id_
        if "holder" in frame.cue.patient:
            verb = governing_verb(frame.trigger)
            if verb is not None:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    p = person_at(subj)
                    if p is not None and p.id_ != patient:
                        return p.id_
        return None

    def successor(self, frame: Frame, patient: str | None) -> str | None:
        t = frame.trigger
        for slot in frame.cue.successor:
            toks: list[Token] = []
            if slot == "by":
                toks = prep_objects(t, {"by"}) if (is_passive(t) or t.pos_ == "NOUN") else []
            elif slot == "subject" and t.pos_ == "VERB" and not is_passive(t):
                subj = inherited_subject(t)
                toks = [subj] if subj is not None else []
            elif slot in {"to", "with"}:
                toks = [o for i in frame.tokens for o in prep_objects(t.doc[i], {slot})]
            for tok in toks:
                p = self.targets.person_at(tok)
                if p is not None and p.id_ != patient:
                    return p.id_
        return None

    def predecessor(self, frame: Frame, patient: str | None) -> str | None:
        for tok in args.predecessor_tokens(frame, self.onto):
            p = self.targets.person_at(tok, exclude={patient} if patient else None)
            if p is not None and p.id_ != patient:
                return p.id_
        return None

    def _post(self, frame: Frame, target: Target) -> Span | None:
        onto, person = self.onto, target.person
        pid = person.id_ if person is not None else None
        post = args.event_post(frame, person, onto, self.posts)
        if post is None and target.post is not None:
            post = post_span(target.post, onto)
        if post is None and pid is not None and not onto.starts_tenure(frame.type):
            post = self.post_before(pid, frame.trigger.i)
        if post is None and target.group is not None and any(is_post_token(t, onto) for t in target.group):
            post = _group_post(target.group, onto)
        if person is not None and post is not None and not onto.starts_tenure(frame.type):
            self.posts.setdefault(pid or "", post)
        return post

    def event(self, frame: Frame, target: Target, alone: bool) -> Event | None:
        onto, t = self.onto, frame.trigger
        pid = target.person.id_ if target.person is not None else None
        post = self._post(frame, target)
        position = span_text(post) if post is not None else None
        org = (org_in(post, onto) if post is not None else None) or frame_org(frame.sent, onto)
        sent = frame.sent
        when, date_source = args.event_date(frame, self.anchors.dates_by_sent.get(sent.start, []),
                                            self.anchors.resolve_ent, self.anchors.base,
                                            self.anchors.inherited_date(frame), alone)
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        governor = governing_verb(t) if t.pos_ not in VERBAL_POS or t.dep_ in MODIFIER_DEPS else None
        ev = Event(type=frame.type, person=pid, evidence=text, start=start, end=start + len(text),
                   position=position or None, org=org, date=when, agent=self.agent(frame, pid),
                   factuality=factuality(t, set(frame.tokens), onto, governor, frame.cue.negation_in_cue))
        if target.group is not None:
            ev.group = Group(description=span_text(target.group), count=group_count(target.group, onto))
        if onto.takes(frame.type, "charge"):
            ev.charge = args.event_charge(frame, onto)
        if onto.takes(frame.type, "successor"):
            ev.replaced_by = self.successor(frame, pid)
        if onto.takes(frame.type, "predecessor"):
            ev.replaces = self.predecessor(frame, pid)
        if pid is not None and pid in {ev.replaces, ev.replaced_by}:
            return None  # one person cannot succeed himself: the slots were misread
        ev.extras = {"trigger": t.i, "sent": sent.start, "cue": frame.cue.id, "date_source": date_source,
                     "nominal": t.pos_ in NOMINAL_CUE_POS}
        return ev

    def more_posts(self, frame: Frame, ev: Event) -> list[Event]:
        """One event per post when a cue names several: "appointed Minister of War and commander of X"."""
        if ev.person is None or not ev.position or not self.onto.type(frame.type).several_posts:
            return []
        post = args.explicit_post(frame, self.onto)
        if post is None or span_text(post) != ev.position:
            return []
        out = []
        for extra in args.coordinated_posts(post, self.onto):
            copy = Event(**{**ev.__dict__, "extras": dict(ev.extras, post_conj=extra.start)})
            copy.position = span_text(extra)
            copy.org = org_in(extra, self.onto) or ev.org
            out.append(copy)
        if self.onto.starts_tenure(frame.type):
            out += self._gapped_posts(frame, ev, post)
        return out

    def _gapped_posts(self, frame: Frame, ev: Event, post: Span) -> list[Event]:
        """ "became commander of X in 1945, and in March 1946 commander-in-chief of Y": a second post after
        "and", with its own date and no verb of its own, shares the cue."""
        doc, sent = self.doc, frame.sent
        out = []
        i = post.end
        while i < sent.end:
            if doc[i].lower_ != "and" or (i > 0 and doc[i - 1].text not in {","}):
                i += 1
                continue
            j, dates = self._gapped_post_head(sent, i)
            if j >= sent.end or not dates or not is_post_phrase_head(doc[j], self.onto) or j in self.targets.people:
                i += 1
                continue
            extra = post_span(doc[j], self.onto)
            when = self.anchors.date_at(sent, dates[0].i)
            if extra is not None and when:
                copy = Event(**{**ev.__dict__, "extras": dict(ev.extras, post_conj=extra.start, date_source="clause")})
                copy.position, copy.date = span_text(extra), when
                copy.org = org_in(extra, self.onto)
                out.append(copy)
            i = j + 1
        return out

    def _gapped_post_head(self, sent: Span, i: int) -> tuple[int, list[Token]]:
        """After the "and" at i: the index where a post head may stand, and the date words on the way."""
        doc = self.doc
        j = i + 1
        dates = []
        while j < sent.end and j - i <= 6 and not is_post_phrase_head(doc[j], self.onto):
            if doc[j].pos_ in VERBAL_POS or j in self.targets.people:
                break
            if doc[j].ent_type_ == "DATE":
                dates.append(doc[j])
            j += 1
        return j, dates


def _group_post(group: Span, onto: Ontology) -> Span:
    drop = onto.words("group_post_drop")
    toks = [t for t in group if t.dep_ not in GROUP_DROP_DEPS and t.lower_ not in drop]
    if not toks:
        return group
    return group.doc[toks[0].i:group.end]
