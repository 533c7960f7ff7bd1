"""Shared fixtures: the real spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from purgewatch.records import Event

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def nlp():
    from purgewatch.extract.pipeline import load_pipeline
    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published=date(2024, 6, 21)) -> list of Event."""

    def run(text: str, published: date | None = date(2024, 6, 21)) -> list[Event]:
        doc = nlp.make_doc(text)
        doc._.pw_published = published
        return list(nlp(doc)._.pw_events)

    return run


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


def write(path: Path, content: str | bytes = "Some report text.\n") -> Path:
    """Write a test file, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def named(events: list[Event], type_: str | None = None, factuality: str | None = None) -> dict[str, Event]:
    """Events keyed by surname (last word of the person's name)."""
    out = {}
    for e in events:
        if e.person and (type_ is None or e.type == type_) and (factuality is None or e.factuality == factuality):
            out[e.person.split()[-1]] = e
    return out


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    """A database with the bundled sample corpus, ingested once per session. Tests must not change it."""
    from purgewatch.store import Store
    from purgewatch.workflow import ingest, sample_corpus_path

    url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.db'}"
    assert ingest([sample_corpus_path() / "texts"], Store(url)).ok
    return url


PG_URL = os.environ.get("PURGEWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture()
def pg_url():
    """A fresh schema on the PostgreSQL server (.ci/run starts it); skipped when there is no server."""
    try:
        engine = create_engine(PG_URL)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS pw_test CASCADE"))
            conn.execute(text("CREATE SCHEMA pw_test"))
        engine.dispose()
    except Exception as exc:  # any failure to reach the server means: no PostgreSQL here
        if os.environ.get("PURGEWATCH_REQUIRE_PG"):
            pytest.fail(f"no PostgreSQL server at {PG_URL}: {exc}", pytrace=False)
        pytest.skip(f"no PostgreSQL server at {PG_URL}: {exc.__class__.__name__}")
    yield PG_URL + "?options=-csearch_path%3Dpw_test"
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS pw_test CASCADE"))
    engine.dispose()




def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run tests marked slow (processes, browsers, whole corpora); CI always does")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests run in CI (CI=true), with --run-slow, or when chosen with -m; a local run skips them."""
    if config.getoption("--run-slow") or os.environ.get("CI") or config.getoption("-m"):
        return
    skip = pytest.mark.skip(reason="slow: runs in CI, or locally with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
