"""Decoding: UTF-8 first, legacy encodings detected, only newlines changed, binaries refused."""

from __future__ import annotations

import pytest

from purgewatch.ingest.decode import NotText, decode_bytes, normalise_newlines

RUSSIAN = (
    "Заместитель министра обороны Тимур Иванов был арестован по обвинению во взяточничестве.\n"
    "Позже президент освободил от должности ещё нескольких генералов."
)
FRENCH = (
    "Le ministre a été limogé après l'enquête.\n"
    "À Paris, les généraux réagissent : « c'est une purge », déclare un député."
)
GERMAN = "Der Minister wurde entlassen; Säuberung im Verteidigungsministerium, heißt es. Größere Änderungen folgen."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "utf-8"),
        (RUSSIAN, "utf-8-sig"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (RUSSIAN, "utf-16"),
        (FRENCH, "latin-1"),
        (GERMAN, "latin-1"),
        (FRENCH, "cp1252"),
    ],
)
def test_decode_reads_real_encoded_bytes(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("  tabs\tand  spaces \u00a0kept\n", "  tabs\tand  spaces \u00a0kept\n"),
    ],
)
def test_decode_normalises_only_newlines(raw: str, expected: str) -> None:
    assert normalise_newlines(raw) == expected
    assert decode_bytes(raw.encode("utf-8")) == expected


def test_decode_strips_the_bom_but_nothing_else() -> None:
    assert decode_bytes(b"\xef\xbb\xbf  Title\n") == "  Title\n"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + b"\x01\x02\x03\x04\x05\x06" * 50,
    ],
)
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(NotText, match="binary content, not text"):
        decode_bytes(data)


def test_decode_prefers_a_declared_encoding_over_detection() -> None:
    # Two Cyrillic words are too few for reliable detection; the HTML declaration settles it.
    assert decode_bytes("Чистка армии".encode("cp1251"), declared="windows-1251") == "Чистка армии"


# --- stray NUL bytes and UTF-16 without a byte-order mark ---------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Report\x00 on the purge.\n" + b"The general was dismissed. " * 20, "Report on the purge.\n" + "The general was dismissed. " * 20),
        (("\x00" + RUSSIAN + "\x00").encode("utf-8"), RUSSIAN),
        (FRENCH.encode("latin-1").replace(b" ", b"\x00 ", 1), FRENCH),
    ],
    ids=["ascii", "utf-8-cyrillic", "latin-1"],
)
def test_decode_drops_a_few_stray_nul_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"Report on the purge. " * 10 + b"\x00" * 30,  # many NULs: over 1% of the bytes
        (b"Report on the purge. " * 50)[:-3] + b"\x00\x01\x02" * 10,  # control bytes besides the NUL
        b"\x00\x00\x00\x00" + b"A" * 300,
    ],
)
def test_decode_still_refuses_text_with_many_nul_or_control_bytes(data: bytes) -> None:
    with pytest.raises(NotText, match="binary content, not text"):
        decode_bytes(data)


@pytest.mark.parametrize("text", [RUSSIAN, FRENCH, GERMAN, "Report on the purge.\nThe general was dismissed.\n"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_reads_utf16_without_a_bom(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text
