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
from html.parser import HTMLParser

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from .decode import NotText, decode_bytes, normalise_newlines

PAGE_SEPARATOR = "\n\n"
# htmldate refuses dates before 1995 by default; archival pages are older than that.
HTML_MIN_DATE = "1800-01-01"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_LANG = re.compile(r"[A-Za-z]{2,3}")
# libxml2 stops building the tree at this depth, and drops a text node this long, unless told
# huge_tree=True, and trafilatura parses without it: deeper text (common where unclosed <font> or
# <div> tags nest) and a 10-million-character block silently vanished.
LXML_MAX_DEPTH = 255
LXML_MAX_TEXT = 10_000_000
# Even with huge_tree libxml2 builds no deeper than this; a tree this deep may have lost its end.
LXML_HUGE_MAX_DEPTH = 2048
# What the plain-text fallback leaves out: code, styles and the title, never shown as body text.
_HIDDEN_TAGS = frozenset(["script", "style", "noscript", "template", "title"])
# Elements that start a new line of text in the plain-text fallback.
_BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "footer",
     "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
     "table", "td", "th", "tr", "ul"]
)


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
    tree = _parse_html(page.encode("utf-8"))
    text = _main_text(page, tree)
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
        language=_html_language(tree),
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


def _parse_html(data: bytes) -> lxml_html.HtmlElement | None:
    """The page as a full lxml tree (huge_tree: no depth limit), or None when lxml cannot parse it."""
    parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        return lxml_html.document_fromstring(data, parser=parser)
    except (etree.LxmlError, ValueError):  # an empty or degenerate page; trafilatura decides alone
        return None


def _main_text(page: str, tree: lxml_html.HtmlElement | None) -> str | None:
    """trafilatura's main text. On a page past libxml2's default limits (nesting depth, length of
    one text), trafilatura reads the full tree instead; past what even that holds, or when trafilatura loses the deepest
    text, the page's plain text is kept whole (boilerplate included: better than losing text)."""
    depth, longest = _extent(tree) if tree is not None else (0, 0)
    if tree is None or (depth <= LXML_MAX_DEPTH and longest < LXML_MAX_TEXT):
        return _trafilatura_text(page)
    if depth < LXML_HUGE_MAX_DEPTH:
        text = _trafilatura_text(tree)
        deepest = _deepest_text(tree)
        if text and (not deepest or _squash(deepest) in _squash(text)):
            return text
    return plain_text(page)


def _trafilatura_text(page: str | lxml_html.HtmlElement) -> str | None:
    return trafilatura.extract(
        page, favor_precision=True, include_comments=False, include_tables=False, deduplicate=False
    )


def plain_text(page: str) -> str:
    """Every visible text of the page, one line per block element. Reads tags as a stream, so any
    depth of nesting is fine (the tree builders stop at a limit)."""
    collector = _TextCollector()
    collector.feed(page)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # open hidden elements; their text is skipped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden.append(tag)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _extent(tree: lxml_html.HtmlElement) -> tuple[int, int]:
    """How deep the tree nests, and the length of its longest single text."""
    depth = deepest = longest = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            deepest = max(deepest, depth)
            longest = max(longest, len(element.text or ""), len(element.tail or ""))
        else:
            depth -= 1
    return deepest, longest


def _deepest_text(tree: lxml_html.HtmlElement) -> str:
    """The text of the most deeply nested element that has some."""
    depth = best_depth = 0
    best = ""
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if isinstance(element.tag, str) and depth > best_depth and (element.text or "").strip():
            best, best_depth = element.text or "", depth
    return best


def _squash(text: str) -> str:
    return " ".join(text.split())


def _html_language(tree: lxml_html.HtmlElement | None) -> str | None:
    """The primary subtag of <html lang="...">, lower-cased ("ru" for "ru-RU")."""
    if tree is None:
        return None
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    match = _LANG.fullmatch(lang.split("-")[0].split("_")[0].strip())
    return match.group(0).lower() if match else None
