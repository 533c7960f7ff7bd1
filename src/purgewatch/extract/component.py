"""The `pw_events` pipeline component: cues, their people and arguments, then links within the document.

Output: `doc._.pw_events`, a list of `purgewatch.records.Event`, each tied to its evidence sentence.
The publication date is read from `doc._.pw_published` (a `datetime.date` or None), set before the
pipeline runs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from purgewatch.extract import arguments as args
from purgewatch.extract.coref import PronounResolver
from purgewatch.extract.dates import resolve_date
from purgewatch.extract.factuality import factuality
from purgewatch.extract.frames import (
    Frame,
    agent_tokens,
    aux_start,
    build_matcher,
    find_frames,
    person_list,
    slot_tokens,
)
from purgewatch.extract.holders import find_holdings
from purgewatch.extract.links import link_events
from purgewatch.extract.positions import (
    appositive_post,
    frame_org,
    is_post_phrase_head,
    is_post_token,
    org_in,
    post_span,
)
from purgewatch.extract.syntax import (
    governing_verb,
    inherited_subject,
    is_passive,
    own_subject,
    prep_objects,
    span_text,
)
from purgewatch.nlp.mentions import SPAN_KEY, collect, is_name_token, name_chain
from purgewatch.nlp.sentences import previous_sentence, sent_of, sentences
from purgewatch.ontology import Ontology, load_ontology
from purgewatch.records import Event, Group

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12}


def setup_extensions() -> None:
    """Register the custom attributes, once."""
    for name, default in (("pw_events", None), ("pw_published", None), ("pw_holdings", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Token.has_extension("pw_post"):
        Token.set_extension("pw_post", getter=lambda t: t.lower_ in load_ontology().post_heads)


@dataclass
class Target:
    """What a slot resolved to: a person mention, a group noun phrase, or nothing usable (an orphan)."""

    person: Span | None = None
    group: Span | None = None
    post: Token | None = None  # the post noun the person was found under ("the commander of X, Y")


@dataclass
class Found:
    frame: Frame
    targets: list[Target] = field(default_factory=list)


class EventExtractor:
    def __init__(self, nlp: Language, onto: Ontology) -> None:
        setup_extensions()
        self.onto = onto
        self.matcher = build_matcher(nlp.vocab, onto)

    def __call__(self, doc: Doc) -> Doc:
        handler = getattr(self, "get_error_handler", None)
        try:
            doc._.pw_events = extract(doc, self.onto, self.matcher)
            doc._.pw_holdings = find_holdings(doc, self.onto, doc._.pw_events, doc._.pw_published)
        except Exception as exc:  # one bad document must not abort a batch
            if handler is not None:
                handler()(self.__class__.__name__, self, [doc], exc)
            doc._.pw_events = []
            doc._.pw_holdings = []
            raise
        return doc


@Language.factory("pw_events", default_config={"ontology_path": None})
def make_events(nlp: Language, name: str, ontology_path: str | None) -> EventExtractor:
    return EventExtractor(nlp, load_ontology(ontology_path))


def _people_index(doc: Doc) -> dict[int, Span]:
    return {i: s for s in doc.spans.get(SPAN_KEY, []) for i in range(s.start, s.end)}


def _promotions(doc: Doc, groups: list[list[Frame]], onto: Ontology, people: dict[int, Span]) -> list[Span]:
    """Proper nouns standing where a cue expects a person are people, whatever NER said."""
    out = []
    for frames in groups:
        for frame in frames:
            slots = list(frame.cue.patient) + list(frame.cue.successor)
            for slot in slots:
                for tok in slot_tokens(frame, slot, people):
                    cands = [tok] + [c for c in tok.children if c.dep_ == "conj"]
                    for c in cands:
                        if c.i not in people and c.pos_ == "PROPN" and is_name_token(c, onto) \
                                and c.ent_type_ not in {"MONEY", "CARDINAL"} and not _org_entity(c, onto) \
                                and not DAY_MONTH_RE.fullmatch(c.text) and c.lower_ not in MONTH_WORDS:
                            span = name_chain(c, onto)
                            if span is not None:
                                out.append(span)
    return out


def _org_entity(tok: Token, onto: Ontology) -> bool:
    """Is tok inside an organisation-like entity that contains an organisation word ("Defense Ministry")?"""
    if tok.ent_type_ not in {"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}:
        return False
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.lower_ in onto.org_heads for t in doc[start:end])


def extract(doc: Doc, onto: Ontology, matcher: object) -> list[Event]:
    setup_extensions()
    base: date | None = doc._.pw_published
    groups = find_frames(doc, matcher, onto)  # type: ignore[arg-type]
    people = _people_index(doc)
    extra = _promotions(doc, groups, onto, people)
    if extra:
        doc.spans[SPAN_KEY] = collect(doc, onto, list(doc.spans[SPAN_KEY]) + extra)
        people = _people_index(doc)
    resolver = PronounResolver(doc, people, onto.person_pronouns)
    ctx = _Context(doc, onto, people, resolver, base)
    found: list[Found] = []
    for frames in groups:
        # one frame per event type for each cue word: "replace" both ends X's tenure and starts Y's
        done: set[str] = set()
        for frame in frames:
            if frame.type in done:
                continue
            targets = ctx.patients(frame)
            if targets:
                done.add(frame.type)
                found.append(Found(frame, targets))
        if not done:
            found.append(Found(frames[-1], []))
    events: list[Event] = []
    frames_per_sent: dict[int, int] = {}
    for f in found:
        frames_per_sent[f.frame.sent.start] = frames_per_sent.get(f.frame.sent.start, 0) + 1
    for f in found:
        alone = frames_per_sent[f.frame.sent.start] == 1
        for target in f.targets:
            ev = ctx.event(f.frame, target, alone)
            if ev is not None:
                events.append(ev)
                events += ctx.more_posts(f.frame, ev)
    events += ctx.inclusions(found)
    events += ctx.gapped_sentences(found)
    return link_events(events, doc, onto, ctx)


class _Context:
    """Per-document state shared by the rules: people, pronouns, dates seen so far, posts seen so far."""

    def __init__(self, doc: Doc, onto: Ontology, people: dict[int, Span], resolver: PronounResolver,
                 base: date | None) -> None:
        self.doc, self.onto, self.people, self.resolver, self.base = doc, onto, people, resolver, base
        self.posts: dict[str, Span] = {}
        self.sent_index = {sent.start: n for n, sent in enumerate(sentences(doc)[1])}
        self.anchors: list[tuple[int, str]] = []  # (token index, ISO date) of the dates the text sets
        self.anchor_starts: list[int] = []
        self.resolved: dict[int, str | None] = {}
        self.known_posts: dict[str, list[tuple[int, Span]]] = {}
        for m in doc.spans.get(SPAN_KEY, []):
            post = appositive_post(m, onto)
            if post is not None and not any(t.dep_ == "poss" or t.lower_ in {"his", "her", "their"}
                                            for t in doc[max(post.start - 2, 0):post.start + 1]):
                self.known_posts.setdefault(m.id_, []).append((m.start, post))
        self.dates = date_spans(doc)
        self.date_text = {d.start: d.text for d in self.dates}
        self.dates_by_sent: dict[int, list[Span]] = {}
        for d in self.dates:
            self.dates_by_sent.setdefault(sent_of(d).start, []).append(d)
        for ent in self.dates:
            iso = self.resolve_ent(ent)
            if iso and not _background_date(ent) and not _subordinate(ent):
                self.anchors.append((ent.start, iso))
                self.anchor_starts.append(ent.start)

    def post_before(self, person: str, i: int) -> Span | None:
        """The latest post the document stated for this person before token i ("Rocket Force commander X")."""
        found = None
        for start, post in self.known_posts.get(person, []):
            if start >= i:
                break
            found = post
        return found

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
        iso = resolve_date(ent.text, self.base, year, self.story_year(ent), anchor)
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

    def person_at(self, tok: Token, exclude: set[str] | None = None) -> Span | None:
        if tok.i in self.people:
            return self.people[tok.i]
        return self.resolver.resolve(tok, exclude)

    def resolve(self, tok: Token) -> list[Target]:
        """Resolve a slot's head token to people (with their coordinated companions) or a group."""
        if self._plural_anaphor(tok):
            group = self._last_list(tok)
            if group:
                return [Target(person=p) for p in group]
        person = self.person_at(tok)
        post = None
        if person is None and tok.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
            person = self._person_inside(tok)
            if person is not None and is_post_phrase_head(tok, self.onto):
                post = tok
        if person is not None:
            out = [Target(person=person, post=post)]
            seen = {person.id_}
            # companions hang off the word in this sentence, not off a pronoun's antecedent
            anchor = person.root if sent_of(person.root) == sent_of(tok) else tok
            for extra in self._companions(anchor):
                if extra.id_ not in seen:
                    seen.add(extra.id_)
                    out.append(Target(person=extra))
            return out
        if tok.pos_ in {"NOUN", "PRON", "PROPN", "NUM"} and self._is_group(tok):
            listed = self._colon_list(tok) or self._listed_after(tok)
            if listed:
                return listed
            return [Target(group=tok.doc[tok.left_edge.i:tok.right_edge.i + 1])]
        return []

    def _plural_anaphor(self, tok: Token) -> bool:
        """ "they", "them", "both", "both men", "the two", "all seven": people named together before."""
        low = tok.lower_
        if low in {"they", "them", "both"}:
            return True
        dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "predet", "nummod", "quantmod"}}
        return (low in {"men", "officers", "generals", "officials", "two", "three", "four", "five", "six",
                        "seven", "eight", "nine", "ten"} and bool(dets & {"both", "the", "all", "these", "those"})
                and not any(c.dep_ == "prep" for c in tok.children))

    def _last_list(self, tok: Token) -> list[Span]:
        """The latest coordinated list of two or more people before tok, in its sentence or the one before."""
        sents = [sent_of(tok)]
        if sent_of(tok).start > 0:
            sents.append(previous_sentence(sent_of(tok)))
        for sent in sents:
            best: list[Span] = []
            for i in range(sent.start, min(sent.end, tok.i)):
                m = self.people.get(i)
                if m is None or m.root.i != i or m.root.dep_ == "conj":
                    continue
                group = [m] + [p for p in self._companions(m.root) if p.id_ != m.id_]
                if len(group) >= 2:
                    best = group
            syntactic = best
            best = []
            i = sent.start
            while i < min(sent.end, tok.i):
                m = self.people.get(i)
                if m is None or m.start != i:
                    i += 1
                    continue
                group = [p for p in person_list(self.doc, i, self.people, 1) if p.end <= tok.i]
                if len(group) >= 2:
                    best = group
                i = max(i + 1, group[-1].end if group else i + 1)
            # the parse and the plain word order can each miss a name of the list: take the longer
            if syntactic or best:
                return best if len(best) > len(syntactic) else syntactic
        return []

    def _listed_after(self, noun: Token) -> list[Target]:
        """ "two of his closest associates, A and B, were executed": the people named right after."""
        j = noun.i + 1
        sent = sent_of(noun)
        while j < sent.end and self.doc[j].text not in {",", ":"} and j - noun.i < 8:
            j += 1
        if j >= sent.end or self.doc[j].text not in {",", ":"}:
            return []
        people = person_list(self.doc, j + 1, self.people, 1)
        return [Target(person=p) for p in people] if len(people) >= 1 and self.doc[j].text == ":" or len(people) >= 2 else []

    def _colon_list(self, noun: Token) -> list[Target]:
        """ "the following nine deputies have been removed: A, B, C": the people listed after the colon."""
        sent = sent_of(noun)
        colon = next((t for t in sent if t.i > noun.i and t.text == ":"), None)
        if colon is None:
            return []
        end = sent.end
        if all(t.is_space or t.is_punct for t in self.doc[colon.i + 1:sent.end]) and sent.end < len(self.doc):
            end = sent_of(self.doc[sent.end]).end  # the sentencizer may cut the list off at the colon
        out, seen = [], set()
        for i in range(colon.i + 1, end):
            m = self.people.get(i)
            if m is not None and m.id_ not in seen and m.root.i == i:
                seen.add(m.id_)
                out.append(Target(person=m))
        return out

    def _person_inside(self, noun: Token) -> Span | None:
        """The person a noun phrase names: "the former commander of X, Y" (Y), not "deputy to the chief, Z"."""
        for t in noun.subtree:
            if t.i not in self.people or t.dep_ not in {"appos", "conj"}:
                continue
            ok = True
            for a in t.ancestors:
                if a == noun:
                    break
                if a.dep_ in {"relcl", "acl"} or (a.dep_ == "pobj" and is_post_phrase_head(a, self.onto)):
                    ok = False
                    break
            if ok:
                return self.people[t.i]
        return None

    def _fallback(self, frame: Frame) -> list[Target]:
        """When the parse puts the person outside the expected slots.

        "X, who ... has been relieved of his post": the relative clause's head is the person.
        "The man selected ... was X", "the personage lopped off was X": the copula names the person.
        "A, B and C were arrested" with the list lost in the parse: the people just before the verb group.
        "installed General X" with no object in the parse: the people just after the verb.
        "Charged with ..., A and B were sentenced": a fronted participle shares the main clause's people.
        """
        t = frame.trigger
        linear = self._linear(frame, t)
        if linear:
            return linear
        if t.dep_ == "conj" and own_subject(t) is None and t.head.pos_ in {"VERB", "AUX"}:
            linear = self._linear(frame, t.head)  # "X is relieved of ... and appointed ..."
            if linear:
                return linear
            shared = own_subject(t.head)
            if shared is not None and is_passive(t.head) and "object" in frame.cue.patient:
                found = self.resolve(shared)  # "he was promoted to X and appointed commander of Y"
                if found:
                    return found
        if t.dep_ == "advcl" and t.tag_ in {"VBN", "VBG"} and own_subject(t) is None and t.head.pos_ in {"VERB", "AUX"}:
            head = t.head
            subj = own_subject(head)
            found = self.resolve(subj) if subj is not None else []
            return found or self._linear(frame, head)
        if frame.type != "appointed" and t.dep_ in {"relcl", "acl"} and t.head.i in self.people:
            return self.resolve(t.head)
        verb = None
        if t.dep_ in {"csubj", "csubjpass"}:
            verb = t.head
        elif t.dep_ in {"acl", "relcl"} and t.head.dep_ in {"nsubj", "nsubjpass"}:
            verb = t.head.head
        if verb is not None and verb.lemma_ == "be":
            for attr in (c for c in verb.children if c.dep_ in {"attr", "acomp"}):
                for x in attr.subtree:
                    if x.i in self.people:
                        return self.resolve(x)
        return []

    def _linear(self, frame: Frame, verb: Token) -> list[Target]:
        if verb.pos_ not in {"VERB", "AUX"}:
            return []
        if is_passive(verb) or "subject" in frame.cue.patient:
            people = person_list(self.doc, aux_start(verb) - 1, self.people, -1, self._is_post)
        elif "object" in frame.cue.patient:
            people = person_list(self.doc, max(i for i in frame.tokens) + 1, self.people, 1, self._is_post)
        else:
            people = []
        return [Target(person=p) for p in people]

    def _is_post(self, tok: Token) -> bool:
        return is_post_token(tok, self.onto)

    def _companions(self, root: Token) -> list[Span]:
        """People coordinated with a person: "X, Y and Z were dismissed", "X together with Y".

        The parser may hang the list off any of its names, so the chain is walked up as well as down.
        """
        out = []
        top = root
        while top.dep_ == "conj" and top.head.i in self.people and top.head != top:
            top = top.head
            out.append(self.people[top.i])
        stack = [c for c in root.children if c.dep_ in {"conj", "appos"}] + \
            ([c for c in top.children if c.dep_ in {"conj", "appos"} and c != root] if top is not root else [])
        together = _together_with(root)
        if root.dep_ in {"dobj", "nsubjpass", "nsubj"}:
            together += _together_with(root.head)  # "convicted him ... together with A and B"
        for g in together:
            out += [t.person for t in self.resolve(g) if t.person is not None]
        while stack:
            c = stack.pop(0)
            if c.i in self.people:
                out.append(self.people[c.i])
            elif c.dep_ == "appos":
                continue  # "X, the commander of Y": a post, not another person
            stack += [g for g in c.children if g.dep_ == "conj"]
        return out

    def _is_group(self, tok: Token) -> bool:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in {"them", "they", "those", "these"}:
            return False
        if tok.pos_ == "NUM":
            return tok.lower_ in NUMBER_WORDS or tok.like_num
        if tok.tag_ not in {"NNS", "NNPS"} and not any(c.dep_ == "nummod" for c in tok.children) \
                and low not in {"leadership", "personnel", "dozens", "hundreds", "thousands"}:
            return False
        return low in self.onto.group_nouns or lemma in self.onto.group_nouns

    def patients(self, frame: Frame) -> list[Target]:
        targets: list[Target] = []
        for slot in frame.cue.patient:
            resolved = (self.resolve(tok) for tok in slot_tokens(frame, slot, self.people))
            targets = next((r for r in resolved if r), [])
            if targets:
                break
        if not targets:
            targets = self._fallback(frame)
        elif len(targets) == 1 and targets[0].person is not None and frame.trigger.pos_ in {"VERB", "AUX"}:
            # "A, head of X, B and C were arrested": the parse may find only A; the plain list finds all
            t = frame.trigger
            listed = self._linear(frame, t)
            if len(listed) < 2 and t.dep_ == "advcl" and t.tag_ == "VBN" and own_subject(t) is None:
                listed = self._linear(frame, t.head)  # "Charged with X, A, B and C were sentenced"
            if len(listed) > 1 and any(t.person is not None and t.person.id_ == targets[0].person.id_ for t in listed):
                targets = listed
        if targets and frame.cue.requires_position and args.explicit_post(frame, self.onto) is None:
            return []
        return targets

    def agent(self, frame: Frame, patient: str | None) -> str | None:
        for tok in agent_tokens(frame, self.people) + args.agent_noun_tokens(frame, self.onto):
            p = self.person_at(tok)
            if p is not None and p.id_ != patient:
                return p.id_
        if "holder" in frame.cue.patient:
            verb = governing_verb(frame.trigger)
            if verb is not None:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    p = self.person_at(subj)
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
                p = self.person_at(tok)
                if p is not None and p.id_ != patient:
                    return p.id_
        return None

    def predecessor(self, frame: Frame, patient: str | None) -> str | None:
        for tok in args.predecessor_tokens(frame, self.onto):
            p = self.person_at(tok, exclude={patient} if patient else None)
            if p is not None and p.id_ != patient:
                return p.id_
        return None

    def event(self, frame: Frame, target: Target, alone: bool) -> Event | None:
        onto = self.onto
        person = target.person
        pid = person.id_ if person is not None else None
        post = args.event_post(frame, person, onto, self.posts)
        if post is None and target.post is not None:
            post = post_span(target.post, onto)
        if post is None and pid is not None and frame.type != "appointed":
            post = self.post_before(pid, frame.trigger.i)
        if post is None and target.group is not None and any(is_post_token(t, onto) for t in target.group):
            post = _group_post(target.group, onto)
        position = span_text(post) if post is not None else None
        org = (org_in(post, onto) if post is not None else None) or frame_org(frame.sent, onto)
        if person is not None and post is not None and frame.type != "appointed":
            self.posts.setdefault(pid or "", post)
        sent = frame.sent
        when, date_source = args.event_date(frame, self.dates_by_sent.get(sent.start, []), self.resolve_ent, self.base,
                                            self.inherited_date(frame), alone)
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        ev = Event(
            type=frame.type,
            person=pid,
            evidence=text,
            start=start,
            end=start + len(text),
            position=position or None,
            org=org,
            date=when,
            agent=self.agent(frame, pid),
            factuality=factuality(frame.trigger, set(frame.tokens), onto, governing_verb(frame.trigger)
                                  if frame.trigger.pos_ not in {"VERB", "AUX"} or frame.trigger.dep_ in {"amod", "acl"} else None),
        )
        if target.group is not None:
            ev.group = Group(description=span_text(target.group), count=_count(target.group))
        if frame.type in {"arrested", "charged", "convicted"}:
            ev.charge = args.event_charge(frame, onto)
        if onto.is_end_of_tenure(frame.type):
            ev.replaced_by = self.successor(frame, pid)
        if frame.type == "appointed":
            ev.replaces = self.predecessor(frame, pid)
        if pid is not None and pid in {ev.replaces, ev.replaced_by}:
            return None  # one person cannot succeed himself: the slots were misread
        ev.extras = {"trigger": frame.trigger.i, "sent": sent.start, "cue": frame.cue.id, "date_source": date_source,
                     "nominal": frame.trigger.pos_ in {"NOUN", "PROPN"}}
        return ev

    def more_posts(self, frame: Frame, ev: Event) -> list[Event]:
        """One event per post when a cue names several: "appointed Minister of War and commander of X"."""
        if ev.person is None or not ev.position or frame.type not in {"appointed", "dismissed"}:
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
        if frame.type == "appointed":
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
            j = i + 1
            dates = []
            while j < sent.end and j - i <= 6 and not is_post_phrase_head(doc[j], self.onto):
                if doc[j].pos_ in {"VERB", "AUX"} or j in self.people:
                    break
                if doc[j].ent_type_ == "DATE":
                    dates.append(doc[j])
                j += 1
            if j >= sent.end or not dates or not is_post_phrase_head(doc[j], self.onto) or j in self.people:
                i += 1
                continue
            extra = post_span(doc[j], self.onto)
            ent = next((e for e in self.dates_by_sent.get(sent.start, []) if e.start <= dates[0].i < e.end), None)
            when = self.resolve_ent(ent) if ent is not None else None
            if extra is not None and when:
                copy = Event(**{**ev.__dict__, "extras": dict(ev.extras, post_conj=extra.start, date_source="clause")})
                copy.position, copy.date = span_text(extra), when
                copy.org = org_in(extra, self.onto)
                out.append(copy)
            i = j + 1
        return out

    def gapped_sentences(self, found: list[Found]) -> list[Event]:
        """ "A was sentenced to death, B to life imprisonment and C to 18 years": B and C share the verb."""
        out: list[Event] = []
        for f in found:
            if f.frame.type != "convicted" or not f.targets:
                continue
            named = {t.person.id_ for t in f.targets if t.person is not None}
            sent = f.frame.sent
            for i in range(f.frame.trigger.i + 1, sent.end - 1):
                m = self.people.get(i)
                if m is None or m.end - 1 != i or m.id_ in named:
                    continue
                nxt = self.doc[m.end] if m.end < sent.end else None
                if nxt is not None and nxt.lower_ == "to" and self.doc[m.start - 1].text in {",", "and", ";"}:
                    ev = self.event(f.frame, Target(person=m), alone=False)
                    if ev is not None:
                        named.add(m.id_)
                        out.append(ev)
        return out

    def inclusions(self, found: list[Found]) -> list[Event]:
        """ "Several were arrested. This included X and Y." People named after a group take its events."""
        out: list[Event] = []
        by_sent: dict[int, list[Found]] = {}
        for f in found:
            by_sent.setdefault(f.frame.sent.start, []).append(f)
        for sent in sentences(self.doc)[1]:
            root = sent.root
            if root.lemma_.lower() not in self.onto.inclusion_lemmas and sent[0].lower_ not in self.onto.inclusion_lemmas:
                continue
            subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            among = sent[0].lower_ in self.onto.inclusion_lemmas
            here = [f for f in by_sent.get(sent.start, []) if not any(t.person for t in f.targets)
                    and ((subject is not None and f.frame.trigger.i in {t.i for t in subject.subtree})
                         or (among and f.frame.trigger.i < root.i))]
            if among:
                subject = None  # "Among those in custody are A, B", "Among them were A, B": the people are listed
            prev = previous_sentence(sent)
            # the previous sentence's main predicates only: not a word inside its subject ("the condemned")
            earlier = [f for f in by_sent.get(prev.start, []) if not any(t.person for t in f.targets)
                       and f.frame.trigger.dep_ in {"ROOT", "conj"}] if prev is not None and not here else []
            pending = here or earlier
            if not pending:
                continue
            if here:
                prev = sent
            names = []
            for tok in sent:
                if tok.i in self.people and tok == self.people[tok.i].root and \
                        (subject is None or tok.i not in {t.i for t in subject.subtree}):
                    names.append(self.people[tok.i])
            for person in names:
                for f in pending:
                    ev = self.event(f.frame, Target(person=person), alone=False)
                    if ev is None:
                        continue
                    post = appositive_post(person, self.onto)
                    ev.position = span_text(post) if post is not None else None
                    ev.org = org_in(post, self.onto) if post is not None else None
                    ev.evidence = self.doc.text[prev.start_char:sent.end_char].strip()
                    ev.start = prev.start_char + (len(prev.text) - len(prev.text.lstrip()))
                    ev.end = ev.start + len(ev.evidence)
                    ev.extras["sent"] = sent.start
                    out.append(ev)
        return out


