"""Ingest: files and folders of reports (txt, md, html, pdf, jsonl) to SourceDocuments."""

from __future__ import annotations

from .dateline import find_dateline, parse_metadata_date, parse_user_date
from .documents import iter_documents
from .loaders import MAX_FILE_BYTES, SUPPORTED_EXTENSIONS, iter_file, load_file
from .manifest import MANIFEST_NAME, ManifestEntry, read_manifest
from .problems import LoadWarning

__all__ = [
    "MANIFEST_NAME",
    "MAX_FILE_BYTES",
    "LoadWarning",
    "SUPPORTED_EXTENSIONS",
    "ManifestEntry",
    "find_dateline",
    "iter_documents",
    "iter_file",
    "load_file",
    "parse_metadata_date",
    "parse_user_date",
    "read_manifest",
]
