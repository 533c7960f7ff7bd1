"""The ingest engine: load documents, extract events (here, in worker processes or on Dask), store them.

The CLI and the web reach it through `purgewatch.service.ingesting`.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from purgewatch import __version__
from purgewatch.errors import LoadError
from purgewatch.ingest.problems import LoadWarning
from purgewatch.records import Event, Holding, Mention, SourceDocument
from purgewatch.store import Store

BATCH_SIZE = 16
ANALYZE_AFTER = 1000  # documents stored in one ingest after which the planner's statistics are refreshed


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[LoadError] = field(default_factory=list)
    warnings: list[LoadError] = field(default_factory=list)  # a field left out; the document was stored
    events: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def sample_corpus_path() -> Path:
    """The bundled sample corpus (written by the project, with its own gold.jsonl)."""
    return Path(str(resources.files("purgewatch") / "data" / "sample"))


@dataclass
class Result:
    """One document's extraction: its events and holder mentions, or the error its extraction recorded."""

    doc: SourceDocument
    events: list[Event]
    holdings: list[Holding]
    error: str | None = None
    mentions: list[Mention] = field(default_factory=list)


class Extractor:
    """A loaded spaCy pipeline with purgewatch's components; loaded once, used for many documents."""

    def __init__(self, model: str | None = None, ontology: str | None = None) -> None:
        from purgewatch.extract.pipeline import load_pipeline

        self.nlp = load_pipeline(model, ontology)
        self.version = extractor_version(model, ontology)

    def extract(self, docs: Iterable[SourceDocument]) -> Iterator[Result]:
        from spacy.tokens import Doc

        batch = list(docs)
        spacy_docs = []
        for d in batch:
            sdoc = self.nlp.make_doc(d.text)
            sdoc._.pw_published = d.published
            spacy_docs.append(sdoc)
        has_error = Doc.has_extension("pw_error")
        for d, sdoc in zip(batch, self.nlp.pipe(spacy_docs, batch_size=BATCH_SIZE)):
            error = getattr(sdoc._, "pw_error", None) if has_error else None
            if error:
                yield Result(d, [], [], error=str(error))
            else:
                yield Result(d, list(sdoc._.pw_events or []), list(sdoc._.pw_holdings or []),
                             mentions=person_mentions(sdoc))


def person_mentions(doc: Any) -> list[Mention]:
    """The person mention spans the pipeline found, each under the name the document's events use for that
    person (the span's id_, the fullest form in the document), with its character offsets."""
    from purgewatch.nlp.mentions import SPAN_KEY

    spans = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else []
    return [Mention(s.id_ or s.text, s.start_char, s.end_char) for s in spans]


_WORKER_EXTRACTORS: dict[tuple[str | None, str | None], Extractor] = {}  # one pipeline per worker process


def _worker_extractor(model: str | None, ontology: str | None = None) -> Extractor:
    if (model, ontology) not in _WORKER_EXTRACTORS:
        _WORKER_EXTRACTORS[model, ontology] = Extractor(model, ontology)
    return _WORKER_EXTRACTORS[model, ontology]


def extract_batch(batch: list[SourceDocument], model: str | None = None, ontology: str | None = None) -> list[Result]:
    """Extract one batch in this process (a worker's entry point: loads the pipeline on first use)."""
    if ontology:
        import os

        from purgewatch.ontology import ONTOLOGY_ENV
        os.environ[ONTOLOGY_ENV] = ontology  # post and background word lists come from beside it
    return list(_worker_extractor(model, ontology).extract(batch))


