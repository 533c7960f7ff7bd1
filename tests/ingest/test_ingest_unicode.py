"""Unencodable input: undecodable file names, lone surrogates and NULs in JSONL or manifests.

Whatever comes in, what leaves the ingest stage is valid Unicode without NUL (PostgreSQL text
refuses both, and a terminal cannot print a lone surrogate), and every error names its file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import astuple
from pathlib import Path

import pytest
from conftest import write

from purgewatch.errors import LoadError
from purgewatch.ingest import iter_documents, iter_file
from purgewatch.records import SourceDocument

pytestmark = pytest.mark.skipif(os.name != "posix", reason="non-UTF-8 file names are a POSIX matter")


def assert_valid_unicode(items: list[SourceDocument | LoadError]) -> None:
    """Every string a document or error carries encodes to strict UTF-8 and holds no NUL."""
    for item in items:
        values = astuple(item) if isinstance(item, SourceDocument) else (item.path, item.reason, str(item))
        for value in values:
            if isinstance(value, str):
                value.encode("utf-8")  # raises on a lone surrogate
                assert "\x00" not in value


def write_bytes_name(folder: Path, name: bytes, content: bytes = b"Some report text.\n") -> Path:
    """A file whose name is not UTF-8 (possible on Linux), returned as Python names it (surrogateescape)."""
    raw = os.path.join(os.fsencode(folder), name)
    with open(raw, "wb") as handle:
        handle.write(content)
    return Path(os.fsdecode(raw))


@pytest.mark.parametrize("named", ["folder", "file"])
def test_unicode_undecodable_file_name_gives_a_valid_id_and_path(tmp_path: Path, named: str) -> None:
    path = write_bytes_name(tmp_path, b"caf\xe9.txt")
    items = list(iter_documents([tmp_path if named == "folder" else path]))
    assert_valid_unicode(items)
    [document] = items
    assert isinstance(document, SourceDocument)
    assert document.doc_id == "caf\ufffd"
    assert document.path == str(tmp_path / "caf\ufffd.txt")
    assert document.text == "Some report text.\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (b"caf\xe9.docx", b"PK", "unsupported file type '.docx'"),
        (b"caf\xe9.txt", b"", "empty file"),
        (b"caf\xe9.pdf", b"%PDF-1.4\ngarbage", "corrupt PDF"),
    ],
)
def test_unicode_undecodable_file_name_in_an_error_is_printable(tmp_path: Path, name: bytes, content: bytes, reason: str) -> None:
    write_bytes_name(tmp_path, name, content)
    items = list(iter_documents([tmp_path]))
    assert_valid_unicode(items)
    [error] = items
    assert isinstance(error, LoadError)
    assert error.path == str(tmp_path / os.fsdecode(name).encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    assert error.reason.startswith(reason)


def test_unicode_undecodable_file_name_duplicate_id_message_is_printable(tmp_path: Path) -> None:
    write_bytes_name(write(tmp_path / "a" / "x.txt").parent, b"caf\xe9.txt")
    write_bytes_name(write(tmp_path / "b" / "y.txt").parent, b"caf\xe9.txt")
    items = list(iter_documents([tmp_path]))
    assert_valid_unicode(items)
    errors = [item for item in items if isinstance(item, LoadError)]
    assert [e.reason.split(" (")[0] for e in errors] == ["duplicate document id 'caf\ufffd'"]


def test_unicode_jsonl_lone_surrogates_and_nul_are_sanitised(tmp_path: Path) -> None:
    lines = [
        r'{"id": "a\ud800", "text": "Lone \udc00 surrogate.", "title": "T\u0000itle", "outlet": "O\ud800"}',
        r'{"id": "b\u0000", "text": "N\u0000UL in text."}',
        r'{"id": "\u0000", "text": "An id that is only a NUL."}',
        r'{"text": "\u0000"}',
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = list(iter_file(path))
    assert_valid_unicode(items)
    documents = [item for item in items if isinstance(item, SourceDocument)]
    errors = [item for item in items if isinstance(item, LoadError)]
    assert [(d.doc_id, d.text) for d in documents] == [
        ("a\ufffd", "Lone \ufffd surrogate."),
        ("b", "NUL in text."),
        (f"feed-{hashlib.sha256(b'An id that is only a NUL.').hexdigest()[:12]}", "An id that is only a NUL."),
    ]
    assert (documents[0].title, documents[0].outlet) == ("Title", "O\ufffd")
    assert [e.reason for e in errors] == ["line 4: empty 'text'"]


def test_unicode_manifest_nul_and_surrogates_are_sanitised(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    write(tmp_path / "manifest.jsonl", r'{"file": "a.txt", "doc": "doc\u0000-a", "title": "T\ud800"}' + "\n")
    items = list(iter_documents([tmp_path]))
    assert_valid_unicode(items)
    [document] = items
    assert isinstance(document, SourceDocument)
    assert (document.doc_id, document.title) == ("doc-a", "T\ufffd")


def test_unicode_manifest_entry_for_a_missing_file_is_reported_printably(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    write(tmp_path / "manifest.jsonl", r'{"file": "gone\udce9.txt"}' + "\n")
    items = list(iter_documents([tmp_path]))
    assert_valid_unicode(items)
    assert [item.reason for item in items if isinstance(item, LoadError)] == ["line 1: no such file 'gone\ufffd.txt'"]


def test_unicode_nul_in_a_text_title_is_dropped(tmp_path: Path) -> None:
    # A text file decoded strictly cannot hold a lone surrogate; a NUL it can, and the title comes from it.
    path = write(tmp_path / "t.txt", "Ti\x00tle\n\n" + "Body text of the report. " * 20)
    items = list(iter_file(path))
    assert_valid_unicode(items)
    [document] = items
    assert isinstance(document, SourceDocument) and document.title == "Title"


def test_unicode_file_name_with_a_newline_still_gives_a_one_line_error(tmp_path: Path) -> None:
    write(tmp_path / "two\nlines.docx", b"PK")
    [error] = list(iter_documents([tmp_path]))
    assert isinstance(error, LoadError)
    assert "\n" not in str(error)
    assert error.path == str(tmp_path / "two\ufffdlines.docx")
