"""Server time of every page and main API call on a database of 100,000 synthetic events.

Usage: python benchmarks/web_pages.py [--events N] [--db URL] [--repeat R]
Builds the database once (kept at the URL for reruns), then times each page in-process (FastAPI's
TestClient, so the figure is the server's time without a network) and prints the median and the worst.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from datetime import date
from urllib.parse import quote

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from purgewatch.records import Event, SourceDocument
from purgewatch.serve.app import create_app
from purgewatch.store import Store
from purgewatch.store.models import Event as EventRow

TYPES = ["appointed", "dismissed", "resigned", "retired", "arrested", "charged", "convicted", "executed", "released"]
GIVEN = ["Ivan", "Pavel", "Sergei", "Yury", "Oleg", "Anna", "Dmitry", "Alexei", "Nikolai", "Boris", "Li", "Wang"]
FIELDS = ["Defense", "Foreign Affairs", "Internal Affairs", "Finance", "Justice", "Transport", "Energy", "Health"]


def build(store: Store, n_events: int, per_doc: int = 10) -> None:
    rng = random.Random(7)
    syllables = ["ko", "va", "ly", "ro", "mi", "sha", "pe", "tro", "zu", "bel", "gin", "dar", "nov", "chen", "lin"]
    surnames = sorted({"".join(rng.choice(syllables) for _ in range(3)).title() + rng.choice(["ov", "in", "sky", ""])
                       for _ in range(n_events // 20)})
    posts = [f"{q}Minister of {f}" for f in FIELDS for q in ("", "Deputy ", "First Deputy ")] + \
        [f"commander of the {k}th Army" for k in range(1, 120)]
    for d in range(n_events // per_doc):
        year = rng.randint(1930, 2025)
        published = date(year, rng.randint(1, 12), rng.randint(1, 28))
        events = []
        sentences = []
        offset = 0
        for _ in range(per_doc):
            person = f"{rng.choice(GIVEN)} {rng.choice(surnames)}"
            kind = rng.choice(TYPES)
            sentence = f"{person} was {kind} on {published.isoformat()}."
            events.append(Event(type=kind, person=person, evidence=sentence, start=offset,
                                end=offset + len(sentence), position=rng.choice(posts), date=published.isoformat(),
                                replaced_by=f"{rng.choice(GIVEN)} {rng.choice(surnames)}" if rng.random() < 0.1 else None,
                                agent=f"{rng.choice(GIVEN)} {rng.choice(surnames)}" if rng.random() < 0.05 else None))
            sentences.append(sentence)
            offset += len(sentence) + 1
        store.save(SourceDocument(doc_id=f"doc{d:06d}", text=" ".join(sentences), published=published,
                                  title=f"Report {d}"), events, "benchmark")
    store.resolve_people()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default="sqlite:////tmp/purgewatch-bench-100k.db")
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    store = Store(args.db)
    with store.session() as s:
        have = s.scalar(select(func.count()).select_from(EventRow)) or 0
    if have < args.events * 0.9:
        t = time.perf_counter()
        build(store, args.events)
        print(f"built {args.events} events in {time.perf_counter() - t:.0f} s")
    with store.session() as s:
        have = s.scalar(select(func.count()).select_from(EventRow)) or 0
    client = TestClient(create_app(store=store))
    pid = client.get("/api/search", params={"q": "ko"}).json()["persons"][0]["id"]
    pages = {
        "overview /": "/",
        "events /events": "/events",
        "events filtered": "/events?type=arrested&org=defense&since=1937&until=1938",
        "events page 500": "/events?page=500",
        "person": f"/persons/{quote(pid)}",
        "posts /posts": "/posts",
        "post (succession)": "/posts/" + quote("minister of defense"),
        "documents": "/documents",
        "document": "/documents/doc004242",
        "network page": "/network",
        "search": "/search?q=vaky",
        "api /api/events": "/api/events?per_page=50",
        "api /api/network": "/api/network",
        "api /api/persons": f"/api/persons/{quote(pid)}",
    }
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, database {args.db} ({have} events)")
    print(f"{'page':28} {'median ms':>10} {'max ms':>8}")
    for name, path in pages.items():
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            r = client.get(path)
            times.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, (path, r.status_code, r.text[:200])
        print(f"{name:28} {statistics.median(times):10.0f} {max(times):8.0f}")


if __name__ == "__main__":
    main()
