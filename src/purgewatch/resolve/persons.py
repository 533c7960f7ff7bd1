"""One person under many spellings, across documents.

A *mention* is a name as one document gives it (the extractor already names each person by the fullest
form the document uses). Resolution groups mentions into persons:

- names are compared token by token after folding (case, diacritics, Cyrillic to Latin) and after
  smoothing romanisation variants ("Sergei"/"Sergey", "Yury"/"Yuri"/"Iurii", "Alexei"/"Aleksei");
- the order of the tokens does not matter ("Putin Vladimir"), titles and ranks are not names,
  an initial matches a name with that first letter ("K.A. Meretskov" ~ "Kirill Meretskov"), and a
  patronymic may be missing ("Ivan Ivanovich Popov" ~ "Ivan Popov");
- two names with different given names never merge ("Ivan Popov" / "Pavel Popov"), and a name that
  fits several persons ("K. Popov" when there are a Kirill and a Konstantin) stays apart;
- a surname alone joins the only person with that surname, or among several the one that held the
  same post or was active in the same years; otherwise it stays apart.

Every mention records why it joined its person. Analysts' corrections (`merge`, `split`) are stored by
name and applied after the automatic pass, so they survive re-ingestion.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from purgewatch.normalize.names import fold

GIVEN_NAME_THRESHOLD = 85.0
SURNAME_THRESHOLD = 88.0
YEAR_WINDOW = 5
COMMON_WORD_PERSONS = 200  # a word more persons share than this is a given name, not a surname, for blocking

# Words that may stand in a stored name but are never part of it.
NON_NAME_WORDS = frozenset({
    "marshal", "general", "gen", "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt",
    "admiral", "adm", "commissar", "comrade", "president", "premier", "minister", "secretary", "chairman",
    "mr", "mrs", "ms", "dr", "prof", "judge", "governor", "mayor", "colonel-general", "lieutenant-general",
    "major-general", "brigadier", "sergeant", "vice-admiral", "rear-admiral", "kombrig", "komdiv", "komkor",
    "komandarm", "sir", "jr", "sr",
})
_DIGRAPH_INITIALS = frozenset({"yu", "ya", "yo", "ye", "zh", "kh", "ch", "sh", "ts"})


@dataclass(frozen=True)
class NameToken:
    key: str          # romanisation-smoothed key ("iuri" for Yury, Yuri, Iurii)
    initial: bool     # "K." or "Yu."
    text: str


def romanisation_key(word: str) -> str:
    """A key on which common romanisations of one name agree: Yury = Yuri = Iurii, Sergei = Sergey."""
    s = re.sub(r"[^a-z]", "", fold(word))
    for a, b in (("ks", "x"), ("kh", "h"), ("ph", "f"), ("w", "v"), ("j", "i"), ("y", "i"), ("ie", "e")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled letters: "Iurii", "Ivannov"
    return s


def name_tokens(name: str) -> list[NameToken]:
    """The tokens of a name that are part of it: no titles, ranks or punctuation; initials marked."""
    out = []
    for raw in re.split(r"[\s,]+", name.replace(".", ". ")):
        bare = re.sub(r"^[\W_]+|[\W_]+$", "", raw)
        if not bare or fold(bare) in NON_NAME_WORDS:
            continue
        is_initial = len(bare) == 1 or (raw.endswith(".") and fold(bare) in _DIGRAPH_INITIALS)
        key = romanisation_key(bare)
        if key:
            out.append(NameToken(key=key, initial=is_initial, text=bare))
    return out


def _same_word(a: NameToken, b: NameToken, threshold: float) -> bool:
    if a.initial or b.initial:
        short, long = (a, b) if len(a.key) <= len(b.key) else (b, a)
        return long.key.startswith(short.key)
    if a.key == b.key:
        return True
    return min(len(a.key), len(b.key)) >= 4 and fuzz.ratio(a.key, b.key) >= threshold


def compare(a: list[NameToken], b: list[NameToken]) -> str | None:
    """Why two names can be one person, or None if they cannot.

    They must share a full word (the surname, in either order); then the given names they both have
    must agree (an initial agrees with a name of that letter); a patronymic or second name that only
    one of them gives is allowed.
    """
    fa, fb = [t for t in a if not t.initial], [t for t in b if not t.initial]
    if not fa or not fb:
        return None
    pairs = [(i, j) for i, x in enumerate(a) for j, y in enumerate(b)
             if not x.initial and not y.initial and _same_word(x, y, SURNAME_THRESHOLD)]
    if not pairs:
        return None
    pairs.sort(key=lambda ij: (ij[0] != len(a) - 1) + (ij[1] != len(b) - 1))  # surname last, as usual
    best: str | None = None
    for i, j in pairs:
        rest_a = [t for k, t in enumerate(a) if k != i]
        rest_b = [t for k, t in enumerate(b) if k != j]
        why = _given_names_agree(rest_a, rest_b)
        if why is not None:
            order = "" if (i == len(a) - 1) == (j == len(b) - 1) else "name order; "
            best = (order + why).strip("; ")
            break
    return best


def _given_names_agree(ra: list[NameToken], rb: list[NameToken]) -> str | None:
    if not ra or not rb:
        return "surname only" if not ra and not rb else "given name omitted"
    # first given name against first given name; then what is left may be a patronymic one side lacks
    if not _same_word(ra[0], rb[0], GIVEN_NAME_THRESHOLD):
        return None
    reasons = []
    if ra[0].initial or rb[0].initial:
        reasons.append("initials match")
    elif ra[0].key == rb[0].key and ra[0].text != rb[0].text:
        kind = "transliteration" if _latin(ra[0].text) != _latin(rb[0].text) else "spelling variant"
        reasons.append(f"{kind} ({ra[0].text} ~ {rb[0].text})")
    elif ra[0].key != rb[0].key:
        reasons.append(f"similar given name ({ra[0].text} ~ {rb[0].text})")
    for x, y in zip(ra[1:], rb[1:], strict=False):
        if not _same_word(x, y, GIVEN_NAME_THRESHOLD):
            return None
    if len(ra) != len(rb):
        reasons.append("patronymic omitted")
    return "; ".join(reasons) or "same name"


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 for ch in text)


@dataclass
class Mention:
    doc_id: str
    name: str
    posts: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.name)


@dataclass
class Resolved:
    person_id: str
    person_name: str
    reason: str


@dataclass(eq=False)
class _Cluster:
    members: list[Mention]
    tokens: list[list[NameToken]]
    reasons: dict[tuple[str, str], str]
    variants: list[list[NameToken]] = field(default_factory=list)  # distinct spellings, compared once each
    shapes: set[tuple[tuple[str, bool], ...]] = field(default_factory=set)

    @property
    def fullest(self) -> str:
        """The name to show: most full words, Latin script, the most used spelling, then most words."""
        names = [m.name for m in self.members]
        return max(set(names), key=lambda n: (sum(not t.initial for t in name_tokens(n)), _latin(n), names.count(n),
                                              len(name_tokens(n)), n))

    def posts(self) -> set[str]:
        return set().union(*(m.posts for m in self.members))

    def years(self) -> set[int]:
        return set().union(*(m.years for m in self.members))

    def add(self, m: Mention, tokens: list[NameToken], reason: str) -> None:
        self.members.append(m)
        self.tokens.append(tokens)
        self.reasons[m.key] = reason
        shape = tuple((t.key, t.initial) for t in tokens)
        if shape not in self.shapes:
            self.shapes.add(shape)
            self.variants.append(tokens)


def _person_id(name: str) -> str:
    key = " ".join(sorted(t.key for t in name_tokens(name))) or fold(name)
    return "pw-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def resolve_mentions(mentions: Iterable[Mention], overrides: Iterable[tuple[str, str, str | None]] = ()
                     ) -> dict[tuple[str, str], Resolved]:
    """Group mentions into persons. `overrides`: (kind, a, b) with kind "merge" (names a and b are one
    person) or "split" (every spelling of the person named a is its own person; with b, only b leaves)."""
    merged: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        have = merged.setdefault(m.key, Mention(m.doc_id, m.name))
        have.posts |= m.posts
        have.years |= m.years
    items = [(m, name_tokens(m.name)) for m in merged.values()]
    full = [(m, t) for m, t in items if len(t) >= 2 and any(not x.initial for x in t)]
    bare = [(m, t) for m, t in items if not (len(t) >= 2 and any(not x.initial for x in t))]
    # most informative first: full given names before initials
    full.sort(key=lambda mt: (-sum(not x.initial for x in mt[1]), -len(mt[1]), mt[0].name, mt[0].doc_id))
    bare.sort(key=lambda mt: (mt[0].name, mt[0].doc_id))
    clusters: list[_Cluster] = []
    by_word: dict[str, dict[str, dict[int, _Cluster]]] = {}  # first two letters -> word key -> clusters

    def candidates(tokens: list[NameToken]) -> list[_Cluster]:
        """Persons sharing a word with the name. A match must share the surname, which is the rarer word:
        words shared by very many persons (common given names) are used only when no word is rarer."""
        lists = []
        for t in tokens:
            if t.initial:
                continue
            bucket = by_word.get(t.key[:2], {})
            found: dict[int, _Cluster] = dict(bucket.get(t.key, {}))
            if not found and len(t.key) >= 4:  # a misspelling: the closest words, compared in C by rapidfuzz
                for key, _, _ in process.extract(t.key, list(bucket), scorer=fuzz.ratio,
                                                 score_cutoff=SURNAME_THRESHOLD, limit=20):
                    found.update(bucket[key])
            lists.append(found)
        lists.sort(key=len)
        seen: dict[int, _Cluster] = {}
        for i, found in enumerate(lists):
            if i == 0 or len(found) <= COMMON_WORD_PERSONS:
                seen.update(found)
        return list(seen.values())

    def index(c: _Cluster, tokens: list[NameToken]) -> None:
        for t in tokens:
            if not t.initial:
                by_word.setdefault(t.key[:2], {}).setdefault(t.key, {})[id(c)] = c

    for m, tokens in full:
        fits = []
        for c in candidates(tokens):
            whys = [compare(tokens, other) for other in c.variants if len(other) >= 2]
            if whys and all(w is not None for w in whys):
                fits.append((c, whys[0]))
        if len(fits) == 1:
            fits[0][0].add(m, tokens, fits[0][1] or "same name")
            index(fits[0][0], tokens)
        else:
            c = _Cluster([], [], {})
            c.add(m, tokens, "first seen" if not fits else "name fits several persons; kept apart")
            clusters.append(c)
            index(c, tokens)
    for m, tokens in bare:
        surname_fits = [c for c in candidates(tokens)
                        if any(compare(tokens, other) is not None for other in c.variants)]
        chosen, why = _choose_for_surname(m, surname_fits)
        if chosen is None:
            c = _Cluster([], [], {})
            c.add(m, tokens, why or "first seen")
            clusters.append(c)
            index(c, tokens)
        else:
            chosen.add(m, tokens, why or "same name")
    clusters = _apply_overrides(clusters, overrides)
    out: dict[tuple[str, str], Resolved] = {}
    used: dict[str, int] = {}
    for c in clusters:
        name = c.fullest
        pid = _person_id(name)
        used[pid] = used.get(pid, 0) + 1
        if used[pid] > 1:
            pid = f"{pid}-{used[pid]}"
        for m in c.members:
            out[m.key] = Resolved(pid, name, c.reasons[m.key])
    return out


def _choose_for_surname(m: Mention, fits: list[_Cluster]) -> tuple[_Cluster | None, str]:
    if not fits:
        return None, "first seen"
    if len(fits) == 1:
        return fits[0], "surname only; the only person with this surname"
    by_post = [c for c in fits if m.posts and c.posts() & m.posts]
    if len(by_post) == 1:
        return by_post[0], "surname only; same post (" + min(by_post[0].posts() & m.posts) + ")"
    near = [c for c in (by_post or fits) if m.years and any(abs(y - z) <= YEAR_WINDOW for y in m.years
                                                             for z in c.years())]
    if len(near) == 1:
        return near[0], "surname only; active in the same years"
    return None, "surname fits several persons; kept apart"


def _apply_overrides(clusters: list[_Cluster], overrides: Iterable[tuple[str, str, str | None]]) -> list[_Cluster]:
    def find(name: str) -> _Cluster | None:
        low = fold(name)
        for c in clusters:
            if any(fold(m.name) == low for m in c.members) or _person_id(c.fullest) == name:
                return c
        return None

    for kind, a, b in overrides:
        ca = find(a)
        if kind == "merge" and b is not None:
            cb = find(b)
            if ca is None or cb is None or ca is cb:
                continue
            for m, t in zip(cb.members, cb.tokens, strict=True):
                ca.add(m, t, f"analyst merge: {a} = {b}")
            clusters.remove(cb)
        elif kind == "split" and ca is not None:
            names = {fold(m.name) for m in ca.members} if b is None else {fold(b)}
            if b is None and len(names) < 2:
                continue
            clusters.remove(ca)
            groups: dict[str, _Cluster] = {}
            rest = _Cluster([], [], {})
            for m, t in zip(ca.members, ca.tokens, strict=True):
                if fold(m.name) in names:
                    g = groups.setdefault(fold(m.name), _Cluster([], [], {}))
                    g.add(m, t, f"analyst split of {a}")
                else:
                    rest.add(m, t, ca.reasons[m.key])
            clusters += list(groups.values()) + ([rest] if rest.members else [])
    return clusters
