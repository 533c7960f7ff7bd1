"""The ingest entry point: documents from files and folders, with errors yielded beside them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import LoadError
from ..records import SourceDocument
from .discover import Walker
from .loaders import iter_file
from .manifest import Manifest, read_manifest
from .problems import printable


def iter_documents(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[SourceDocument | LoadError]:
    """Every document under `paths`, in a stable order, with a LoadError for each failure.

    Nothing is raised for a bad file, so the caller reports it and goes on. Also reported:
    bad manifest lines, manifest entries naming missing files, and a document whose id was
    already used (the later one is skipped, since ids key the database). Errors are printable
    on one line even for undecodable file names.
    """
    for item in _iter_documents(paths, published):
        yield printable(item) if isinstance(item, LoadError) else item


def _iter_documents(paths: Iterable[str | Path], published: date | None) -> Iterator[SourceDocument | LoadError]:
    if isinstance(paths, (str, Path)):
        paths = [paths]  # a lone path would otherwise be iterated character by character
    manifests: dict[str, Manifest | None] = {}
    first_path: dict[str, str | None] = {}
    for found in Walker().walk(paths):
        if isinstance(found, LoadError):
            yield found
            continue
        folder = os.path.realpath(found.parent)
        if folder not in manifests:
            manifests[folder] = read_manifest(found.parent)
            yield from _manifest_problems(manifests[folder])
        manifest = manifests[folder]
        meta = manifest.entries.get(found.name) if manifest else None
        for item in iter_file(found, published, meta):
            if isinstance(item, SourceDocument):
                if item.doc_id in first_path:
                    yield LoadError(
                        str(found),
                        f"duplicate document id '{item.doc_id}' (already loaded from {first_path[item.doc_id]})",
                    )
                    continue
                first_path[item.doc_id] = item.path
            yield item


def _manifest_problems(manifest: Manifest | None) -> Iterator[LoadError]:
    if manifest is None:
        return
    yield from manifest.errors
    folder = manifest.path.parent
    for name, entry in manifest.entries.items():
        if not (folder / name).exists():
            yield LoadError(str(manifest.path), f"line {manifest.lines[name]}: no such file '{entry.file}'")
