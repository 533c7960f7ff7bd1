"""What a purgewatch component does when it fails on one document: it notes the failure on the document
(`doc._.pw_error`, a plain string "component: ExceptionType: message") and the batch goes on."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

ERROR_ATTR = "pw_error"


def setup_error_extension() -> None:
    if not Doc.has_extension(ERROR_ATTR):
        Doc.set_extension(ERROR_ATTR, default=None)


def record_error(proc_name: str, proc: Callable[[Doc], Doc], docs: list[Doc], e: Exception) -> None:
    """purgewatch's error handler: note the failure on each document; never raises, never drops one."""
    for doc in docs:
        note = f"{proc_name}: {type(e).__name__}: {e}"
        doc._.pw_error = f"{doc._.pw_error}; {note}" if doc._.pw_error else note
