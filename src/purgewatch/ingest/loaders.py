"""One file to SourceDocuments: guards (size, emptiness, permissions), format dispatch, metadata merge.

Every failure is a LoadError with a one-line reason; `iter_file` yields them so a JSONL file with one
bad line still gives its good lines, and `load_file` is the strict form that raises. A field that
cannot be used (a bad date) is left out with a LoadWarning; the document is kept.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..errors import LoadError
from ..records import SourceDocument
from .dateline import find_dateline
from .decode import NotText, clean_text, decode_bytes
from .formats import Extracted, extract_html, extract_pdf
from .manifest import MANIFEST_NAME, ManifestEntry, optional_date, optional_str
from .problems import LoadWarning, printable

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".pdf", ".jsonl")
MAX_FILE_BYTES = 50 * 1024 * 1024
# A first line longer than this is a paragraph, not a title.
TITLE_MAX_CHARS = 150
# Hex digits of the text's SHA-256 in the id of a JSONL line without one (48 bits: no collision
# in any corpus this tool will see, and short enough to read).
CONTENT_ID_DIGITS = 12
_MB = 1024 * 1024
# records.py owns the default language; read it rather than repeat it.
DEFAULT_LANGUAGE = SourceDocument(doc_id="", text="").language


def load_file(
    path: str | Path, published: date | None = None, meta: ManifestEntry | None = None
) -> list[SourceDocument]:
    """The documents in one file; raises the first LoadError (for JSONL: the first bad line).

    A LoadWarning is not raised: its document is loaded, only the bad field is missing.
    """
    documents: list[SourceDocument] = []
    for item in iter_file(path, published, meta):
        if isinstance(item, LoadWarning):
            continue
        if isinstance(item, LoadError):
            raise item
        documents.append(item)
    return documents


def iter_file(
    path: str | Path, published: date | None = None, meta: ManifestEntry | None = None
) -> Iterator[SourceDocument | LoadError]:
    """The documents in one file, with a LoadError in place of each one that failed.

    `published` (the user's --published) overrides every date the file or manifest states;
    `meta` is the file's manifest entry. Every string of a document, and every error, is valid
    Unicode whatever the file or its name holds (clean_text, printable).
    """
    for item in _iter_file(Path(path), published, meta):
        yield printable(item) if isinstance(item, LoadError) else item


def _iter_file(
    path: Path, published: date | None, meta: ManifestEntry | None
) -> Iterator[SourceDocument | LoadError]:
    suffix = path.suffix.lower()
    if path.name == MANIFEST_NAME:
        yield LoadError(str(path), "a manifest holds metadata, not documents; name its folder instead")
        return
    if suffix not in SUPPORTED_EXTENSIONS:
        yield LoadError(str(path), unsupported_type(path))
        return
    try:
        data = read_bytes(path)
        if suffix == ".jsonl":
            yield from _iter_jsonl(path, decode_bytes(data), published, meta)
        else:
            yield _single_document(path, data, suffix, published, meta)
    except LoadError as exc:
        yield exc
    except (NotText, ValueError) as exc:
        yield LoadError(str(path), str(exc))


def unsupported_type(path: Path) -> str:
    """The reason given for a file whose extension purgewatch does not read."""
    suffix = path.suffix.lower()
    kind = f"'{suffix}'" if suffix else "(no extension)"
    return f"unsupported file type {kind} (supported: {', '.join(SUPPORTED_EXTENSIONS)})"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, after the checks that need no reading (existence, type, size)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        raise LoadError(str(path), reason) from None
    except OSError as exc:
        raise LoadError(str(path), describe_os_error(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end; only regular files are documents.
        raise LoadError(str(path), "not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise LoadError(
            str(path), f"file too large ({info.st_size / _MB:.1f} MB > {MAX_FILE_BYTES / _MB:g} MB limit)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(str(path), describe_os_error(exc)) from None
    if not data:
        raise LoadError(str(path), "empty file")
    return data


def _single_document(
    path: Path, data: bytes, suffix: str, published: date | None, meta: ManifestEntry | None
) -> SourceDocument:
    if suffix in (".html", ".htm"):
        found = extract_html(data)
    elif suffix == ".pdf":
        found = extract_pdf(data)
    else:
        text = decode_bytes(data)
        if not text.strip():
            raise ValueError("no text (whitespace only)")
        found = Extracted(text=text, title=_first_line_title(text, markdown=suffix == ".md"))
    # A PDF's text map can name a lone surrogate, and container metadata can hold a NUL.
    text = clean_text(found.text)
    if not text.strip():
        raise ValueError("no text (whitespace only)")
    meta = meta or ManifestEntry(file=path.name)
    return SourceDocument(
        doc_id=meta.doc or clean_text(path.stem),
        text=text,
        path=clean_text(str(path)),
        title=meta.title or _clean(found.title),
        url=meta.url or _clean(found.url),
        outlet=meta.outlet or _clean(found.outlet),
        published=published or meta.published or found.published or find_dateline(text),
        language=meta.language or _clean(found.language) or DEFAULT_LANGUAGE,
    )


def _clean(value: str | None) -> str | None:
    cleaned = clean_text(value).strip() if value else None
    return cleaned or None


def _iter_jsonl(
    path: Path, text: str, published: date | None, meta: ManifestEntry | None
) -> Iterator[SourceDocument | LoadError]:
    """One document per line. A manifest entry for the file supplies the id prefix and the
    outlet, language and date defaults; title and url are per document, so only the line gives them."""
    meta = meta or ManifestEntry(file=path.name)
    prefix = meta.doc or clean_text(path.stem)
    first_line: dict[str, int] = {}
    any_line = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        any_line = True
        dropped: list[str] = []
        try:
            document = _jsonl_document(path, line, prefix, published, meta, dropped)
        except ValueError as exc:
            yield LoadError(str(path), f"line {number}: {exc}")
            continue
        if document.doc_id in first_line:
            yield LoadError(
                str(path),
                f"line {number}: duplicate id '{document.doc_id}' (first on line {first_line[document.doc_id]})",
            )
            continue
        first_line[document.doc_id] = number
        for reason in dropped:
            yield LoadWarning(str(path), f"line {number}: {reason} (ignored; the rest of the line is used)")
        yield document
    if not any_line:
        yield LoadError(str(path), "no text (whitespace only)")


def _jsonl_document(
    path: Path, line: str, prefix: str, published: date | None, meta: ManifestEntry, dropped: list[str]
) -> SourceDocument:
    """One line's document. A bad optional field is left out and its reason added to `dropped`."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        raise ValueError("invalid JSON") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    if "text" not in obj or obj["text"] is None:
        raise ValueError("no 'text' field")
    text = obj["text"]
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    # The file was decoded with newlines normalised, but "\r\n" escaped inside a JSON string was not;
    # nor were "\u0000" and lone surrogates ("\ud800"), which no database or terminal takes.
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ValueError("empty 'text'")

    def field(key: str) -> str | None:
        try:
            return optional_str(obj, key)
        except ValueError as exc:
            dropped.append(str(exc))
            return None

    try:
        line_date = optional_date(obj, "published")
    except ValueError as exc:
        dropped.append(str(exc))
        line_date = None
    return SourceDocument(
        doc_id=field("id") or content_id(prefix, text),
        text=text,
        path=clean_text(str(path)),
        title=field("title"),
        url=field("url"),
        outlet=field("outlet") or meta.outlet,
        published=published or line_date or meta.published or find_dateline(text),
        language=field("language") or meta.language or DEFAULT_LANGUAGE,
    )


def content_id(prefix: str, text: str) -> str:
    """The id of a JSONL line that has none: `prefix` and a hash of its text. Unlike a line number,
    it stays the same when other lines are added, deleted or reordered, so a re-ingest of an edited
    file finds what is already stored instead of storing it again under a new id."""
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:CONTENT_ID_DIGITS]}"


def _first_line_title(text: str, markdown: bool) -> str | None:
    """The first non-empty line when it is short enough to be a heading (Markdown '#' marks dropped)."""
    for line in text.split("\n"):
        title = line.strip()
        if markdown:
            title = title.lstrip("#").strip()
        if title:
            return title if len(title) < TITLE_MAX_CHARS else None
    return None


def describe_os_error(exc: OSError) -> str:
    """A short lower-case reason for an OS error, for a LoadError."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return (exc.strerror or type(exc).__name__).lower()
