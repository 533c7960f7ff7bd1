"""Main text and metadata out of container formats: HTML pages (trafilatura) and PDFs (pypdf).

Each function raises ValueError with a one-line reason; the loader adds the path.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import trafilatura
from lxml import html as lxml_html
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from .decode import NotText, decode_bytes, normalise_newlines

PAGE_SEPARATOR = "\n\n"
# htmldate refuses dates before 1995 by default; archival pages are older than that.
HTML_MIN_DATE = "1800-01-01"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_LANG = re.compile(r"[A-Za-z]{2,3}")


@dataclass(frozen=True)
class Extracted:
    """What a container yields besides its raw bytes: main text and the metadata it declares."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None


def extract_html(data: bytes) -> Extracted:
    """Main text of a web page, boilerplate (navigation, footers, comments, tables) stripped."""
    declared = _META_CHARSET.search(data[:4096])
    try:
        page = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    except NotText as exc:
        raise ValueError(str(exc)) from None
    text = trafilatura.extract(
        page, favor_precision=True, include_comments=False, include_tables=False, deduplicate=False
    )
    if not text or not text.strip():
        raise ValueError("no main text found in HTML")
    meta = trafilatura.extract_metadata(
        page,
        # Markup only: htmldate's extensive search reads dates out of the body text, which is
        # exactly the narrative date we must not take for the publication date.
        date_config={"original_date": True, "extensive_search": False, "min_date": HTML_MIN_DATE,
                     "max_date": date.today().isoformat()},
    )
    return Extracted(
        text=normalise_newlines(text),
        title=meta.title or None,
        url=meta.url or None,
        outlet=meta.sitename or None,
        published=_iso_date(meta.date),
        language=_html_language(page),
    )


def extract_pdf(data: bytes) -> Extracted:
    """The text of every page joined by a blank line, and the document-info title.

    The PDF's creation date is not used as the publication date: for scans it is the scan date.
    """
    pages: list[str] = []
    title: object = None
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            locked = reader.is_encrypted and not reader.decrypt("")
            if not locked:
                pages = [page.extract_text() or "" for page in reader.pages]
                title = reader.metadata.title if reader.metadata else None
        except (FileNotDecryptedError, NotImplementedError):
            locked = True
        except Exception as exc:  # pypdf raises many types on damaged files; all mean the same here
            reason = str(exc).splitlines()[0][:80] if str(exc).strip() else type(exc).__name__
            raise ValueError(f"corrupt PDF ({reason})") from None
    if locked:
        raise ValueError("encrypted PDF (password required)")
    text = normalise_newlines(PAGE_SEPARATOR.join(pages))
    if not text.strip():
        raise ValueError("no extractable text in PDF (scanned images?)")
    return Extracted(text=text, title=title.strip() if isinstance(title, str) and title.strip() else None)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's warnings while reading: it logs every repair on a damaged file, and the
    LoadError is the one report the user needs. The previous level is restored afterwards."""
    logger = logging.getLogger("pypdf")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _html_language(page: str) -> str | None:
    """The primary subtag of <html lang="...">, lower-cased ("ru" for "ru-RU")."""
    try:
        root = lxml_html.fromstring(page.encode("utf-8"))
    except Exception:  # lxml rejects some degenerate pages trafilatura accepted; the language is optional
        return None
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    match = _LANG.fullmatch(lang.split("-")[0].split("_")[0].strip())
    return match.group(0).lower() if match else None