DAY_MONTH_RE = re.compile(
    r"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{m})(?:,?\s+\d{{4}})?|(?:{m})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b".format(m="January|February|March|April|May|June|July|August|September|October|November|December"))


MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"}
RELATIVE_PHRASE_RE = re.compile(
    r"\bthe\s+(?:following|next|previous|preceding|same)\s+(?:day|week|month|year|summer|winter|spring|autumn)\b"
    r"|\b(?:a|one|two|three)\s+(?:days?|months?|years?)\s+(?:later|earlier)\b", re.IGNORECASE)


def date_spans(doc: Doc) -> list[Span]:
    """NER's DATE entities, plus day-and-month dates the small model misses or mangles.

    "On 11 May Marshal X": no entity at all; "12 March 2022 - Ivan X": an entity that swallows the name
    and drops the day. A regex date replaces any entity it overlaps without being contained in it.
    """
    ents = [e for e in doc.ents if e.label_ == "DATE"]
    extra: list[Span] = []
    for m in list(DAY_MONTH_RE.finditer(doc.text)) + list(RELATIVE_PHRASE_RE.finditer(doc.text)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or not len(span):
            continue
        overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
        if any(e.start <= span.start and span.end <= e.end for e in overlapping):
            continue
        ents = [e for e in ents if e not in overlapping]
        extra.append(span)
    return sorted(ents + extra, key=lambda s: s.start)


YEAR_IN_TEXT = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def _subordinate(ent: Span) -> bool:
    """A date in a relative clause or apposition: background to the story, not its time."""
    return any(a.dep_ in {"relcl", "acl", "appos"} for a in ent.root.ancestors)


def _background_date(ent: Span) -> bool:
    """ "(Minister since 2012)": a date that sets no time for what follows."""
    first = ent.doc[ent.start - 1] if ent.start > 0 else None
    return first is not None and first.lower_ in {"since", "until", "till"}


def _together_with(tok: Token) -> list[Token]:
    """Objects of "together with" / "along with" attached to tok (the adverb may hang off tok or "with")."""
    adverb_on_tok = any(c.lower_ in {"together", "along"} for c in tok.children)
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
            and (adverb_on_tok or any(x.lower_ in {"together", "along"} for x in c.lefts))
            for g in c.children if g.dep_ == "pobj"]


def _group_post(group: Span, onto: Ontology) -> Span:
    toks = [t for t in group if t.dep_ not in {"det", "nummod"} and t.lower_ not in {"additional", "other", "new", "several"}]
    if not toks:
        return group
    return group.doc[toks[0].i:group.end]


def _count(group: Span) -> int | None:
    for t in group:
        if t.dep_ == "nummod" and t.head == group.root:
            if t.like_num and t.text.isdigit():
                return int(t.text)
            n = NUMBER_WORDS.get(t.lower_)
            if n is not None:
                return n
    return None
