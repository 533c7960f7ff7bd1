"""People, posts and tenures across documents, through the real extractor (issue 4).

Fixtures: tests/data/people/ (invented reports in nine documents, with a manifest of dates).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import model
from typer.testing import CliRunner

from purgewatch.analyze.queries import all_tenures, person_career, post_succession, who
from purgewatch.cli.main import app
from purgewatch.errors import PurgewatchError
from purgewatch.store import Store
from purgewatch.workflow import ingest

PEOPLE = Path(__file__).resolve().parents[1] / "data" / "people"
runner = CliRunner()


@pytest.fixture(scope="module")
def people_db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('people') / 'people.db'}"
    report = ingest([PEOPLE], Store(url))
    assert report.ok
    return url


def test_three_spellings_in_three_documents_are_one_person(people_db):
    store = Store(people_db)
    pid, _display = store.find_person("Yuri Kuznetsov")
    names = store.person_names(pid)
    assert {n["name"] for n in names} == {"Yury Kuznetsov", "Yuri Kuznetsov", "Iurii Kuznetsov"}
    assert {n["doc"] for n in names} == {"p6", "p7", "p8"}
    assert all(n["reason"] for n in names)
    from purgewatch.store.repository import EventFilter
    assert {e["type"] for e in store.events(EventFilter(person_id=pid))} == {"arrested", "charged", "convicted"}


def test_two_popovs_stay_apart(people_db):
    store = Store(people_db)
    ivan, _ = store.find_person("Ivan Popov")
    pavel, _ = store.find_person("Pavel Popov")
    assert ivan != pavel
    with pytest.raises(PurgewatchError, match="ambiguous"):
        store.find_person("Popov")
    _, _, career = person_career(store, "Pavel Popov")
    assert [(t.post, t.start, t.end, t.end_cause) for t in career] == [
        ("Minister of Transport", "2009-02-01", "2012-08-19", "dismissed")]


def test_succession_chain_of_four_holders_from_four_documents(people_db):
    answer = post_succession(Store(people_db), "Transport Minister")
    chain = [(t.person, t.start, t.end) for t in answer.tenures]
    assert [c[0] for c in chain] == ["Oleg Marenko", "Ilya Sorin", "Pavel Popov", "Ivan Ivanovich Popov"]
    assert chain[0][1:] == ("2001-03-04", "2005-06-09")
    assert chain[1][1] == "2005-06-09"
    assert answer.tenures[0].successor == "Ilya Sorin" and "successor" not in answer.tenures[0].inferred
    assert answer.tenures[3].predecessor == "Pavel Popov"
    docs = {s.doc for t in answer.tenures for s in t.start_sources + t.end_sources}
    assert {"p1", "p2", "p3", "p4"} <= docs


def test_conflicting_sources_are_kept_side_by_side(people_db):
    answer = post_succession(Store(people_db), "minister of transport")
    sorin = next(t for t in answer.tenures if t.person == "Ilya Sorin")
    assert sorin.end_cause == "resigned | dismissed"
    assert {s.doc for s in sorin.end_sources} == {"p3", "p5"}
    assert any("p3" in c and "p5" in c for c in sorin.conflicts)
    assert sorin.end == "2009-02-01"  # the first source's date is not overwritten


def test_who_held_the_post_on_a_date(people_db):
    store = Store(people_db)
    assert [t.person for t in who(store, "Minister of Transport", "2007-01-01").tenures] == ["Ilya Sorin"]
    assert [t.person for t in who(store, "Transport Minister", "2013").tenures] == ["Ivan Ivanovich Popov"]
    assert who(store, "Minister of Transport", "1999").tenures == []
    with pytest.raises(PurgewatchError, match="no events or holders"):
        who(store, "Minister of Fisheries", "2010")


def test_holder_mention_dates_a_tenure(people_db):
    _, _, career = person_career(Store(people_db), "Ivan Popov")
    transport = next(t for t in career if t.post == "Minister of Transport")
    assert ("p9", "2013-03-05") in {(s.doc, s.date) for s in transport.held_on}


def test_merge_and_split_survive_reingestion(tmp_path):
    folder = tmp_path / "people"
    shutil.copytree(PEOPLE, folder)
    url = f"sqlite:///{tmp_path / 'p.db'}"
    store = Store(url)
    ingest([folder], store)
    store.add_override("merge", "Oleg Marenko", "Ilya Sorin")
    assert store.find_person("Oleg Marenko") == store.find_person("Ilya Sorin")
    store.add_override("split", "Yury Kuznetsov", "Iurii Kuznetsov")
    assert store.find_person("Iurii Kuznetsov") != store.find_person("Yury Kuznetsov")
    # a changed document is re-extracted and resolution rebuilt: the corrections still hold
    p2 = folder / "p2_marenko_dismissed.txt"
    p2.write_text(p2.read_text(encoding="utf-8") + "\nThe ministry declined to comment.\n", encoding="utf-8")
    report = ingest([folder], store)
    assert report.replaced == ["p2"]
    assert store.find_person("Oleg Marenko") == store.find_person("Ilya Sorin")
    assert store.find_person("Iurii Kuznetsov") != store.find_person("Yury Kuznetsov")
    assert [o["kind"] for o in store.overrides()] == ["merge", "split"]


def test_cli_people_commands(people_db):
    out = runner.invoke(app, ["succession", "Minister of Transport", "--db", people_db])
    assert out.exit_code == 0, out.output
    assert "conflict: end cause: resigned (p3) vs dismissed (p5)" in out.output
    out = runner.invoke(app, ["succession", "Minister of Transport", "--db", people_db, "--format", "json"])
    assert [t["person"] for t in json.loads(out.output)][:3] == ["Oleg Marenko", "Ilya Sorin", "Pavel Popov"]
    out = runner.invoke(app, ["who", "transport minister", "--on", "2010-05-01", "--db", people_db])
    assert out.exit_code == 0 and "Pavel Popov" in out.output
    out = runner.invoke(app, ["career", "Iurii Kuznetsov", "--db", people_db, "--format", "json"])
    assert out.exit_code == 0
    out = runner.invoke(app, ["person", "Popov", "--db", people_db])
    assert out.exit_code == 1 and "ambiguous" in out.output
    out = runner.invoke(app, ["who", "Minister of Transport", "--on", "yesterday", "--db", people_db])
    assert out.exit_code != 0


def test_sample_corpus_defense_minister_succession(sample_db):
    out = runner.invoke(app, ["succession", "Minister of Defense", "--db", sample_db], terminal_width=200)
    assert out.exit_code == 0, out.output
    text = out.output
    assert text.index("Sergei Shoigu") < text.index("Andrei Belousov")
    out = runner.invoke(app, ["succession", "Defence Minister", "--db", sample_db, "--format", "json"])
    chain = json.loads(out.output)
    assert [(t["person"], t["end_cause"], t["successor"]) for t in chain][:2] == [
        ("Sergei Shoigu", "dismissed", "Andrei Belousov"), ("Andrei Belousov", None, None)]
    assert chain[1]["start"] == "2024-05-14" and chain[1]["start_sources"][0]["evidence"]
    assert chain[0]["start"] == "2012-11"  # "who had led the ministry since November 2012"
    assert chain[0]["start_sources"][0]["kind"] == "held since"
    assert "2024-05" in text and "05_shoigu_belousov" in text


def test_ftm_export_of_sample_corpus_validates(sample_db, tmp_path):
    target = tmp_path / "sample.ftm.json"
    out = runner.invoke(app, ["export", "--format", "ftm", "-o", str(target), "--db", sample_db])
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    ids = {d["id"] for d in lines}
    schemata = {d["schema"] for d in lines}
    assert {"Person", "Position", "Organization", "Occupancy", "Event"} <= schemata
    for data in lines:
        proxy = model.get_proxy(data, cleaned=False)
        schema = proxy.schema
        for prop_name in schema.required:
            assert proxy.get(prop_name), (schema.name, prop_name, data)
        for prop, value in proxy.itervalues():
            assert prop.type.validate(value), (schema.name, prop.name, value)
            if prop.type.name == "entity":
                assert value in ids, (schema.name, prop.name, value)
        assert model.get_proxy(proxy.to_dict()).to_dict() == proxy.to_dict()  # survives FtM's own cleaning
    occupancies = [d for d in lines if d["schema"] == "Occupancy"]
    assert all(d["properties"].get("holder") and d["properties"].get("post") for d in occupancies)
    shoigu = next(d for d in lines if d["schema"] == "Person" and "Sergei Shoigu" in d["properties"]["name"])
    ended = [d for d in occupancies if d["properties"]["holder"] == [shoigu["id"]]
             and "dismissed" in " ".join(d["properties"].get("description", []))]
    assert ended and "succeeded by Andrei Belousov" in ended[0]["properties"]["description"][0]


def test_graphml_export_reads_back(people_db, tmp_path):
    target = tmp_path / "net.graphml"
    out = runner.invoke(app, ["export", "--format", "graphml", "-o", str(target), "--db", people_db])
    assert out.exit_code == 0, out.output
    g = nx.read_graphml(target)
    labels = {n: d["label"] for n, d in g.nodes(data=True)}
    edges = {(labels[a], labels[b]) for a, b, d in g.edges(data=True) if d["kind"] == "succeeded"}
    assert ("Oleg Marenko", "Ilya Sorin") in edges and ("Ilya Sorin", "Pavel Popov") in edges


def test_tenures_from_all_people(people_db):
    _, tenures = all_tenures(Store(people_db))
    assert {t.post for t in tenures} >= {"Minister of Transport"}


def test_cli_merge_and_split(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    ingest([PEOPLE], Store(url))
    out = runner.invoke(app, ["merge", "Oleg Marenko", "Ilya Sorin", "--db", url])
    assert out.exit_code == 0, out.output
    assert "now has 2 spelling(s) in 4 document(s)" in out.output
    out = runner.invoke(app, ["split", "Oleg Marenko", "--db", url])
    assert out.exit_code == 0, out.output
    assert "Oleg Marenko" in out.output and "Ilya Sorin" in out.output
    assert Store(url).find_person("Oleg Marenko") != Store(url).find_person("Ilya Sorin")
    out = runner.invoke(app, ["merge", "Nobody Atall", "Ilya Sorin", "--db", url])
    assert out.exit_code == 1 and "no person named 'Nobody Atall'" in out.output


def test_an_execution_after_dismissal_does_not_open_a_second_tenure():
    from purgewatch.analyze.tenures import build_tenures

    base = {"doc": "d", "person": "Yan Garin", "person_id": "p1", "position": "head of the directorate",
            "post_key": "head of directorate", "factuality": "asserted", "evidence": "x"}
    events = [{**base, "type": "appointed", "date": "1929"}, {**base, "type": "dismissed", "date": "1937-05-30"},
              {**base, "type": "executed", "date": "1937-05-31"}]
    (tenure,) = build_tenures(events)
    assert (tenure.start, tenure.end, tenure.end_cause) == ("1929", "1937-05-30", "dismissed")


def test_who_had_held_the_post_since_a_date_starts_the_tenure(nlp):
    from datetime import date

    from purgewatch.analyze.tenures import build_tenures

    doc = nlp.make_doc("Pavel Orlov was dismissed as governor of the region on 3 March 2021, replacing nobody; "
                       "Orlov, who had run the region since May 2014, left the same day.")
    doc._.pw_published = date(2021, 3, 4)
    doc = nlp(doc)
    since = [h for h in doc._.pw_holdings if h.since]
    assert [(h.person, h.date) for h in since] == [("Pavel Orlov", "2014-05")]
    events = [{**e.to_record("d"), "person_id": "p", "post_key": "governor of region", "start": e.start}
              for e in doc._.pw_events if e.person]
    holdings = [{"doc": "d", "person": h.person, "person_id": "p", "position": h.position,
                 "post_key": "governor of region", "date": h.date, "since": h.since, "evidence": h.evidence}
                for h in since]
    (tenure,) = build_tenures(events, holdings)
    assert (tenure.start, tenure.end, tenure.end_cause) == ("2014-05", "2021-03-03", "dismissed")
