"""Compare people by surname, as the scoring contract does (shared/spec/events.md, "Scoring").

Part of the bottom normalisation layer and kept free of scoring concerns, so that every stage uses the
same notion of "same surname".
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

SURNAME_MATCH_THRESHOLD = 85.0
"""Minimum rapidfuzz ``ratio`` (0-100) at which two surname keys count as the same surname."""

# English-press romanisation (close to BGN/PCGN) rather than a scholarly one, because the names we
# compare against were written by English-language journalists: "Шойгу" must come out as "shoigu",
# so "й" is "i", and the adjectival endings "-ий"/"-ый" are "-y" (Vyshinsky, Budenny) below.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian, Belarusian, Serbian and Macedonian letters.
    "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}
_CYRILLIC_ADJ_ENDING = re.compile(r"[иы]й\b")

# Latin letters that Unicode does not decompose into base letter + combining mark.
_LATIN_EXTRA = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss",
})

# Generational suffixes come after the surname ("Martin Luther King Jr.") and are never it.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Transliterated Cyrillic initials take two Latin letters ("Yu.V. Andropov", "Andropov Yu.V.").
_DIGRAPH_INITIALS = frozenset({"yu", "ya", "yo", "ye", "zh", "kh", "ch", "sh", "ts"})
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_INNER_JOINERS = re.compile(r"[-\u2010-\u2015'’‘`]")


def fold(text: str) -> str:
    """Case-fold, transliterate Cyrillic and strip diacritics, so that spellings of one name compare equal."""
    text = _CYRILLIC_ADJ_ENDING.sub("y", text.casefold())
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_initial(token: str) -> bool:
    """One letter ("K", "L.") or a dotted Cyrillic digraph ("Yu."); checked before transliteration."""
    bare = _EDGE_PUNCT.sub("", token)
    if len(bare) == 1:
        return True
    return token.endswith(".") and bare.casefold() in _DIGRAPH_INITIALS


def surname_key(name: str) -> str:
    """The spec's comparison key for a person: the last token that is not an initial, folded.

    "K.A. Meretskov" -> "meretskov", "Тимур Иванов" -> "ivanov", "Akın Öztürk" -> "ozturk".
    Hyphens and apostrophes inside the surname are dropped ("Rimsky-Korsakov" -> "rimskykorsakov")
    so that spelling variants of a compound name still compare closely. Returns "" when the name
    has no letters at all.
    """
    # Dots end initials even without a following space ("K.A.Meretskov").
    raw = re.split(r"[\s,;]+", name.replace(".", ". "))
    tokens = [t for t in raw if _EDGE_PUNCT.sub("", t)]
    while tokens and fold(_EDGE_PUNCT.sub("", tokens[-1])) in _SUFFIXES:
        tokens.pop()
    if not tokens:
        return ""
    candidates = [t for t in tokens if not _is_initial(t)] or tokens
    surname = _EDGE_PUNCT.sub("", candidates[-1])
    surname = re.sub(r"['’]s$", "", surname)  # a possessive that slipped into the name
    return _INNER_JOINERS.sub("", fold(surname))


def surnames_match(a: str | None, b: str | None) -> bool:
    """True when both names have a surname and the two keys are at least 85% similar.

    A missing or empty name matches nothing, not even another missing name: two unnamed
    people are not known to be the same person.
    """
    if not a or not b:
        return False
    key_a, key_b = surname_key(a), surname_key(b)
    if not key_a or not key_b:
        return False
    return fuzz.ratio(key_a, key_b, score_cutoff=SURNAME_MATCH_THRESHOLD) >= SURNAME_MATCH_THRESHOLD
