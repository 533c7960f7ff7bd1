"""The same models and migrations on a real PostgreSQL server (CI starts one; see .ci/run)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from purgewatch.records import Event, SourceDocument


def test_store_postgres_roundtrip_and_idempotency(pg_url):
    from purgewatch.store import Store

    store = Store(pg_url)
    d = SourceDocument(doc_id="pg1", text="Ivan Petrov was dismissed.", published=date(2024, 6, 21))
    ev = Event(type="dismissed", person="Ivan Petrov", evidence=d.text, start=0, end=len(d.text), date="2024-06")
    assert store.save(d, [ev], "x") == "added"
    assert store.save(d, [ev], "x") == "unchanged"
    (rec,) = store.events()
    assert (rec["person"], rec["date"], rec["evidence"]) == ("Ivan Petrov", "2024-06", d.text)
    with store.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "0005_mentions"
    # person resolution and analyst overrides use the same tables on PostgreSQL
    d2 = SourceDocument(doc_id="pg2", text="Ivan Petrov was arrested.", published=date(2024, 7, 1))
    ev2 = Event(type="arrested", person="I. Petrov", evidence=d2.text, start=0, end=len(d2.text), date="2024-07")
    store.save(d2, [ev2], "x")
    assert store.resolve_people() == 1
    store.add_override("split", "Ivan Petrov", "I. Petrov")
    assert store.find_person("I. Petrov") != store.find_person("Ivan Petrov")
    store.analyze()  # planner statistics after a large load
    store.close()
