"""Name keys (placeholder until the shared name module lands)."""

from __future__ import annotations

import re
import unicodedata


def surname_key(name: str) -> str:
    tokens = [t for t in re.split(r"[\s]+", name.strip()) if t]
    tokens = [t.strip(".,;:'’\"()") for t in tokens]
    tokens = [t for t in tokens if t and not re.fullmatch(r"(?:[A-Za-z]\.?)+", t) or len(t) > 3]
    last = tokens[-1] if tokens else name
    last = unicodedata.normalize("NFKD", last)
    return "".join(c for c in last if not unicodedata.combining(c)).casefold()
