"""Manifests: per-folder metadata lines, lenient about bad lines, strict about what a line may say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from purgewatch.errors import LoadError
from purgewatch.ingest import LoadWarning
from purgewatch.ingest.manifest import ManifestEntry, parse_manifest_line, read_manifest


def test_manifest_reads_entries_and_ignores_unknown_fields(tmp_path: Path) -> None:
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "a.txt", "doc": "doc-a", "title": "A", "outlet": "Wire", "url": "https://x.org/a",'
        ' "published": "2024-06-21", "language": "ru", "source_rank": 3}\n'
        "\n"
        '{"file": "b.txt"}\n',
        encoding="utf-8",
    )
    manifest = read_manifest(tmp_path)
    assert manifest is not None
    assert manifest.errors == []
    assert manifest.entries == {
        "a.txt": ManifestEntry("a.txt", "doc-a", "A", "Wire", "https://x.org/a", date(2024, 6, 21), "ru"),
        "b.txt": ManifestEntry("b.txt"),
    }


def test_manifest_absent_is_none(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) is None


def test_manifest_reports_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "a.txt", "doc": "a"}\n'
        "{oops\n"
        '{"file": "a.txt", "doc": "again"}\n'
        '{"file": "c.txt", "doc": "c"}\n',
        encoding="utf-8",
    )
    manifest = read_manifest(tmp_path)
    assert manifest is not None
    assert [(e.path, e.reason) for e in manifest.errors] == [
        (str(tmp_path / "manifest.jsonl"), "line 2: invalid JSON"),
        (str(tmp_path / "manifest.jsonl"), "line 3: duplicate entry for 'a.txt' (first on line 1)"),
    ]
    assert {name: entry.doc for name, entry in manifest.entries.items()} == {"a.txt": "a", "c.txt": "c"}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{oops", "invalid JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"doc": "a"}', "no 'file' field"),
        ('{"file": ""}', "no 'file' field"),
        ('{"file": "sub/a.txt"}', "'file' must name a file in the manifest's folder, got 'sub/a.txt'"),
        ('{"file": "a.txt", "published": "June"}', "invalid 'published' date 'June'"),
        ('{"file": "a.txt", "title": ["x"]}', "'title' must be a string"),
        ('{"file": "a.txt", "doc": true}', "'doc' must be a string"),
    ],
)
def test_manifest_line_refused_with_reason(line: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_manifest_line(line)
    assert str(caught.value) == reason


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"file": "a.txt", "doc": 17}', ManifestEntry("a.txt", doc="17")),
        ('{"file": "a.txt", "title": "  ", "url": null}', ManifestEntry("a.txt")),
        ('{"file": "a.txt", "published": "1940-10"}', ManifestEntry("a.txt", published=date(1940, 10, 1))),
    ],
)
def test_manifest_line_normalises_values(line: str, expected: ManifestEntry) -> None:
    assert parse_manifest_line(line) == expected


# --- a bad field drops that field only ----------------------------------------------------------


def test_manifest_bad_date_drops_only_the_date_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "a.txt", "doc": "doc-a"}\n'
        '{"file": "b.txt", "doc": "doc-b", "title": "Kept", "outlet": "Wire", "published": "14/05/2024"}\n',
        encoding="utf-8",
    )
    manifest = read_manifest(tmp_path)
    assert manifest is not None
    assert manifest.entries["b.txt"] == ManifestEntry("b.txt", doc="doc-b", title="Kept", outlet="Wire")
    [warning] = manifest.errors
    assert isinstance(warning, LoadWarning) and isinstance(warning, LoadError)
    assert (warning.path, warning.reason) == (
        str(tmp_path / "manifest.jsonl"),
        "line 2: invalid 'published' date '14/05/2024' (ignored; the rest of the line is used)",
    )


@pytest.mark.parametrize(
    ("line", "expected", "dropped"),
    [
        ('{"file": "a.txt", "doc": "d", "published": "June"}', ManifestEntry("a.txt", doc="d"), ["invalid 'published' date 'June'"]),
        ('{"file": "a.txt", "doc": "d", "title": ["x"]}', ManifestEntry("a.txt", doc="d"), ["'title' must be a string"]),
        ('{"file": "a.txt", "doc": true, "title": "T"}', ManifestEntry("a.txt", title="T"), ["'doc' must be a string"]),
        ('{"file": "a.txt", "doc": "d"}', ManifestEntry("a.txt", doc="d"), []),
    ],
)
def test_manifest_line_lenient_drops_bad_fields(line: str, expected: ManifestEntry, dropped: list[str]) -> None:
    problems: list[str] = []
    assert parse_manifest_line(line, dropped=problems) == expected
    assert problems == dropped


def test_manifest_unreadable_is_one_error_and_the_folder_still_loads(tmp_path: Path) -> None:
    (tmp_path / "manifest.jsonl").write_bytes(b'{"file": "a.txt", "title": "\xff\xfe"}\n')
    manifest = read_manifest(tmp_path)
    assert manifest is not None and manifest.entries == {}
    assert [(e.path, e.reason) for e in manifest.errors] == [
        (str(tmp_path / "manifest.jsonl"), "cannot read manifest (UnicodeDecodeError)")
    ]
