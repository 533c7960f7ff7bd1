"""Faults: a process killed mid-ingest, a locked database, and a web server reading while ingest writes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from purgewatch.records import Event, SourceDocument
from purgewatch.store import Store
from purgewatch.workflow import ingest, sample_corpus_path

N_COPIES = 3  # the sample corpus three times over: 30 documents, two extraction batches


def corpus(folder: Path) -> Path:
    """30 documents: the sample texts under three sets of names."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(N_COPIES):
        for src in sorted(p for p in (sample_corpus_path() / "texts").iterdir() if p.suffix in {".txt", ".md"}):
            (folder / f"c{k}_{src.name}").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "purgewatch.cli.main", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def state(url: str) -> tuple[set[str], set[str]]:
    store = Store(url)
    docs = {r["doc"] for r in store.events(order="doc")}
    return docs, {r["id"] for r in store.events(order="doc")}


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_during_ingest_then_the_next_run_completes_the_work(tmp_path):
    folder = corpus(tmp_path / "texts")
    db = tmp_path / "killed.db"
    url = f"sqlite:///{db}"
    proc = cli("ingest", str(folder), "--db", url, "-q")
    deadline = time.time() + 120
    while count(db, "documents") < 1 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = count(db, "documents")
    assert 1 <= stored < 30
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        # every stored document is whole: its events arrived in the same transaction, each with evidence
        orphans = conn.execute("select count(*) from events e where not exists "
                               "(select 1 from evidence v where v.event_id = e.id)").fetchone()[0]
        assert orphans == 0
    again = cli("ingest", str(folder), "--db", url, "-q")
    assert again.wait(timeout=300) == 0, again.stderr.read()
    reference = f"sqlite:///{tmp_path / 'clean.db'}"
    ingest([folder], Store(reference))
    assert state(url) == state(reference)
    assert count(db, "documents") == 30
    assert not Store(url).needs_resolution()


def test_a_locked_database_is_waited_for(tmp_path):
    db = tmp_path / "locked.db"
    url = f"sqlite:///{db}"
    store = Store(url)
    holder = sqlite3.connect(db, timeout=30, isolation_level=None, check_same_thread=False)
    holder.execute("begin immediate")  # another writer holds the lock
    threading.Timer(1.0, lambda: holder.execute("rollback")).start()
    t = time.perf_counter()
    doc = SourceDocument(doc_id="a", text="Ivan Orlov was arrested.")
    assert store.save(doc, [Event(type="arrested", person="Ivan Orlov", evidence=doc.text, start=0, end=24)], "x") \
        == "added"
    assert time.perf_counter() - t >= 0.9  # it waited for the lock instead of failing
    holder.close()
    assert [e["person"] for e in store.events()] == ["Ivan Orlov"]


@pytest.mark.slow
def test_serve_reads_while_ingest_writes(tmp_path):
    from fastapi.testclient import TestClient

    from purgewatch.serve.app import create_app

    folder = corpus(tmp_path / "texts")
    db = tmp_path / "busy.db"
    url = f"sqlite:///{db}"
    Store(url)  # schema first, so the reader starts on a migrated database
    client = TestClient(create_app(url))
    proc = cli("ingest", str(folder), "--db", url, "-q")
    seen, statuses = set(), []
    while proc.poll() is None:
        for path in ("/api/summary", "/events", "/"):
            r = client.get(path)
            statuses.append(r.status_code)
        seen.add(client.get("/api/summary").json()["documents"])
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read()
    assert statuses and set(statuses) == {200}
    assert client.get("/api/summary").json()["documents"] == 30
    assert len(seen) >= 2  # the reader saw the database grow while the writer worked


def test_copy_of_corpus_helper_is_complete(tmp_path):
    folder = corpus(tmp_path / "x")
    assert len(list(folder.iterdir())) == 30
    shutil.rmtree(folder)
