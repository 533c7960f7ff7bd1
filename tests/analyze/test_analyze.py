"""Analytics (issue 8): burst detection, periods, the comparison checked against the corpus gold, the
background classifier, and the HTML report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from purgewatch.analyze.backgrounds import accuracy, classify
from purgewatch.analyze.compare import Period
from purgewatch.analyze.waves import burst_states, detect
from purgewatch.cli.main import app
from purgewatch.errors import PurgewatchError
from purgewatch.store import Store
from purgewatch.workflow import import_records, sample_corpus_path

runner = CliRunner()
SAMPLE = sample_corpus_path()
PERIODS = ["1937-01-01:1941-06-22", "2023-06-01:2025-12-31"]
BACKGROUNDS = Path(__file__).resolve().parents[1] / "data" / "backgrounds" / "gold.jsonl"


def test_burst_states_mark_a_run_of_high_months():
    counts = [0, 1, 0, 0, 0, 9, 12, 8, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]
    assert burst_states(counts) == [0] * 5 + [1, 1, 1] + [0] * 10
    assert burst_states([2] * 12) == [0] * 12  # a steady rate is no wave
    assert burst_states([]) == []


def test_waves_report_start_end_peak_and_organisations():
    events = [{"type": "arrested", "date": f"2020-{m:02d}", "person": f"P{m}", "org": "Ministry of X"}
              for m in (1, 7)]
    events += [{"type": "dismissed", "date": "2022-03-0" + str(d), "person": f"Q{d}", "org": "General Staff"}
               for d in range(1, 9)]
    events += [{"type": "arrested", "date": "2022-04", "person": "R", "org": "General Staff"},
               {"type": "appointed", "date": "2022-03", "person": "S"}]  # appointments are not removals
    (wave,) = detect(events)
    assert (wave.start, wave.end, wave.peak, wave.events) == ("2022-03", "2022-04", "2022-03", 9)
    assert wave.top_orgs[0] == ("General Staff", 9) and wave.by_type == {"dismissed": 8, "arrested": 1}


@pytest.mark.parametrize(("day", "inside"), [("1937", True), ("1941-06", True), ("1941-06-22", True),
                                             ("1941-06-23", False), ("1936-12-31", False), ("", False)])
def test_period_contains_dates_at_any_precision(day, inside):
    assert (day in Period.parse("1937-01-01:1941-06-22")) is inside


@pytest.mark.parametrize("bad", ["1937", "1941:1937", "1937-01-01-1941", "a:b"])
def test_period_parse_rejects(bad):
    with pytest.raises(PurgewatchError):
        Period.parse(bad)


def gold_counts(period: str) -> dict[str, int]:
    """The comparison's counts computed straight from the gold file: distinct people per kind of event."""
    p = Period.parse(period)
    people: dict[str, set[str]] = {"removals": set(), "arrests": set(), "executions": set(), "appointments": set()}
    kinds = {"dismissed": "removals", "resigned": "removals", "retired": "removals", "arrested": "arrests",
             "executed": "executions", "appointed": "appointments"}
    for line in (SAMPLE / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("person") and r["type"] in kinds and r["factuality"] in {"asserted", "reported"} and r.get("date") in p:
            people[kinds[r["type"]]].add(r["person"])
    return {k: len(v) for k, v in people.items()}


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('gold') / 'gold.db'}"
    report = import_records(SAMPLE / "gold.jsonl", Store(url), texts=SAMPLE / "texts")
    assert report.ok and len(report.added) == 10
    return url


def test_compare_counts_match_the_corpus_gold(gold_db):
    out = runner.invoke(app, ["compare", "--period", PERIODS[0], "--period", PERIODS[1], "--db", gold_db,
                              "--format", "json"])
    assert out.exit_code == 0, out.output
    columns = json.loads(out.output)
    for period, col in zip(PERIODS, columns, strict=True):
        assert col["period"] == period
        assert {k: col[k] for k in ("removals", "arrests", "executions", "appointments")} == gold_counts(period)
    old, new = columns
    assert old["executions"] > 0 and new["executions"] == 0
    assert old["charges"].get("treason") and new["charges"].get("bribery")
    assert new["backgrounds"]["technocrat"] >= 1  # the economist at the defence ministry
    assert 0 <= old["later_arrested_share"] <= 1


