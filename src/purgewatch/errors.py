"""One root exception and a few specific ones, each with a message fit for a one-line CLI error."""

from __future__ import annotations


class PurgewatchError(Exception):
    """Root of every error purgewatch raises on purpose."""


class OntologyError(PurgewatchError):
    """The ontology data file is malformed."""


class LoadError(PurgewatchError):
    """A source file could not be read as a document. Always names the file."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class DateError(PurgewatchError):
    """A date given by the user could not be understood."""


class DatabaseError(PurgewatchError):
    """The database URL is invalid or the database cannot be opened."""


class ModelError(PurgewatchError):
    """The requested spaCy pipeline is not installed or cannot be loaded."""


class GoldError(PurgewatchError):
    """A gold or prediction file is malformed."""
