"""Normalise free-text posts ("Defence Minister", "chief of the General Staff") so they can be compared.

Every word list lives in ``purgewatch/ontology/posts.yaml``; this module only applies it. A post is
read as ``[qualifiers] office [of X] [tail]``: "first deputy defence minister" has the qualifiers
"first deputy", the office "minister" and the field "defense". Posts that name the same office over
the same field or body share a key (:func:`post_key`) and a display form (:func:`display_post`).

The country a post names is *not* part of its key: "Russia's defense minister" and "Minister of
Defense" share the key "minister of defense", and :func:`post_country` reports "Russia" separately,
because most posts in a document never repeat the country the document is about.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from purgewatch.ontology import load_posts_data, ontology_path

FUZZY_POST_THRESHOLD = 92.0
"""Minimum rapidfuzz ``token_sort_ratio`` (0-100) at which two different post keys count as one post."""

_PREPS_OF = frozenset({"of", "for"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NON_WORD = re.compile(r"[^a-z0-9'_ ]+")
_SPACES = re.compile(r"\s+")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$")
_PLURALS = (("ies", "y"), ("men", "man"), ("s", ""))


@dataclass(frozen=True)
class _Lexicon:
    """posts.yaml, compiled for lookup."""

    variants: dict[str, str]
    variant_re: re.Pattern[str] | None
    protected: tuple[str, ...]
    drop: frozenset[str]
    qualifiers: frozenset[str]
    ordinal_qualifiers: frozenset[str]
    offices: frozenset[str]
    compound_offices: tuple[str, ...]
    office_synonyms: dict[str, str]
    display_forms: dict[str, str]
    upgrades: dict[str, str]
    fields: dict[str, str]
    field_orgs: dict[str, str]
    body_nouns: frozenset[str]
    acronyms: frozenset[str]
    display_lower: frozenset[str]
    keeping_preps: frozenset[str]
    guard_words: frozenset[str]
    country_of_form: dict[str, str]
    """Lower-cased name or adjective -> canonical country (for posts)."""
    post_country_re: re.Pattern[str]
    doc_cue_re: re.Pattern[str]
    doc_cue_country: dict[str, str]
    """Case-sensitive name, adjective or cue -> canonical country (for documents)."""
    article: frozenset[str]
    era_rules: tuple[tuple[str, int, str], ...]


def _words_pattern(phrases: list[str], flags: int = 0) -> re.Pattern[str]:
    """Whole-word alternation of ``phrases``, longest first so "North Korean" beats "North Korea"."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w])", flags)