def test_compare_prints_both_columns_on_the_extracted_sample(sample_db):
    out = runner.invoke(app, ["compare", "--period", PERIODS[0], "--period", PERIODS[1], "--db", sample_db],
                        terminal_width=200)
    assert out.exit_code == 0, out.output
    assert PERIODS[0] in out.output and PERIODS[1] in out.output
    for measure in ("Removals", "Arrests", "Executions", "Appointments", "later arrested", "Median tenure",
                    "Appointees: military", "Charge:"):
        assert measure in out.output
    out = runner.invoke(app, ["compare", "--period", "1941:1937", "--db", sample_db])
    assert out.exit_code == 1 and "ends before it starts" in out.output


def test_waves_command_on_the_sample(sample_db):
    out = runner.invoke(app, ["waves", "--db", sample_db, "--format", "json"])
    assert out.exit_code == 0, out.output
    waves = json.loads(out.output)
    assert {w["country"] for w in waves} >= {"USSR", "Russia"}
    ussr = next(w for w in waves if w["country"] == "USSR")
    assert ussr["start"] <= "1937-05" <= ussr["end"]
    out = runner.invoke(app, ["waves", "--db", sample_db, "--country", "Atlantis"])
    assert out.exit_code == 1 and "no waves" in out.output


def test_report_is_one_self_contained_file(sample_db, tmp_path):
    target = tmp_path / "report.html"
    out = runner.invoke(app, ["report", "-o", str(target), "--db", sample_db, "--period", PERIODS[0],
                              "--period", PERIODS[1]])
    assert out.exit_code == 0, out.output
    html = target.read_text(encoding="utf-8")
    for section in ("Waves over time", "Removals and arrests by organisation", "Charges",
                    "Succession of the most purged posts", "Comparison of periods"):
        assert section in html
    assert "<script" not in html and "src=" not in html and "href=\"http" not in html
    assert html.count("<svg") >= 3


@pytest.mark.parametrize(("sentence", "label"), [
    ("Colonel General Pyotr Marin, who had commanded the 3rd Army, was appointed deputy minister.", "military"),
    ("The economist Lev Sorokin, who has no military background, was named minister.", "technocrat"),
    ("Ivan Dudin, a veteran NKVD officer, was appointed head of the directorate.", "security"),
    ("Party secretary Oleg Rakov, a member of the Central Committee, became the new commissar.", "party"),
    ("Yuri Belkin was appointed to the post on Monday.", "unknown"),
])
def test_background_classifier_on_invented_sentences(sentence, label):
    name = sentence.split(",")[0].split()[-2:] if label != "unknown" else ["Yuri", "Belkin"]
    person = " ".join(w for w in name if w[:1].isupper())
    assert classify(sentence, [person, person.split()[-1]]).label == label


@pytest.mark.skipif(not BACKGROUNDS.exists(), reason="no background gold yet")
def test_background_classifier_accuracy_against_hand_labels():
    from purgewatch.ingest import iter_documents

    gold = [json.loads(x) for x in BACKGROUNDS.read_text(encoding="utf-8").splitlines() if x.strip()]
    texts, posts = {}, {}
    heldout = Path(__file__).resolve().parents[1] / "data" / "heldout"
    for folder, events in ((SAMPLE / "texts", SAMPLE / "gold.jsonl"), (heldout / "texts", heldout / "gold.jsonl")):
        texts.update({d.doc_id: d.text for d in iter_documents([folder]) if hasattr(d, "doc_id")})
        for line in events.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["type"] == "appointed" and r.get("person"):
                posts.setdefault((r["doc"], r["person"]), []).append(r.get("position") or "")
    result = accuracy(gold, texts, posts)
    assert result["n"] == len(gold) >= 40
    assert result["accuracy"] >= 0.6, result
