"""Bytes to text: UTF-8 first, then a detected legacy encoding (cp1251, koi8-r, latin-1...).

Only newlines are normalised; every other character is kept, because later stages store
character offsets into the text and those must point at what the source says.
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
_NEWLINES = re.compile(r"\r\n?")


class NotText(ValueError):
    """The bytes are not text in any encoding we recognise (internal: loaders turn it into a LoadError)."""


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode file bytes to text with newlines normalised, or raise NotText.

    `declared` is an encoding the container names (an HTML <meta charset>); it is tried after
    strict UTF-8 and before detection, since a declaration is often stale but rarely random.
    """
    text = _decode(data, declared)
    text = text.removeprefix("\ufeff")
    if text and len(_CONTROL.findall(text)) / len(text) > _MAX_CONTROL_RATIO:
        raise NotText("binary content, not text")
    return normalise_newlines(text)


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise NotText("binary content, not text") from exc
    # A NUL byte never occurs in 8-bit or UTF-8 text; without a BOM it means binary.
    if b"\x00" in data:
        raise NotText("binary content, not text")
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
