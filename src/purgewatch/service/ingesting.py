"""Getting documents in: ingest files and folders, import spec records, ingest uploaded files."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from purgewatch import workflow
from purgewatch.errors import PurgewatchError
from purgewatch.ontology import ONTOLOGY_ENV
from purgewatch.store import Store
from purgewatch.workflow import Extractor, IngestReport, count_files, sample_corpus_path

__all__ = ["Extractor", "IngestReport", "Upload", "UploadError", "count_files", "import_file", "ingest",
           "ingest_uploads", "sample_corpus_path", "use_ontology"]

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def use_ontology(path: str | Path | None) -> str | None:
    """Make `path` the process's ontology (so the post and background word lists beside it are read too);
    None keeps $PURGEWATCH_ONTOLOGY or the bundled one. Returns the path as a string, or None."""
    if path is None:
        return None
    from purgewatch.ontology import load_ontology

    chosen = str(Path(path).resolve())
    load_ontology(chosen)  # a malformed or missing ontology fails here, before any document is read
    os.environ[ONTOLOGY_ENV] = chosen
    return chosen


def ingest(paths: Iterable[str | Path], store: Store, model: str | None = None, published: date | None = None,
           on_progress: Callable[[str, str], None] | None = None, workers: int = 1, dask: str | None = None,
           batch_size: int = workflow.BATCH_SIZE, ontology: str | Path | None = None,
           extractor: Extractor | None = None) -> IngestReport:
    """Ingest files and folders (see `workflow.ingest`), with the ontology at `ontology` if given."""
    return workflow.ingest(paths, store, model=model, published=published, on_progress=on_progress,
                           extractor=extractor, workers=workers, dask=dask, batch_size=batch_size,
                           ontology=use_ontology(ontology))


def import_file(path: str | Path, store: Store, texts: str | Path | None = None) -> IngestReport:
    """Store the events of a JSONL file in the spec's format as if extracted."""
    return workflow.import_records(path, store, texts=texts)


class UploadError(PurgewatchError):
    """An upload refused before anything is stored; `status` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


@dataclass
class Upload:
    filename: str | None
    file: IO[bytes]


def safe_name(filename: str | None) -> str:
    """Only the base name, and only safe characters: "../../x.txt" lands as "x.txt"."""
    name = Path((filename or "upload.txt").replace("\\", "/")).name or "upload.txt"
    return re.sub(r"[^\w.\-]+", "_", name).lstrip(".")[:120] or "upload.txt"


def ingest_uploads(store: Store, files: Sequence[Upload], model: str | None = None,
                   extractor: Extractor | None = None) -> dict[str, Any]:
    """Store uploaded files under their own names in a fresh folder and ingest them; report per file."""
    from purgewatch.ingest import SUPPORTED_EXTENSIONS

    if not files:
        raise UploadError(400, "no files")
    for f in files:
        suffix = Path(f.filename or "").suffix.lower()
        if suffix not in SUPPORTED_EXTENSIONS:
            raise UploadError(415, f"{Path(f.filename or '?').name}: unsupported file type {suffix or '(none)'} "
                                   f"(supported: {', '.join(SUPPORTED_EXTENSIONS)})")
    with tempfile.TemporaryDirectory(prefix="purgewatch-upload-") as tmp:
        for f in files:
            name = safe_name(f.filename)
            data = f.file.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                raise UploadError(413, f"{name}: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
            (Path(tmp) / name).write_bytes(data)
        report = workflow.ingest([tmp], store, model=model, extractor=extractor)
    return {"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
            "failed": [{"file": Path(e.path).name, "error": e.reason} for e in report.failed],
            "events": report.events}
