"""Moved to :mod:`purgewatch.normalize.names`; kept as a re-export while other stages switch."""

from purgewatch.normalize.names import (
    SURNAME_MATCH_THRESHOLD,
    fold,
    surname_key,
    surnames_match,
)

__all__ = ["SURNAME_MATCH_THRESHOLD", "fold", "surname_key", "surnames_match"]
