"""Extraction speed on one core: purgewatch's full pipeline against the bare spaCy pipeline, same text.

Usage: python benchmarks/extraction_speed.py [FOLDER ...] [--repeat N]
Prints a table; results are kept in docs/accuracy.md and docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core, as the target says


def texts_from(folders: list[Path]) -> list[str]:
    from purgewatch.ingest import iter_documents
    from purgewatch.records import SourceDocument
    return [d.text for d in iter_documents(folders) if isinstance(d, SourceDocument)]


def rate(fn, texts: list[str], words: int, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn(texts)
        best = min(best, time.perf_counter() - t0)
    return words / best


def main() -> None:
    import spacy

    from purgewatch.extract.pipeline import load_pipeline
    from purgewatch.nlp.pipeline import model_name
    from purgewatch.workflow import sample_corpus_path

    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="repeat the texts to get a longer run")
    args = parser.parse_args()
    folders = args.folders or [sample_corpus_path() / "texts"]
    texts = texts_from(folders) * args.repeat
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(model_name())
    full = load_pipeline()

    def run_bare(ts: list[str]) -> None:
        for _ in bare.pipe(ts, batch_size=16):
            pass

    def run_full(ts: list[str]) -> None:
        docs = [full.make_doc(t) for t in ts]
        for _ in full.pipe(docs, batch_size=16):
            pass

    run_bare(texts[:2])
    run_full(texts[:2])
    bare_wps = rate(run_bare, texts, words)
    full_wps = rate(run_full, texts, words)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"text: {len(texts)} documents, {words} words ({', '.join(str(f) for f in folders)} x{args.repeat})")
    print(f"{'pipeline':32} {'words/s':>10}")
    print(f"{'bare spaCy (' + model_name() + ')':32} {bare_wps:10.0f}")
    print(f"{'purgewatch (mentions + events)':32} {full_wps:10.0f}")
    print(f"{'ratio':32} {full_wps / bare_wps:10.2f}")


if __name__ == "__main__":
    main()
