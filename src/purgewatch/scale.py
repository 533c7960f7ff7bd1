"""Scale-out: a Dask cluster for extraction (`purgewatch ingest --dask ADDRESS` or `--dask local`).

Each Dask worker process loads the spaCy pipeline once (on its first batch) and keeps it; batches of
documents go out, their events come back, and this process writes them to the database (PostgreSQL for a
cluster), one transaction per document. Dask is an optional dependency: `pip install "purgewatch[dask]"`.
"""

from __future__ import annotations

from typing import Any

from purgewatch.errors import PurgewatchError


def dask_client(address: str, workers: int = 2) -> tuple[Any, Any]:
    """A client for the scheduler at `address`, or for a new local cluster of `workers` processes
    (`address` = "local"). Returns (client, cluster or None); close both when done."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise PurgewatchError('--dask needs Dask: pip install "purgewatch[dask]" (dask[distributed])') from exc
    if address == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,  # type: ignore[no-untyped-call]
                               processes=True, dashboard_address=None)
        return Client(cluster), cluster  # type: ignore[no-untyped-call]
    try:
        return Client(address, timeout="30s"), None  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise PurgewatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
