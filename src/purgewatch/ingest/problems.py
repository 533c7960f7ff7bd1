"""Problems that do not stop a document from loading: a field dropped, the document kept.

purgewatch.errors has no warning class and belongs to another stage, so the ingest stage defines
its own. It subclasses LoadError so every caller that reports LoadErrors reports it too (with the
file and a one-line reason), and callers that know it can tell it from a failure with isinstance.
"""

from __future__ import annotations

from ..errors import LoadError


class LoadWarning(LoadError):
    """Part of a source could not be used (a bad date, a field of the wrong type) and was left out;
    the document itself was loaded. Names the file (and the line, for line-based files)."""
