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


def import_records(path: str | Path, store: Store, texts: str | Path | None = None) -> IngestReport:
    """Store events from a JSONL file in the spec's interchange format (gold annotations, another tool's
    output) as if extracted: one document per `doc`, its text from `texts` (a folder ingest would read)
    or else its evidence sentences. Re-importing an unchanged file changes nothing."""
    from purgewatch.evaluate import load_records
    from purgewatch.ingest import iter_documents
    from purgewatch.records import Group

    records = load_records(Path(path))
    sources: dict[str, SourceDocument] = {}
    report = IngestReport()
    if texts is not None:
        for item in iter_documents([texts]):
            if isinstance(item, LoadError):
                report.failed.append(item)
            else:
                sources[item.doc_id] = item
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_doc.setdefault(r["doc"], []).append(r)
    version = f"import {Path(path).name}"
    for doc_id, recs in by_doc.items():
        source = sources.get(doc_id) or SourceDocument(
            doc_id=doc_id, text="\n".join(dict.fromkeys(r.get("evidence") or "" for r in recs)))
        events = []
        for r in recs:
            evidence = r.get("evidence") or ""
            start = max(source.text.find(evidence), 0) if evidence else 0
            group = r.get("group")
            events.append(Event(
                type=r["type"], person=r.get("person"), evidence=evidence, start=start, end=start + len(evidence),
                group=Group(group["description"], group.get("count")) if group else None,
                position=r.get("position"), org=r.get("org"), date=r.get("date"), replaces=r.get("replaces"),
                replaced_by=r.get("replaced_by"), charge=r.get("charge"), agent=r.get("agent"),
                factuality=r.get("factuality") or "asserted"))
        status = store.save(source, events, version)
        getattr(report, status).append(doc_id)
        report.events += len(events) if status != "unchanged" else 0
    if report.added or report.replaced or store.needs_resolution():
        store.resolve_people()
    return report
