"""The per-folder manifest.jsonl: metadata for the files beside it, one JSON object a line.

A bad line is reported and skipped, not fatal: one typo should not stop a corpus from loading.
A bad field (a date that is not a date) is dropped with a warning and the rest of its line kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import DateError, LoadError
from .dateline import parse_metadata_date
from .decode import clean_text
from .problems import LoadWarning

MANIFEST_NAME = "manifest.jsonl"
_TEXT_FIELDS = ("doc", "title", "outlet", "url", "language")


@dataclass(frozen=True)
class ManifestEntry:
    """Metadata for one file, as given by its manifest line; None where the line says nothing."""

    file: str
    doc: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None


@dataclass
class Manifest:
    """A folder's manifest: entries keyed by file name, and its problems in line order: a LoadError
    for each line that could not be used, a LoadWarning for each field dropped from a line."""

    path: Path
    entries: dict[str, ManifestEntry] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


def read_manifest(folder: Path) -> Manifest | None:
    """Read folder/manifest.jsonl, or return None when the folder has none.

    An unreadable manifest is one error in `errors`, not an exception, so the folder still loads.
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return None
    manifest = Manifest(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        manifest.errors.append(LoadError(str(path), f"cannot read manifest ({_short(exc)})"))
        return manifest
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        dropped: list[str] = []
        try:
            entry = parse_manifest_line(line, dropped=dropped)
        except ValueError as exc:
            manifest.errors.append(LoadError(str(path), f"line {number}: {exc}"))
            continue
        manifest.errors.extend(
            LoadWarning(str(path), f"line {number}: {reason} (ignored; the rest of the line is used)")
            for reason in dropped
        )
        if entry.file in manifest.entries:
            first = manifest.lines[entry.file]
            manifest.errors.append(
                LoadError(str(path), f"line {number}: duplicate entry for '{entry.file}' (first on line {first})")
            )
            continue
        manifest.entries[entry.file] = entry
        manifest.lines[entry.file] = number
    return manifest


def parse_manifest_line(line: str, dropped: list[str] | None = None) -> ManifestEntry:
    """One manifest line to an entry; ValueError with a short reason when the line is unusable.

    Strict by default: a line with any invalid field is refused. Lenient when `dropped` is given:
    an invalid field other than `file` is left out and its reason appended to `dropped`, so a bad
    date does not cost the line its doc id and title.
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        raise ValueError("invalid JSON") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    name = obj.get("file")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("no 'file' field")
    if "/" in name or "\\" in name or name in (".", ".."):
        raise ValueError(f"'file' must name a file in the manifest's folder, got '{name}'")
    values: dict[str, Any] = {}
    for key in (*_TEXT_FIELDS, "published"):
        try:
            values[key] = optional_date(obj, key) if key == "published" else optional_str(obj, key)
        except ValueError as exc:
            if dropped is None:
                raise
            dropped.append(str(exc))
    return ManifestEntry(file=name, **values)


def optional_str(obj: dict[str, Any], key: str) -> str | None:
    """obj[key] as a non-blank string, None when absent, null or blank; ValueError for other types.

    Numbers are accepted and turned into strings, since ids are often written as bare numbers.
    The string is made valid Unicode (clean_text): a NUL or a lone surrogate from a JSON escape
    would otherwise break the database or the terminal downstream.
    """
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"'{key}' must be a string")
    text = clean_text(str(value)).strip()
    return text or None


def optional_date(obj: dict[str, Any], key: str) -> date | None:
    """obj[key] parsed as a date, None when absent or null; ValueError naming the bad value."""
    value = optional_str(obj, key)
    if value is None:
        return None
    try:
        return parse_metadata_date(value)
    except DateError:
        raise ValueError(f"invalid '{key}' date '{value}'") from None


def _short(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or type(exc).__name__
