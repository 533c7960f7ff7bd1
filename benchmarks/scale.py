"""Scale benchmarks (issue 6). Each prints a table; results with the machine go in docs/benchmarks.md.

  python benchmarks/scale.py workers [--docs 200]            scaling 1 -> 2 workers, peak RSS per worker
  python benchmarks/scale.py corpus [--docs 10000] [--workers 2]   ingest N documents made from the sample
  python benchmarks/scale.py queries --db URL [--events 1000000]   query latency on N synthetic events

Documents are the sample corpus's texts under new ids (so nothing is skipped as unchanged). Synthetic
events for the query benchmark are bulk-inserted (Core), with person resolutions and posts: ~100,000
people, each with a career of one to four of ~1,400 posts, events spread over 1930-2025.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from purgewatch.store import Store
from purgewatch.workflow import ingest, sample_corpus_path


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def make_corpus(folder: Path, n: int) -> int:
    """n documents from the sample texts; returns their word count."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((sample_corpus_path() / "texts").iterdir())
             if p.suffix in {".txt", ".md"}]
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        t = texts[i % len(texts)]
        (folder / f"doc{i:06d}.txt").write_text(t, encoding="utf-8")
        words += len(t.split())
    return words


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def bench_workers(n_docs: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="pw-bench-"))
    words = make_corpus(tmp / "texts", n_docs)
    print(f"machine: {machine()}; {n_docs} documents, {words} words")
    print(f"{'workers':>7} {'seconds':>8} {'docs/s':>8} {'words/s':>9} {'speed-up':>9}")
    base = None
    for workers in (1, 2):
        url = f"sqlite:///{tmp / f'w{workers}.db'}"
        t = time.perf_counter()
        report = ingest([tmp / "texts"], Store(url), workers=workers, batch_size=16)
        took = time.perf_counter() - t
        assert len(report.added) == n_docs
        base = base or took
        print(f"{workers:>7} {took:8.1f} {n_docs / took:8.1f} {words / took:9.0f} {base / took:9.2f}x")
    print(f"peak RSS: this process {peak_rss_mb(resource.RUSAGE_SELF):.0f} MB; "
          f"largest worker process {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    shutil.rmtree(tmp)


def bench_corpus(n_docs: int, workers: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="pw-bench-"))
    words = make_corpus(tmp / "texts", n_docs)
    url = f"sqlite:///{tmp / 'corpus.db'}"
    t = time.perf_counter()
    report = ingest([tmp / "texts"], Store(url), workers=workers, batch_size=32)
    took = time.perf_counter() - t
    print(f"machine: {machine()}")
    print(f"{n_docs} documents ({words} words), {workers} worker(s): {took:.0f} s, {n_docs / took:.1f} docs/s, "
          f"{words / took:.0f} words/s, {report.events} events; peak RSS parent "
          f"{peak_rss_mb(resource.RUSAGE_SELF):.0f} MB, largest worker {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    t = time.perf_counter()
    again = ingest([tmp / "texts"], Store(url), workers=workers)
    print(f"re-run (all unchanged, the resume path): {time.perf_counter() - t:.1f} s, "
          f"{len(again.unchanged)} unchanged")
    shutil.rmtree(tmp)


# --- 1,000,000 events ---------------------------------------------------------------------------------
GIVEN = ["Ivan", "Pavel", "Sergei", "Yury", "Oleg", "Anna", "Dmitry", "Alexei", "Nikolai", "Boris", "Li", "Wang"]
SYLL = ["ko", "va", "ly", "ro", "mi", "sha", "pe", "tro", "zu", "bel", "gin", "dar", "nov", "chen", "lin", "ta"]
TYPES = ["appointed", "dismissed", "resigned", "retired", "arrested", "charged", "convicted", "executed"]
FIELDS = ["Defense", "Foreign Affairs", "Internal Affairs", "Finance", "Justice", "Transport", "Energy", "Health",
          "Agriculture", "Culture", "Education", "Railways", "Communications", "Industry", "Trade", "Labour"]


def build_events(store: Store, n_events: int, per_doc: int = 10) -> None:
    """Bulk-insert synthetic documents, events, evidence and resolutions (SQLAlchemy Core)."""
    from sqlalchemy import insert

    from purgewatch.normalize.posts import post_key
    from purgewatch.store.models import Document, Event, Evidence, Resolution

    rng = random.Random(11)
    surnames = sorted({"".join(rng.choice(SYLL) for _ in range(3)).title() + rng.choice(["ov", "in", "sky", "enko"])
                       for _ in range(n_events // 10)})
    people = [f"{rng.choice(GIVEN)} {s}" for s in surnames]
    posts = [f"{q}Minister of {f}" for f in FIELDS for q in ("", "Deputy ", "First Deputy ")]
    posts += [f"commander of the {k}th Army" for k in range(1, 400)] + \
        [f"head of the {f} Directorate No. {k}" for f in FIELDS for k in range(1, 60)]
    keys = {p: post_key(p) for p in posts}
    # a career: each person's events fall on one to four posts, as in real reports
    careers = {person: rng.sample(posts, rng.randint(1, 4)) for person in people}
    now = datetime.now(UTC).replace(tzinfo=None)
    n_docs = n_events // per_doc
    chunk = 2000
    with store.engine.begin() as conn:
        for start in range(0, n_docs, chunk):
            docs, events, evidence, resolutions = [], [], [], {}
            for d in range(start, min(start + chunk, n_docs)):
                year = rng.randint(1930, 2025)
                day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                doc_id = f"doc{d:07d}"
                docs.append({"id": doc_id, "language": "en", "content_hash": f"h{d}", "text": f"Report {d}.",
                             "extractor": "benchmark", "ingested_at": now, "title": f"Report {d}", "country": "Russia"})
                for k in range(per_doc):
                    person = rng.choice(people)
                    post = rng.choice(careers[person])
                    eid = f"{doc_id}-{k}"
                    events.append({"id": eid, "doc_id": doc_id, "type": rng.choice(TYPES), "person_name": person,
                                   "position": post, "post_key": keys[post], "date": day, "factuality": "asserted",
                                   "seq": k})
                    evidence.append({"event_id": eid, "doc_id": doc_id, "start": 0, "end": 10,
                                     "sentence": f"{person} ... {post}.", "extractor": "benchmark",
                                     "status": "extracted"})
                    resolutions[(doc_id, person)] = {"doc_id": doc_id, "name": person, "person_id": "p-" + person,
                                                     "person_name": person, "reason": "benchmark"}
            conn.execute(insert(Document), docs)
            conn.execute(insert(Event), events)
            conn.execute(insert(Evidence), evidence)
            conn.execute(insert(Resolution), list(resolutions.values()))
    store.analyze()  # as ingest does after a large load: the planner needs statistics


def bench_queries(url: str, n_events: int, repeat: int) -> None:
    from sqlalchemy import func, select

    from purgewatch.analyze.queries import person_career, who
    from purgewatch.store.browse import events_page
    from purgewatch.store.models import Event
    from purgewatch.store.repository import EventFilter

    store = Store(url)
    with store.session() as s:
        have = s.scalar(select(func.count()).select_from(Event)) or 0
    if have < n_events * 0.9:
        t = time.perf_counter()
        build_events(store, n_events)
        print(f"built {n_events} events in {time.perf_counter() - t:.0f} s")
        with store.session() as s:
            have = s.scalar(select(func.count()).select_from(Event)) or 0
    rng = random.Random(3)
    with store.session() as s:
        people = [p for (p,) in s.execute(select(Event.person_name).limit(2000))]
    queries = {
        "who POST --on DATE": lambda: who(store, "Minister of Defense", f"{rng.randint(1935, 2024)}-06-01"),
        "person (career)": lambda: person_career(store, rng.choice(people)),
        "person's events": lambda: store.events(EventFilter(person_id="p-" + rng.choice(people), limit=200)),
        "events filter (type, post, dates), page 1": lambda: events_page(
            store, EventFilter(type="arrested", org="transport", since="1937", until="1938")),
        "events page 1, no filter": lambda: events_page(store, EventFilter()),
    }
    print(f"machine: {machine()}; database {store.engine.url.render_as_string(hide_password=True)} ({have} events)")
    print(f"{'query':44} {'median ms':>10} {'p90 ms':>8}")
    for name, fn in queries.items():
        fn()  # warm caches
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        print(f"{name:44} {statistics.median(times):10.1f} {times[int(len(times) * 0.9) - 1]:8.1f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["workers", "corpus", "queries"])
    ap.add_argument("--docs", type=int)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--db")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    if a.what == "workers":
        bench_workers(a.docs or 200)
    elif a.what == "corpus":
        bench_corpus(a.docs or 10_000, a.workers)
    else:
        bench_queries(a.db or "sqlite:////tmp/purgewatch-bench-1m.db", a.events, a.repeat)


if __name__ == "__main__":
    main()
