"""Scale (issue 6): worker processes and a local Dask cluster give exactly the single-process result;
several writers at once (SQLite and PostgreSQL) lose nothing and duplicate nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from purgewatch.store import Store
from purgewatch.workflow import ingest, sample_corpus_path

pytestmark = pytest.mark.slow  # worker processes, Dask clusters, concurrent ingest processes

TEXTS = sample_corpus_path() / "texts"


def snapshot(url: str) -> tuple[list[str], list[tuple[str, str, str | None, str | None]]]:
    store = Store(url)
    rows = store.events(order="doc")
    return sorted({r["doc"] for r in rows}), sorted((r["id"], r["type"], r["person"], r["date"]) for r in rows)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple:
    url = f"sqlite:///{tmp_path_factory.mktemp('ref') / 'ref.db'}"
    ingest([TEXTS], Store(url))
    return snapshot(url)


def test_two_worker_processes_give_the_single_process_result(tmp_path, reference):
    url = f"sqlite:///{tmp_path / 'w2.db'}"
    report = ingest([TEXTS], Store(url), workers=2, batch_size=3)
    assert len(report.added) == 10 and report.ok
    assert snapshot(url) == reference


def test_local_dask_cluster_gives_the_single_process_result(tmp_path, reference):
    pytest.importorskip("dask.distributed")
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    report = ingest([TEXTS], Store(url), workers=2, dask="local", batch_size=3)
    assert len(report.added) == 10 and report.ok
    assert snapshot(url) == reference


def test_postgres_with_dask_workers(pg_url, reference):
    pytest.importorskip("dask.distributed")
    report = ingest([TEXTS], Store(pg_url), workers=2, dask="local", batch_size=4)
    assert len(report.added) == 10
    assert snapshot(pg_url) == reference
    assert not Store(pg_url).needs_resolution()


def _concurrent_ingests(url: str, n: int = 2) -> list[subprocess.CompletedProcess]:
    procs = [subprocess.Popen([sys.executable, "-m", "purgewatch.cli.main", "ingest", str(TEXTS), "--db", url, "-q",
                               "--batch-size", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(n)]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=300), p.stdout.read(), p.stderr.read())
            for p in procs]


def test_several_writers_on_postgres(pg_url, reference):
    results = _concurrent_ingests(pg_url)
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert snapshot(pg_url) == reference
    assert not Store(pg_url).needs_resolution()


def test_several_writers_on_sqlite(tmp_path, reference):
    url = f"sqlite:///{tmp_path / 'multi.db'}"
    Store(url)  # migrate once, before the writers start
    results = _concurrent_ingests(url)
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert snapshot(url) == reference
    assert not Store(url).needs_resolution()


def test_unknown_dask_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("dask.distributed")
    from purgewatch.errors import PurgewatchError

    with pytest.raises(PurgewatchError, match="Dask scheduler"):
        ingest([TEXTS], Store(f"sqlite:///{tmp_path / 'x.db'}"), dask="tcp://127.0.0.1:1")
