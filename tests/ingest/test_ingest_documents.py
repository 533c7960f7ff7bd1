"""iter_documents: discovery order, manifests, symlink loops, duplicate ids, going on after errors."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from conftest import write

from purgewatch.errors import LoadError
from purgewatch.ingest import LoadWarning, iter_documents
from purgewatch.records import SourceDocument

# The shared folder sits beside the repository checkout; how deep the checkout is varies
# (main repo or a worktree), so look upwards rather than count parents.
SHARED = next(
    (parent / "shared" for parent in Path(__file__).resolve().parents if (parent / "shared" / "corpus").is_dir()),
    Path(__file__).resolve().parents[3].parent / "shared",
)
DEV_TEXTS = SHARED / "corpus" / "dev" / "texts"




def sha12(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def split(items: list[SourceDocument | LoadError]) -> tuple[list[SourceDocument], list[LoadError]]:
    documents = [item for item in items if isinstance(item, SourceDocument)]
    errors = [item for item in items if isinstance(item, LoadError)]
    assert len(documents) + len(errors) == len(items)
    return documents, errors


def test_documents_walk_folders_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.txt", "z.pdf.bak", "notes.docx", ".hidden.txt", ".git/e.txt"]:
        write(tmp_path / name)
    write(tmp_path / "sub" / "c.html", "<html><body><article><p>" + "Report on the purge. " * 20 + "</p></article></body></html>")
    documents, errors = split(list(iter_documents([tmp_path])))
    # Unsupported files are reported (see test_documents_report_each_unsupported_file_in_a_folder_and_go_on).
    assert [Path(e.path).name for e in errors] == ["notes.docx", "z.pdf.bak"]
    assert [Path(d.path or "").relative_to(tmp_path).as_posix() for d in documents] == [
        "a.md", "b.txt", "sub/c.html", "sub/deeper/d.txt",
    ]


def test_documents_accept_a_lone_path(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    documents, _ = split(list(iter_documents(str(tmp_path))))
    assert [d.doc_id for d in documents] == ["a"]


def test_documents_go_on_after_errors(tmp_path: Path) -> None:
    write(tmp_path / "1_good.txt")
    write(tmp_path / "2_empty.txt", b"")
    write(tmp_path / "3_binary.txt", bytes(range(256)))
    write(tmp_path / "4_broken.pdf", b"%PDF-1.4\ngarbage")
    write(tmp_path / "5_lines.jsonl", '{"text": "Good line."}\nnot json\n{"text": "Another."}\n')
    write(tmp_path / "6_good.md")
    named = [tmp_path, tmp_path / "missing.txt", write(tmp_path.parent / "outside.docx", b"PK")]
    items = list(iter_documents(named))
    documents, errors = split(items)
    assert [d.doc_id for d in documents] == [
        "1_good", f"5_lines-{sha12('Good line.')}", f"5_lines-{sha12('Another.')}", "6_good",
    ]
    assert [(Path(e.path).name, e.reason.split(" (")[0]) for e in errors] == [
        ("2_empty.txt", "empty file"),
        ("3_binary.txt", "binary content, not text"),
        ("4_broken.pdf", "corrupt PDF"),
        ("5_lines.jsonl", "line 2: invalid JSON"),
        ("missing.txt", "no such file or directory"),
        ("outside.docx", "unsupported file type '.docx'"),
    ]
    # Results come in discovery order, errors in place.
    assert isinstance(items[1], LoadError) and isinstance(items[-1], LoadError)


def test_documents_survive_a_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.txt")
    (tmp_path / "a" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    documents, errors = split(list(iter_documents([tmp_path])))
    assert [d.doc_id for d in documents] == ["one"]
    assert [(Path(e.path).name, e.reason) for e in errors] == [("loop.txt", "symbolic link loop")]


def test_documents_load_a_file_reached_twice_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a.txt")
    documents, errors = split(list(iter_documents([tmp_path / "a.txt", tmp_path, tmp_path])))
    assert [d.doc_id for d in documents] == ["a"]
    assert errors == []


def test_documents_report_an_unreadable_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: root can list a chmod 000 folder, so permissions cannot be denied")
    write(tmp_path / "locked" / "a.txt")
    write(tmp_path / "open" / "b.txt")
    (tmp_path / "locked").chmod(0)
    try:
        documents, errors = split(list(iter_documents([tmp_path])))
    finally:
        (tmp_path / "locked").chmod(0o700)
    assert [d.doc_id for d in documents] == ["b"]
    assert [(Path(e.path).name, e.reason) for e in errors] == [("locked", "permission denied")]


def test_documents_refuse_a_duplicate_id(tmp_path: Path) -> None:
    write(tmp_path / "x" / "index.txt")
    write(tmp_path / "y" / "index.txt")
    documents, errors = split(list(iter_documents([tmp_path])))
    assert [d.path for d in documents] == [str(tmp_path / "x" / "index.txt")]
    assert [e.reason for e in errors] == [f"duplicate document id 'index' (already loaded from {tmp_path / 'x' / 'index.txt'})"]


def test_documents_apply_the_manifest_of_each_folder(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A title\n\n21 June 2024\n\nBody.\n")
    write(tmp_path / "sub" / "a2.txt", "Other\n")
    write(
        tmp_path / "manifest.jsonl",
        '{"file": "a.txt", "doc": "doc-a", "title": "Given", "outlet": "Wire", "published": "2020-02-02", "language": "ru"}\n'
        '{"file": "a2.txt", "doc": "not-applied"}\n',
    )
    documents, errors = split(list(iter_documents([tmp_path])))
    first, second = documents
    assert (first.doc_id, first.title, first.outlet, first.published, first.language) == (
        "doc-a", "Given", "Wire", date(2020, 2, 2), "ru",
    )
    # The manifest covers its own folder only, so sub/a2.txt keeps its file-name id.
    assert second.doc_id == "a2"
    assert [e.reason for e in errors] == ["line 2: no such file 'a2.txt'"]


def test_documents_apply_the_manifest_to_a_named_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt")
    write(tmp_path / "manifest.jsonl", '{"file": "a.txt", "doc": "doc-a"}\n')
    assert [d.doc_id for d in iter_documents([path]) if isinstance(d, SourceDocument)] == ["doc-a"]


def test_documents_use_the_rest_of_a_malformed_manifest(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt")
    write(tmp_path / "manifest.jsonl", '{"file": "a.txt", "doc": "doc-a"}\n{broken\n{"file": "b.txt", "doc": "doc-b"}\n')
    items = list(iter_documents([tmp_path]))
    documents, errors = split(items)
    assert [d.doc_id for d in documents] == ["doc-a", "doc-b"]
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "manifest.jsonl"), "line 2: invalid JSON")]
    assert items[0] is errors[0]  # reported before the folder's documents


@pytest.mark.parametrize(
    ("argument", "expected"),
    [(None, date(2024, 6, 21)), (date(1999, 9, 9), date(1999, 9, 9))],
)
def test_documents_published_argument_beats_manifest_and_dateline(
    tmp_path: Path, argument: date | None, expected: date
) -> None:
    write(tmp_path / "a.txt", "Title\n1 May 2001\n")
    write(tmp_path / "b.txt", "Title\n21 June 2024\n")
    write(tmp_path / "manifest.jsonl", '{"file": "a.txt", "published": "2024-06-21"}\n')
    documents, _ = split(list(iter_documents([tmp_path], published=argument)))
    assert [d.published for d in documents] == [expected, expected]


@pytest.mark.skipif(not DEV_TEXTS.is_dir(), reason="shared dev corpus not present")
def test_documents_load_the_dev_corpus() -> None:
    documents, errors = split(list(iter_documents([DEV_TEXTS])))
    assert errors == []
    assert [(d.doc_id, d.published) for d in documents] == [
        ("000_bdb145f82adbd945", date(2024, 6, 21)),
        ("003_525173f5d0304dc0", date(1940, 10, 5)),
    ]
    assert documents[0].title == "Putin launches purge of military"
    assert documents[1].outlet is not None and documents[1].outlet.startswith("Socialist Appeal")
    assert documents[0].text == (DEV_TEXTS / "000_bdb145f82adbd945.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not DEV_TEXTS.is_dir(), reason="shared dev corpus not present")
def test_documents_dev_corpus_datelines_agree_with_the_manifest(tmp_path: Path) -> None:
    # Without the manifest the datelines alone must give the same dates.
    for source in sorted(DEV_TEXTS.glob("*.txt")):
        write(tmp_path / source.name, source.read_bytes())
    documents, _ = split(list(iter_documents([tmp_path])))
    assert [d.published for d in documents] == [date(2024, 6, 21), date(1940, 10, 5)]


def test_documents_a_bad_manifest_date_keeps_the_doc_id_and_warns(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Headline\n21 June 2024\n\nBody.\n")
    write(tmp_path / "manifest.jsonl", '{"file": "a.txt", "doc": "doc-a", "title": "Given", "published": "yesterday"}\n')
    documents, errors = split(list(iter_documents([tmp_path])))
    [document] = documents
    # The id and title come from the manifest; the date falls back to the dateline.
    assert (document.doc_id, document.title, document.published) == ("doc-a", "Given", date(2024, 6, 21))
    [warning] = errors
    assert isinstance(warning, LoadWarning)
    assert str(warning) == (
        f"{tmp_path / 'manifest.jsonl'}: line 1: invalid 'published' date 'yesterday' (ignored; the rest of the line is used)"
    )


def test_documents_report_each_unsupported_file_in_a_folder_and_go_on(tmp_path: Path) -> None:
    for name in ["a.txt", "notes.docx", "README", "sub/scan.TIFF", "sub/b.md", ".hidden.docx", ".git/config", "manifest.jsonl"]:
        write(tmp_path / name, '{"file": "a.txt"}\n' if name == "manifest.jsonl" else "Some report text.\n")
    (tmp_path / "twice.docx").symlink_to(tmp_path / "notes.docx")  # one file reached twice: one report
    documents, errors = split(list(iter_documents([tmp_path])))
    assert [d.doc_id for d in documents] == ["a", "b"]
    assert [(Path(e.path).relative_to(tmp_path).as_posix(), e.reason.split(" (")[0]) for e in errors] == [
        ("README", "unsupported file type"),
        ("notes.docx", "unsupported file type '.docx'"),
        ("sub/scan.TIFF", "unsupported file type '.tiff'"),
    ]
    assert all(not isinstance(e, LoadWarning) for e in errors)