def _clean(text: str) -> str:
    """Lower-case, strip diacritics and punctuation, split hyphens; apostrophes and "_" are kept."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "")
    text = _NON_WORD.sub(" ", text.replace("-", " "))
    text = re.sub(r"(?<![a-z])'|(?<!s)'(?![a-z])", " ", text)  # keep "people's", "workers'"
    return _SPACES.sub(" ", text).strip()


def _office(text: str) -> str:
    """An office as one token: "people's commissar" -> "people's_commissar"."""
    return _clean(text).replace(" ", "_")


def _lexicon() -> _Lexicon:
    """posts.yaml of the ontology in use (beside $PURGEWATCH_ONTOLOGY's file, else the bundled one)."""
    return _compile(str(ontology_path() or ""))


@lru_cache(maxsize=4)
def _compile(where: str) -> _Lexicon:
    data = load_posts_data(where or None)
    variants = {_clean(k): _clean(v) for k, v in data["word_variants"].items()}
    offices = [_clean(o) for o in data["inverting_offices"]]
    fields: dict[str, str] = {}
    for canonical, forms in data["fields"].items():
        for form in [canonical, *forms]:
            fields[_clean(form)] = _clean(canonical)
    country_of_form: dict[str, str] = {}
    doc_cue_country: dict[str, str] = {}
    article: set[str] = set()
    for country, entry in data["countries"].items():
        for form in [*entry.get("names", []), *entry.get("adjectives", [])]:
            country_of_form[_clean(form)] = country
            doc_cue_country[form] = country
        for form in entry.get("cues", []):
            doc_cue_country[form] = country
        if entry.get("article"):
            article.add(country)
    forms = list(country_of_form)
    post_country_re = re.compile(
        r"(?:(?<![\w'])(?P<prep>[a-z]+) (?:the )?)?(?<![\w'])(?P<country>"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?P<poss>'s?)?(?![\w])"
    )
    acronyms = {_clean(a) for a in data["acronyms"]}
    acronyms |= {_clean(f) for f in doc_cue_country if f.replace(".", "").isupper()}
    return _Lexicon(
        variants=variants,
        variant_re=_words_pattern(list(variants)) if variants else None,
        protected=tuple(sorted((_clean(p) for p in data["protected_phrases"]), key=len, reverse=True)),
        drop=frozenset(_clean(w) for w in data["drop_words"]),
        qualifiers=frozenset(data["qualifiers"]),
        ordinal_qualifiers=frozenset(data["ordinal_qualifiers"]),
        offices=frozenset(o.replace(" ", "_") for o in offices),
        compound_offices=tuple(sorted((o for o in offices if " " in o), key=len, reverse=True)),
        office_synonyms={_office(k): _office(v) for k, v in data["office_synonyms"].items()},
        display_forms={_clean(k): v for k, v in data["display_forms"].items()},
        upgrades={_office(k): _office(v) for k, v in data["field_office_upgrades"].items()},
        fields=fields,
        field_orgs={_office(k): v for k, v in data["field_orgs"].items()},
        body_nouns=frozenset(data["body_nouns"]),
        acronyms=frozenset(acronyms),
        display_lower=frozenset(data["display_lower"]),
        keeping_preps=frozenset(data["country_keeping_preps"]),
        guard_words=frozenset(data["guard_words"]),
        country_of_form=country_of_form,
        post_country_re=post_country_re,
        doc_cue_re=_words_pattern(list(doc_cue_country)),
        doc_cue_country=doc_cue_country,
        article=frozenset(article),
        era_rules=tuple((r["country"], int(r["before"]), r["becomes"]) for r in data["era_rules"]),
    )


def _join_phrases(text: str, phrases: tuple[str, ...]) -> str:
    """Glue each multi-word phrase into one token ("supreme soviet" -> "supreme_soviet")."""
    for phrase in phrases:
        text = re.sub(rf"(?<![\w']){re.escape(phrase)}(?![\w])", phrase.replace(" ", "_"), text)
    return text


def _strip_countries(text: str) -> tuple[str, str | None]:
    """Remove the post's own country from cleaned text; return the rest and that country.

    "russia's defense minister", "minister of defense of the russian federation" and "soviet
    defense minister" lose the country; "ambassador to china" keeps it, a destination not an owner.
    """
    lex = _lexicon()
    found: list[str] = []

    def repl(m: re.Match[str]) -> str:
        prep = m.group("prep")
        if prep in lex.keeping_preps:
            return m.group(0)
        found.append(lex.country_of_form[m.group("country")])
        if prep is None or prep == "of":
            return " "
        return f"{prep} "

    text = lex.post_country_re.sub(repl, text)
    return _SPACES.sub(" ", text).strip(), (found[0] if found else None)


def _singular(token: str, known: frozenset[str]) -> str:
    """``token`` or, when that is a plural of a word in ``known``, the singular."""
    if token in known:
        return token
    for plural, single in _PLURALS:
        if token.endswith(plural) and token[: len(token) - len(plural)] + single in known:
            return token[: len(token) - len(plural)] + single
    return token


@dataclass(frozen=True)
class _Post:
    """A parsed post: ``[qualifiers] office [of x] [tail]``; ``office`` is "" when none was found."""

    qualifiers: tuple[str, ...]
    office: str
    x: tuple[str, ...]
    tail: tuple[str, ...]
    country: str | None


def _tokens(text: str) -> tuple[list[str], str | None]:
    """Clean, strip the country, drop filler words and apply the word variants."""
    lex = _lexicon()
    cleaned = _clean(text)
    if lex.variant_re is not None:
        cleaned = lex.variant_re.sub(lambda m: lex.variants[m.group(0)], cleaned)
    cleaned = _join_phrases(cleaned, lex.protected)
    cleaned, country = _strip_countries(cleaned)
    cleaned = _join_phrases(cleaned, lex.compound_offices)
    tokens = [t for t in cleaned.split() if t not in lex.drop]
    return tokens, country


def _is_office(token: str) -> bool:
    return _singular(token, _lexicon().offices) in _lexicon().offices


def _words(tokens: tuple[str, ...] | list[str]) -> list[str]:
    return [w for t in tokens for w in t.split("_")]


def _is_body(x: tuple[str, ...]) -> bool:
    """Whether ``x`` names a body (General Staff, 58th Army, NKVD) rather than a field of government."""
    lex = _lexicon()
    if " ".join(_words(x)) in lex.fields:
        return False
    return any(w in lex.body_nouns or w in lex.acronyms for w in _words(x))


def _parse(text: str | None) -> _Post:
    lex = _lexicon()
    if not text or not text.strip():
        return _Post((), "", (), (), None)
    tokens, country = _tokens(text)
    quals: list[str] = []
    i = 0
    while i < len(tokens):
        tok, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
        # "first" qualifies only what is itself a qualifier or an office ("first deputy", "first
        # secretary"); in "First Guards Army commander" it belongs to the army.
        ordinal_qualifier = tok in lex.ordinal_qualifiers and (
            nxt in lex.qualifiers or nxt in lex.ordinal_qualifiers or _is_office(nxt)
        )
        if not (tok in lex.qualifiers or ordinal_qualifier):
            break
        quals.append(tok)
        i += 1
    rest = tokens[i:]
    k = next((j for j, t in enumerate(rest) if _is_office(t)), None)
    if k is None:
        return _Post(tuple(quals), "", (), tuple(rest), country)
    office = _singular(rest[k], lex.offices)
    after = rest[k + 1:]
    if k == 0:
        if after and after[0] in _PREPS_OF:
            x, tail = list(after[1:]), list[str]()
        elif after:  # "chief military prosecutor": not an office of anything; keep as written
            return _Post(tuple(quals), "", (), tuple(rest), country)
        else:
            x, tail = [], []
    else:
        x, tail = list(rest[:k]), list(after)
        while x and x[-1] in lex.qualifiers:  # "defense deputy minister"
            quals.append(x.pop())
    x_text = " ".join(x)
    if x_text in lex.fields:
        x = lex.fields[x_text].split()
    office = lex.office_synonyms.get(office, office)
    if x and office in lex.upgrades and not _is_body(tuple(x)):
        office = lex.upgrades[office]
    return _Post(tuple(quals), office, tuple(x), tuple(tail), country)


def _render_key(post: _Post) -> str:
    parts = [*post.qualifiers]
    if post.office:
        parts.append(post.office)
    if post.x:
        parts += ["of", *post.x]
    parts += post.tail
    return " ".join(_words(parts))


@lru_cache(maxsize=65536)
def post_key(text: str | None) -> str:
    """A canonical lower-case key: posts that are the same office over the same field or body share it.

    "Defence Minister", "the new Defence Minister", "Russia's defense minister" and "Minister of
    Defence of the Russian Federation" all give "minister of defense"; "General Staff chief" gives
    "head of general staff". Articles and filler words ("former", "then") are dropped, and so is
    the post's own country (see :func:`post_country`). Qualifiers stay: "first deputy defence
    minister" gives "first deputy minister of defense". Blank or missing text gives "".
    """
    return _render_key(_parse(text))


def _display_word(word: str, first: bool) -> str:
    lex = _lexicon()
    if word in lex.acronyms:
        return word.upper()
    if word in lex.display_lower and not first:
        return word
    if _ORDINAL.match(word):
        return word
    return word[:1].upper() + word[1:]


def _display_words(words: list[str], first: bool = True) -> str:
    return " ".join(_display_word(w, first and i == 0) for i, w in enumerate(words))


def _display_office(office: str, first: bool) -> str:
    words = office.split("_")
    return _lexicon().display_forms.get(" ".join(words)) or _display_words(words, first)


@lru_cache(maxsize=65536)
def display_post(text: str | None) -> str:
    """A readable canonical form: "Minister of Defense", "Head of the General Staff".

    Computed from :func:`post_key` alone, so posts with the same key display the same. A body
    after "of" takes "the" ("Commander of the Western Front"); a field does not ("Minister of
    Defense"). Blank or missing text gives "".
    """
    post = _parse(post_key(text))
    out: list[str] = []
    if post.qualifiers:
        out.append(_display_words(list(post.qualifiers)))
    if post.office:
        out.append(_display_office(post.office, not out))
    if post.x:
        out.append("of the" if _is_body(post.x) else "of")
        out.append(_display_words(_words(post.x), first=False))
    if post.tail:
        out.append(_display_words(_words(post.tail), first=not out))
    return " ".join(out)


def _canonical_country(country: str) -> str:
    lex = _lexicon()
    if country in lex.doc_cue_country:
        return lex.doc_cue_country[country]
    return lex.country_of_form.get(_clean(country), country.strip())


def _of_country(country: str) -> str:
    return f"of the {country}" if country in _lexicon().article else f"of {country}"


def post_org(text: str | None, country: str | None = None) -> str | None:
    """The organisation a post belongs to, or None when the post names no body.

    "Minister of Defense" -> "Ministry of Defense"; "Head of the General Staff" -> "General Staff";
    "commander of the 58th Army" -> "58th Army". With ``country`` (or, failing that, a country the
    post itself names) the organisation is qualified: "Ministry of Defense of Russia",
    "People's Commissariat of Defense of the USSR". "governor" or "ambassador" give None.
    """
    post = _parse(post_key(text))
    if not post.office or not post.x:
        return None
    body = _is_body(post.x)
    x = _display_words(_words(post.x), first=not body)
    if post.office in _lexicon().field_orgs:  # "Ministry of Defense", "People's Commissariat of the Navy"
        org = _lexicon().field_orgs[post.office].format(x=f"the {x}" if body else x)
    elif body:  # "General Staff", "58th Army"
        org = x
    else:
        return None
    country = country if country and country.strip() else post_country(text)
    if country:
        org = f"{org} {_of_country(_canonical_country(country))}"
    return org


def post_country(text: str | None) -> str | None:
    """The country the post text itself names ("Soviet defence minister" -> "USSR"), else None.

    A country after "to", "in" and the like is a destination, not the post's own ("ambassador to
    China" -> None).
    """
    if not text or not text.strip():
        return None
    return _tokens(text)[1]


def document_country(text: str | None, year: int | None = None) -> str | None:
    """The country a document is mainly about: the most frequent country among its cues.

    Cues are country names, adjectives, capitals and seats of power, matched case-sensitively as
    whole words. Ties go to the country mentioned first. The era rules apply when ``year`` is
    given: before 1992 a Russian cue ("Moscow", "Russian") counts for the USSR, while "Soviet"
    counts for the USSR in any year. None when the text has no cue.
    """
    if not text:
        return None
    lex = _lexicon()
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for m in lex.doc_cue_re.finditer(text):
        country = lex.doc_cue_country[m.group(0)]
        if year is not None:
            for source, before, becomes in lex.era_rules:
                if country == source and year < before:
                    country = becomes
        counts[country] += 1
        first_seen.setdefault(country, m.start())
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first_seen[c]))


def _guards(key: str) -> Counter[str]:
    lex = _lexicon()
    return Counter(
        w for w in key.split()
        if w in lex.qualifiers or w in lex.ordinal_qualifiers or w in lex.guard_words
        or any(ch.isdigit() for ch in w)
    )


def same_post(a: str | None, b: str | None) -> bool:
    """True when two posts share a key, or their keys differ only by a small spelling variant.

    The fallback is rapidfuzz ``token_sort_ratio`` >= 92 on the keys, refused whenever the keys
    differ in a qualifier ("deputy", "first", "acting"), a number or ordinal ("58th" / "20th") or a
    guard word ("western" / "eastern"). A missing or blank post matches nothing.
    """
    key_a, key_b = post_key(a), post_key(b)
    if not key_a or not key_b:
        return False
    if key_a == key_b:
        return True
    if _guards(key_a) != _guards(key_b):
        return False
    return fuzz.token_sort_ratio(key_a, key_b, score_cutoff=FUZZY_POST_THRESHOLD) >= FUZZY_POST_THRESHOLD
