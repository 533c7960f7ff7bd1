"""Problems that do not stop a document from loading: a field dropped, the document kept.

purgewatch.errors has no warning class and belongs to another stage, so the ingest stage defines
its own. It subclasses LoadError so every caller that reports LoadErrors reports it too (with the
file and a one-line reason), and callers that know it can tell it from a failure with isinstance.
"""

from __future__ import annotations

import re

from ..errors import LoadError
from .decode import clean_text

# A file name may hold a newline; the report of its error must still be one line.
_LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


class LoadWarning(LoadError):
    """Part of a source could not be used (a bad date, a field of the wrong type) and was left out;
    the document itself was loaded. Names the file (and the line, for line-based files)."""


def printable(error: LoadError) -> LoadError:
    """`error` with its path and reason made printable on one line (an undecodable file name shows
    U+FFFD for its bad bytes), so the report that names the file can always be printed and stored."""
    path, reason = _one_line(error.path), _one_line(error.reason)
    if (path, reason) == (error.path, error.reason):
        return error
    return type(error)(path, reason)


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub("\ufffd", clean_text(text))
