"""Which stored people a name typed by a user refers to: the same spelling after folding, else another
spelling, order or transliteration of a stored name, compared as person resolution compares names."""

from __future__ import annotations

from collections.abc import Iterable

from purgewatch.normalize.names import fold
from purgewatch.resolve.persons import compare, name_tokens

PersonRow = tuple[str, str, str]
"""(person id, display name, one stored name of the person)."""


def fold_name(name: str) -> str:
    """A name compared without case, accents, script or punctuation: "Sergei  Shoigu." = "sergei shoigu"."""
    return " ".join(fold(w.strip(".,;:()")) for w in name.split() if w.strip(".,;:()"))


def matching_people(name: str, rows: Iterable[PersonRow]) -> set[tuple[str, str]]:
    """(person id, display name) of the rows whose stored or display name is `name`, else of those whose
    name compares as the same person's."""
    want = fold_name(name)
    rows = list(rows)
    found = {(p, pn) for p, pn, n in rows if fold_name(n) == want or fold_name(pn) == want}
    if not found:  # another spelling, order or transliteration of a stored name
        query = name_tokens(name)
        found = {(p, pn) for p, pn, n in rows if compare(query, name_tokens(n)) is not None}
    return found