class Runner:
    """Runs extraction batches: here (`workers=1`), in worker processes, or on a Dask cluster.

    Results come back to the caller, which writes them: the database has one writer per ingest.
    At most `2 × workers` batches are in flight, so memory stays flat whatever the corpus size.
    """

    def __init__(self, model: str | None = None, workers: int = 1, dask: str | None = None,
                 extractor: Extractor | None = None, ontology: str | None = None) -> None:
        self.model, self.workers, self.dask, self.ontology = model, max(1, workers), dask, ontology
        self.extractor = extractor
        self._pool: Any = None
        self._client: Any = None
        self._cluster: Any = None

    @property
    def capacity(self) -> int:
        if self._client is not None:
            return max(2, 2 * len(self._client.scheduler_info().get("workers", {})))
        return 1 if self.workers == 1 else 2 * self.workers

    def start(self) -> None:
        if self.dask:
            from purgewatch.scale import dask_client
            self._client, self._cluster = dask_client(self.dask, self.workers)
        elif self.workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            ctx = multiprocessing.get_context("spawn")  # a clean interpreter: no inherited locks or sessions
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)

    def submit(self, batch: list[SourceDocument]) -> Any:
        if self._client is not None:
            return self._client.submit(extract_batch, batch, self.model, self.ontology, pure=False)
        if self._pool is not None:
            return self._pool.submit(extract_batch, batch, self.model, self.ontology)
        if self.extractor is None:
            self.extractor = Extractor(self.model, self.ontology)
        return list(self.extractor.extract(batch))

    @staticmethod
    def result(handle: Any) -> list[Result]:
        return handle if isinstance(handle, list) else handle.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def ingest(paths: Iterable[str | Path], store: Store, model: str | None = None, published: date | None = None,
           on_progress: Callable[[str, str], None] | None = None, extractor: Extractor | None = None,
           workers: int = 1, dask: str | None = None, batch_size: int = BATCH_SIZE,
           ontology: str | None = None) -> IngestReport:
    """Ingest files and folders into the store. Bad files are reported and skipped; nothing stored is lost.

    Documents stream from disk in batches; unchanged ones (same content hash and extractor) are skipped,
    so an interrupted ingest resumes where it stopped. Extraction runs here, in `workers` processes, or
    on a Dask cluster (`dask`: a scheduler address, or "local"); each document is written in its own
    transaction as its batch comes back. `extractor`: an already loaded pipeline to reuse (a server
    keeps one). `ontology`: the ontology file the pipeline uses (default: $PURGEWATCH_ONTOLOGY or the
    bundled one). A document whose extraction failed is reported by name and not stored.
    """
    from collections import deque

    from purgewatch.ingest import iter_documents

    report = IngestReport()
    runner = Runner(model, workers=workers, dask=dask, extractor=extractor, ontology=ontology)
    in_flight: deque[Any] = deque()
    version = extractor.version if extractor is not None else extractor_version(model, ontology)

    def drain(keep: int) -> None:
        while len(in_flight) > keep:
            for r in Runner.result(in_flight.popleft()):
                if r.error is not None:
                    report.failed.append(LoadError(r.doc.path or r.doc.doc_id, f"extraction failed ({r.error})"))
                    if on_progress:
                        on_progress(r.doc.doc_id, "failed")
                    continue
                status = store.save(r.doc, r.events, version, r.holdings, mentions=r.mentions)
                getattr(report, status).append(r.doc.doc_id)
                report.events += len(r.events) if status != "unchanged" else 0
                if on_progress:
                    on_progress(r.doc.doc_id, status)

    pending: list[SourceDocument] = []
    started = False
    try:
        for item in iter_documents(paths, published=published):
            if isinstance(item, LoadWarning):
                report.warnings.append(item)
                continue
            if isinstance(item, LoadError):
                report.failed.append(item)
                if on_progress:
                    on_progress(item.path, "failed")
                continue
            if store.stored_state(item.doc_id) == (item.content_hash, version):
                report.unchanged.append(item.doc_id)
                if on_progress:
                    on_progress(item.doc_id, "unchanged")
                continue
            pending.append(item)
            if len(pending) >= batch_size:
                if not started:
                    runner.start()
                    started = True
                in_flight.append(runner.submit(pending))
                pending = []
                drain(runner.capacity - 1)
        if pending:
            if not started:
                runner.start()
                started = True
            in_flight.append(runner.submit(pending))
        drain(0)
    finally:
        runner.close()
    if report.added or report.replaced or store.needs_resolution():
        store.resolve_people()
    if len(report.added) + len(report.replaced) >= ANALYZE_AFTER:
        store.analyze()
    return report


def count_files(paths: Iterable[str | Path]) -> tuple[int, bool]:
    """How many files an ingest of `paths` will read, and whether any is JSONL (several documents each),
    for a progress bar's total. Only walks the folders; reads nothing."""
    from purgewatch.ingest.discover import Walker

    n, jsonl = 0, False
    for item in Walker().walk(paths):
        if isinstance(item, Path):
            n += 1
            jsonl = jsonl or item.suffix.lower() == ".jsonl"
    return n, jsonl


def extractor_version(model: str | None = None, ontology: str | None = None) -> str:
    """What produced the events: purgewatch's version, the spaCy pipeline's name and version, the digest
    of the ontology files in use and a hash of the extraction code. Any change re-extracts on the next
    ingest (a stored document is skipped only when its hash and this version match)."""
    import spacy.util

    from purgewatch.nlp.pipeline import model_name
    from purgewatch.ontology import load_ontology
    name = model_name(model)
    return (f"purgewatch {__version__}; {name} {spacy.util.get_package_version(name) or '?'}; "
            f"ontology {load_ontology(ontology).digest}; code {extraction_code_hash()}")


@functools.cache
def extraction_code_hash() -> str:
    """The first 12 hex digits of a hash of every module's source under purgewatch.extract and .nlp."""
    h = hashlib.sha256()
    for package in ("purgewatch.extract", "purgewatch.nlp"):
        root = resources.files(package)
        for entry in sorted((e for e in root.iterdir() if e.name.endswith(".py")), key=lambda e: e.name):
            h.update(f"{package}.{entry.name}\0".encode())
            h.update(entry.read_bytes())
    return h.hexdigest()[:12]


def predictions(store: Store) -> list[dict[str, Any]]:
    """All stored events as spec records (kept for callers of the old place: see service.scoring)."""
    from purgewatch.service.scoring import predictions as stored
    return stored(store)


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
            if isinstance(item, LoadWarning):
                report.warnings.append(item)
            elif isinstance(item, LoadError):
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
