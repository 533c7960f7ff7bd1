"""Storage: idempotent re-ingestion, replacement of a changed document's events only, queries."""

from __future__ import annotations

from datetime import date

import pytest

from purgewatch.errors import DatabaseError
from purgewatch.records import Event, Group, Mention, SourceDocument
from purgewatch.store import Store
from purgewatch.store.repository import EventFilter

EXTRACTOR = "test-extractor"


def doc(doc_id: str, text: str = "Text.") -> SourceDocument:
    return SourceDocument(doc_id=doc_id, text=text, published=date(2024, 6, 21))


def event(person: str | None, type_: str = "dismissed", when: str | None = "2024-05-14", **kw) -> Event:
    return Event(type=type_, person=person, evidence="Text.", start=0, end=5, date=when, **kw)


def test_store_save_is_idempotent(db_url):
    store = Store(db_url)
    d = doc("a")
    assert store.save(d, [event("Ivan Petrov")], EXTRACTOR) == "added"
    assert store.save(d, [event("Ivan Petrov")], EXTRACTOR) == "unchanged"
    assert len(store.events()) == 1


def test_store_changed_document_replaces_only_its_own_events(db_url):
    store = Store(db_url)
    store.save(doc("a"), [event("Ivan Petrov")], EXTRACTOR)
    store.save(doc("b"), [event("Oleg Orlov", "arrested")], EXTRACTOR)
    assert store.save(doc("a", "New text."), [event("Anna Sidorova", "appointed")], EXTRACTOR) == "replaced"
    people = sorted(r["person"] for r in store.events())
    assert people == ["Anna Sidorova", "Oleg Orlov"]


def test_store_mentions_saved_with_document_and_replaced_with_it(db_url):
    store = Store(db_url)
    text = "Ivan Petrov met Oleg Orlov."
    spans = [Mention("Oleg Orlov", 16, 26), Mention("Ivan Petrov", 0, 11)]
    store.save(doc("m", text), [event("Ivan Petrov")], EXTRACTOR, mentions=spans)
    assert store.mentions("m") == [Mention("Ivan Petrov", 0, 11), Mention("Oleg Orlov", 16, 26)]
    store.save(doc("m", "Oleg Orlov resigned."), [], EXTRACTOR, mentions=[Mention("Oleg Orlov", 0, 10)])
    assert store.mentions("m") == [Mention("Oleg Orlov", 0, 10)]
    assert store.mentions("nope") == []


def test_store_keeps_evidence_and_group(db_url):
    store = Store(db_url)
    ev = Event(type="dismissed", person=None, evidence="Three deputies were dismissed.", start=10, end=40,
               group=Group("three deputies", 3), factuality="asserted")
    store.save(doc("g"), [ev], EXTRACTOR)
    (rec,) = store.events()
    assert rec["group"] == {"description": "three deputies", "count": 3}
    assert (rec["start"], rec["end"], rec["evidence"]) == (10, 40, "Three deputies were dismissed.")


@pytest.mark.parametrize("flt,expected", [
    (EventFilter(type="arrested"), ["Oleg Orlov"]),
    (EventFilter(type="arrested,appointed"), ["Oleg Orlov", "Anna Sidorova"]),
    (EventFilter(person="Petrov"), ["Ivan Petrov"]),
    (EventFilter(person="ivan petrov"), ["Ivan Petrov"]),
    (EventFilter(since="2024-05-15"), ["Oleg Orlov", "Anna Sidorova"]),
    (EventFilter(until="2024-05"), ["Ivan Petrov", "Oleg Orlov"]),
    (EventFilter(until="2024-05-15"), ["Ivan Petrov"]),
    (EventFilter(since="2024-06", until="2024"), ["Anna Sidorova"]),
    (EventFilter(org="navy"), ["Anna Sidorova"]),
    (EventFilter(doc="b"), ["Oleg Orlov"]),
])
def test_store_filters(db_url, flt, expected):
    store = Store(db_url)
    store.save(doc("a"), [event("Ivan Petrov")], EXTRACTOR)
    store.save(doc("b"), [event("Oleg Orlov", "arrested", "2024-05-20")], EXTRACTOR)
    store.save(doc("c"), [event("Anna Sidorova", "appointed", "2024-06", position="commander of the navy")], EXTRACTOR)
    assert [r["person"] for r in store.events(flt)] == expected


def test_store_bad_url_is_a_clear_error():
    with pytest.raises(DatabaseError, match="bad database URL"):
        Store("nosuchdb://x")


def test_store_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="does not exist"):
        Store(f"sqlite:///{tmp_path}/missing/dir/x.db")


def test_store_migrations_recorded(db_url):
    from sqlalchemy import text
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "0005_mentions"


def test_database_from_the_first_schema_upgrades_without_loss(tmp_path):
    from alembic import command
    from sqlalchemy import text

    from purgewatch.store.db import alembic_config, open_engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = open_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001_initial")
        conn.execute(text("insert into documents (id, language, content_hash, text, extractor, ingested_at) "
                          "values ('old', 'en', 'h', 'Old text.', 'x', '2024-01-01')"))
    engine.dispose()
    store = Store(url)  # opening migrates to the newest revision
    with store.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "0005_mentions"
        assert conn.execute(text("select id from documents")).scalars().all() == ["old"]
    assert store.resolve_people() == 0
