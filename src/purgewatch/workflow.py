"""The whole flow for one call: load documents, extract events, store them. The CLI and web call this."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from purgewatch import __version__
from purgewatch.errors import LoadError
from purgewatch.records import Event, Holding, SourceDocument
from purgewatch.store import Store

BATCH_SIZE = 16


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[LoadError] = field(default_factory=list)
    events: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def sample_corpus_path() -> Path:
    """The bundled sample corpus (written by the project, with its own gold.jsonl)."""
    return Path(str(resources.files("purgewatch") / "data" / "sample"))


class Extractor:
    """A loaded spaCy pipeline with purgewatch's components; loaded once, used for many documents."""

    def __init__(self, model: str | None = None) -> None:
        from purgewatch.nlp import load_pipeline

        self.nlp = load_pipeline(model)
        self.version = extractor_version(model)

    def extract(self, docs: Iterable[SourceDocument]) -> Iterator[tuple[SourceDocument, list[Event], list[Holding]]]:
        batch = list(docs)
        spacy_docs = []
        for d in batch:
            sdoc = self.nlp.make_doc(d.text)
            sdoc._.pw_published = d.published
            spacy_docs.append(sdoc)
        for d, sdoc in zip(batch, self.nlp.pipe(spacy_docs, batch_size=BATCH_SIZE)):
            yield d, list(sdoc._.pw_events or []), list(sdoc._.pw_holdings or [])


def ingest(paths: Iterable[str | Path], store: Store, model: str | None = None, published: date | None = None,
           on_progress: Callable[[str, str], None] | None = None, extractor: Extractor | None = None) -> IngestReport:
    """Ingest files and folders into the store. Bad files are reported and skipped; nothing stored is lost.
    `extractor`: an already loaded pipeline to reuse (a server keeps one); otherwise one is loaded if needed."""
    from purgewatch.ingest import iter_documents

    report = IngestReport()
    pending: list[SourceDocument] = []

    def flush() -> None:
        nonlocal extractor
        if not pending:
            return
        if extractor is None:
            extractor = Extractor(model)
        for d, events, holdings in extractor.extract(pending):
            status = store.save(d, events, extractor.version, holdings)
            getattr(report, status).append(d.doc_id)
            report.events += len(events) if status != "unchanged" else 0
            if on_progress:
                on_progress(d.doc_id, status)
        pending.clear()

    expected = extractor_version(model)
    for item in iter_documents(paths, published=published):
        if isinstance(item, LoadError):
            report.failed.append(item)
            if on_progress:
                on_progress(item.path, "failed")
            continue
        if store.stored_state(item.doc_id) == (item.content_hash, expected):
            report.unchanged.append(item.doc_id)
            if on_progress:
                on_progress(item.doc_id, "unchanged")
            continue
        pending.append(item)
        if len(pending) >= BATCH_SIZE:
            flush()
    flush()
    if report.added or report.replaced or store.needs_resolution():
        store.resolve_people()
    return report


def extractor_version(model: str | None = None) -> str:
    """What produced the events: purgewatch's version and the spaCy pipeline's name and version."""
    import spacy.util

    from purgewatch.nlp.pipeline import model_name
    name = model_name(model)
    return f"purgewatch {__version__}; {name} {spacy.util.get_package_version(name) or '?'}"


def predictions(store: Store) -> list[dict[str, Any]]:
    """All stored events as spec records, for export and eval."""
    from purgewatch.store.repository import spec_record
    return [spec_record(r) for r in store.events(order="doc")]
