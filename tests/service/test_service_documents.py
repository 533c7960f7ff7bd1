"""The document view links people's names from the stored mention spans, not by searching the text."""

from __future__ import annotations

from purgewatch.records import Mention
from purgewatch.service.documents import document, segments
from purgewatch.service.ingesting import ingest
from purgewatch.store import Store

TEXT = "On June 3, police arrested Deputy Minister Oleg Sitnikov. Sitnikov denied the charges."


def test_service_document_names_come_from_stored_spans(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "s.txt").write_text(TEXT, encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'd.db'}")
    assert ingest([folder], store).ok
    spans = store.mentions("s")
    assert [TEXT[m.start:m.end] for m in spans] == ["Oleg Sitnikov", "Sitnikov"]
    assert all(m.name == "Oleg Sitnikov" for m in spans)
    d = document(store, "s")
    assert d is not None and "".join(s["text"] for s in d["segments"]) == TEXT
    linked = [s["text"] for s in d["segments"] if s["person"]]
    assert linked == ["Oleg Sitnikov", "Sitnikov"]  # the bare surname too: it is a stored mention
    assert len({s["person"] for s in d["segments"] if s["person"]}) == 1
    assert document(store, "nothing") is None


def test_service_document_segments_cut_at_spans_and_events():
    text = "Ivan Orlov was arrested."
    runs = segments(text, [{"id": "e1", "start": 0, "end": len(text)}], [(0, 10, "p1")])
    assert [(r["text"], r["person"], r["events"]) for r in runs] == [
        ("Ivan Orlov", "p1", ["e1"]), (" was arrested.", None, ["e1"])]
    assert Mention("Ivan Orlov", 0, 10).end == 10
