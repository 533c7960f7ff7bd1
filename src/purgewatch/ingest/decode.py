"""Bytes to text: a BOM, BOM-less UTF-16, UTF-8, then a detected legacy encoding (cp1251, koi8-r...).

Only newlines are normalised and stray NUL characters dropped; every other character is kept,
because later stages store character offsets into the text and those must point at what the
source says.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Byte-order marks decide the encoding outright; longest first (UTF-32-LE starts like UTF-16-LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A text file holds almost no C0 control characters besides tab, newlines and form feed;
# a decoded binary holds many. 1% is far above what any real text shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01
# A few NUL bytes in otherwise normal text are debris (a bad copy, a scraper's padding) and are
# dropped, as PostgreSQL text cannot hold them; more than this share of the bytes means binary.
_MAX_NUL_RATIO = 0.01
# UTF-16 without a BOM: the high byte of every ASCII character (space, digit, punctuation, and
# every letter in Latin scripts) is a NUL, so NULs crowd one byte position of each pair. Cyrillic
# text still has them at its spaces (about one pair in six); the other position has almost none.
_UTF16_MIN_NUL_SHARE = 0.05
_UTF16_MAX_OTHER_SHARE = 0.01
_NEWLINES = re.compile(r"\r\n?")
# A lone surrogate cannot be encoded: not to UTF-8 for the database, not to a terminal. Python makes
# them from "\ud800" escapes in JSON and from undecodable bytes in file names (surrogateescape).
_SURROGATE = re.compile("[\ud800-\udfff]")


class NotText(ValueError):
    """The bytes are not text in any encoding we recognise (internal: loaders turn it into a LoadError)."""


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def clean_text(value: str) -> str:
    """`value` as valid Unicode for every later layer: lone surrogates become U+FFFD and NUL
    characters (which PostgreSQL text refuses) are dropped; nothing else changes."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    return _SURROGATE.sub("\ufffd", value)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode file bytes to text with newlines normalised, or raise NotText.

    `declared` is an encoding the container names (an HTML <meta charset>); it is tried after
    strict UTF-8 and before detection, since a declaration is often stale but rarely random.
    """
    text = _decode(data, declared)
    text = text.removeprefix("\ufeff")
    if text and len(_CONTROL.findall(text)) / len(text) > _MAX_CONTROL_RATIO:
        raise NotText("binary content, not text")
    return normalise_newlines(text.replace("\x00", ""))


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise NotText("binary content, not text") from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        # In 8-bit and UTF-8 text a NUL byte is only ever the character U+0000, so dropping the
        # bytes drops exactly those characters.
        if data.count(b"\x00") > _MAX_NUL_RATIO * len(data):
            raise NotText("binary content, not text")
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise NotText("binary content, not text")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of BOM-less UTF-16 (LE or BE), told by where its NUL bytes fall; else None."""
    pairs = len(data) // 2
    if pairs == 0 or len(data) % 2:
        return None
    high_first, high_second = data[0::2].count(0), data[1::2].count(0)
    if high_second >= _UTF16_MIN_NUL_SHARE * pairs and high_first <= _UTF16_MAX_OTHER_SHARE * pairs:
        encoding = "utf-16-le"
    elif high_first >= _UTF16_MIN_NUL_SHARE * pairs and high_second <= _UTF16_MAX_OTHER_SHARE * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:  # unpaired surrogates: not UTF-16 after all
        return None
