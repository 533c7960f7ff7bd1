"""The scorer against the contract in shared/spec/events.md ("Scoring").

The loader (evaluate/io.py) and the text report (evaluate/report.py) are tested here too, since
they only exist to feed and show the scorer; their tests are named test_io_* and test_report_*.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from purgewatch.errors import GoldError
from purgewatch.evaluate import (
    content_tokens,
    dates_match,
    end_of_tenure,
    event_types,
    format_errors,
    format_report,
    load_records,
    positions_match,
    relaxed_types,
    score,
)

DEV_GOLD = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev" / "gold.jsonl"


def ev(person: str | None = "Timur Ivanov", type: str = "arrested", doc: str = "d1", **fields: Any) -> dict[str, Any]:
    """A record in the interchange format; unspecified fields are null, factuality asserted."""
    record: dict[str, Any] = {
        "doc": doc, "type": type, "person": person, "group": None, "position": None, "org": None,
        "date": None, "replaces": None, "replaced_by": None, "charge": None, "agent": None,
        "factuality": "asserted", "evidence": f"{person} was {type}.",
    }
    record.update(fields)
    return record


def grp(description: str, type: str = "dismissed", doc: str = "d1", **fields: Any) -> dict[str, Any]:
    return ev(None, type, doc, group={"description": description, "count": None}, **fields)


def counts(report_part: Any) -> tuple[int, int, int]:
    c = report_part.counts
    return c.tp, c.fp, c.fn


# ---------------------------------------------------------------- positions, dates


@pytest.mark.parametrize(
    ("texts", "tokens"),
    [
        (("People’s Commissar of War",), {"people", "commissar", "war"}),
        (("People's Commissar of War",), {"people", "commissar", "war"}),
        (("Peoples Commissar of War",), {"people", "commissar", "war"}),
        (("the deputies of the Minister",), {"deputy", "minister"}),
        (("Chief of the General Staff",), {"head", "general", "staff"}),
        (("chiefs", "Ministry of Defence"), {"head", "ministry", "defense"}),
        (("head of the Army’s Political Department", "Red Army"), {"head", "army", "political", "department", "red"}),
        (("former first deputy",), {"deputy"}),
        ((None, None), set()),
    ],
)
def test_scoring_content_tokens(texts: tuple[str | None, ...], tokens: set[str]) -> None:
    assert content_tokens(*texts) == tokens


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (("Minister of Defense", None), ("Defence Minister", None), True),
        (("Deputy Defense Minister", "Ministry of Defense"), ("deputy minister of defence", None), True),
        # 3 of 6 gold tokens found, 3 of 4 predicted tokens in gold.
        (("head of the main personnel department", "Defense Ministry"),
         ("chief of the Main Personnel Directorate", None), True),
        (("People's Commissar of War", "People’s Commissariat of War"), ("People’s Commissar", None), True),
        (("Chief of the General Staff", "Russian Armed Forces"), ("head of the general staff", None), True),
        (("editor", "Pravda"), ("editor-in-chief", "Pravda"), True),
        # 2 of 6 gold tokens: under half.
        (("commander of the 58th Army", "Southern Military District"), ("commander of the 20th Army", None), False),
        # 1 of 5 predicted tokens in gold: under a third.
        (("Minister of Defense", None), ("Deputy Prime Minister and Minister of Economic Development", None), False),
        (("Minister of Defense", None), (None, None), False),
    ],
)
def test_scoring_positions_match(gold: tuple[str | None, str | None], pred: tuple[str | None, str | None],
                                 expected: bool) -> None:
    g = ev(position=gold[0], org=gold[1])
    p = ev(position=pred[0], org=pred[1])
    assert positions_match(g, p) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("2024-05-14", "2024-05-14", True),
        ("2024-05", "2024-05-14", True),
        ("1940", "1940-06", True),
        ("1940", "1940", True),
        ("2024-05-14", "2024-05-14T00:00:00", True),
        ("2024-05", "2024", False),  # less precise than gold
        ("2024-05-14", "2024-05", False),
        ("2024-05-14", "2024-05-15", False),
        ("1940", "1941-01-01", False),
        ("2024-05", "May 2024", False),
        ("2024-05", None, False),
    ],
)
def test_scoring_dates_match(gold: str, pred: str | None, expected: bool) -> None:
    assert dates_match(gold, pred) is expected


# ---------------------------------------------------------------- named events


SMALL_GOLD = [
    ev("Timur Ivanov", "arrested", date="2024-04-24", position="Deputy Defense Minister"),
    ev("Timur Ivanov", "charged", charge="bribery"),
    ev("Sergei Shoigu", "dismissed", date="2024-05-14", replaced_by="Andrei Belousov"),
    ev("Sergei Shoigu", "appointed", date="2012", core=False),
    ev("Andrei Belousov", "appointed", date="2024-05", replaces="Sergei Shoigu", position="Minister of Defense"),
    ev("Valery Gerasimov", "dismissed", factuality="speculative", core=False),
    grp("three deputy ministers", date="2024-06-17"),
    grp("hundreds of officers", "arrested", factuality="speculative", core=False),
]


def test_scoring_gold_against_itself_is_perfect() -> None:
    report = score(SMALL_GOLD, copy.deepcopy(SMALL_GOLD))
    for part in (report.strict, report.relaxed):
        assert counts(part) == (4, 0, 0)
        assert part.counts.f1 == 1.0
    assert report.arguments.overall.accuracy == 1.0
    assert report.arguments.overall.total == 8  # 2 + 1 + 2 + 3 arguments filled in core gold
    assert report.arguments.overall.spurious == 0
    assert counts(report.groups) == (1, 0, 0)


def test_scoring_dev_gold_against_itself_is_perfect() -> None:
    if not DEV_GOLD.exists():
        pytest.skip(f"dev gold not found at {DEV_GOLD} (shared/ is checked out beside the repo)")
    gold = load_records(DEV_GOLD)
    report = score(gold, copy.deepcopy(gold))
    must_find = [g for g in gold if g.get("core", True) and g["factuality"] in ("asserted", "reported")]
    named = [g for g in must_find if g["person"]]
    assert counts(report.strict) == (len(named), 0, 0)
    assert counts(report.relaxed) == (len(named), 0, 0)
    assert report.strict.counts.f1 == report.relaxed.counts.f1 == 1.0
    assert report.arguments.overall.total > 0
    assert report.arguments.overall.accuracy == 1.0
    assert report.arguments.overall.spurious == 0
    assert counts(report.groups) == (len(must_find) - len(named), 0, 0)


def test_scoring_types_come_from_the_ontology() -> None:
    assert event_types() == ("appointed", "dismissed", "resigned", "retired", "arrested", "charged",
                             "convicted", "executed", "released")
    assert end_of_tenure() == "end_of_tenure"
    assert relaxed_types() == ("appointed", "end_of_tenure", "arrested", "charged", "convicted", "executed",
                               "released")


def test_scoring_strict_and_relaxed_end_of_tenure() -> None:
    gold = [ev("Shaposhnikov", "retired", replaced_by="K.A. Meretskov")]
    pred = [ev("Shaposhnikov", "dismissed", replaced_by="Meretskov")]
    report = score(gold, pred)
    assert counts(report.strict) == (0, 1, 1)
    assert report.strict.per_type["dismissed"].fp == 1
    assert report.strict.per_type["retired"].fn == 1
    assert counts(report.relaxed) == (1, 0, 0)
    assert report.relaxed.per_type[end_of_tenure()].tp == 1
    # Arguments are scored on strict true positives only.
    assert report.arguments.overall.total == 0


def test_scoring_relaxed_keeps_other_types_apart() -> None:
    report = score([ev("Voroshilov", "dismissed")], [ev("Voroshilov", "appointed")])
    assert counts(report.relaxed) == (0, 1, 1)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (ev("Timur Ivanov"), ev("Тимур Иванов"), (1, 0, 0)),
        (ev("K.A. Meretskov", "appointed"), ev("Meretskov", "appointed"), (1, 0, 0)),
        (ev("L. Kaganovich", "dismissed"), ev("Lazar Kaganovich", "dismissed"), (1, 0, 0)),
        (ev("Timur Ivanov"), ev("Ivan Popov"), (0, 1, 1)),
        (ev("Timur Ivanov", doc="d1"), ev("Timur Ivanov", doc="d2"), (0, 1, 1)),
        (ev("Timur Ivanov", "arrested"), ev("Timur Ivanov", "charged"), (0, 1, 1)),
    ],
)
def test_scoring_pairs_on_doc_type_and_surname(gold: dict[str, Any], pred: dict[str, Any],
                                               expected: tuple[int, int, int]) -> None:
    assert counts(score([gold], [pred]).strict) == expected


@pytest.mark.parametrize(
    ("gold_factuality", "gold_core", "pred_factuality", "expected"),
    [
        ("asserted", True, "asserted", (1, 0, 0)),
        ("reported", True, "asserted", (1, 0, 0)),
        ("asserted", True, "reported", (1, 0, 0)),
        ("asserted", True, "speculative", (0, 0, 1)),  # ignored, but the gold event is missed
        ("asserted", True, "negated", (0, 0, 1)),
        ("speculative", True, "speculative", (0, 0, 0)),
        ("negated", True, "negated", (0, 0, 0)),
        ("asserted", False, "asserted", (0, 0, 0)),  # non-core gold: neither right nor wrong
        ("asserted", False, "speculative", (0, 0, 0)),
        ("speculative", False, "speculative", (0, 0, 0)),  # speculative prediction, only non-core gold
        ("speculative", True, "asserted", (0, 1, 0)),  # asserting what gold only speculates
        ("speculative", False, "asserted", (0, 1, 0)),  # ... even when that gold is non-core
        ("negated", True, "reported", (0, 1, 0)),
    ],
)
def test_scoring_core_and_factuality_rules(gold_factuality: str, gold_core: bool, pred_factuality: str,
                                           expected: tuple[int, int, int]) -> None:
    gold = [ev("Valery Gerasimov", "dismissed", factuality=gold_factuality, core=gold_core)]
    pred = [ev("Valery Gerasimov", "dismissed", factuality=pred_factuality)]
    report = score(gold, pred)
    assert counts(report.strict) == expected
    assert len(report.strict.pairs) == 1


@pytest.mark.parametrize(("factuality", "expected"), [("speculative", (0, 0, 0)), ("negated", (0, 0, 0)),
                                                       ("asserted", (0, 1, 0)), ("reported", (0, 1, 0))])
def test_scoring_unpaired_prediction(factuality: str, expected: tuple[int, int, int]) -> None:
    report = score([], [ev("Valery Gerasimov", "dismissed", factuality=factuality)])
    assert counts(report.strict) == expected


@pytest.mark.parametrize(
    ("factuality", "core", "expected"),
    [("asserted", True, (0, 0, 1)), ("reported", True, (0, 0, 1)), ("asserted", False, (0, 0, 0)),
     ("speculative", True, (0, 0, 0)), ("negated", True, (0, 0, 0))],
)
def test_scoring_unpaired_gold(factuality: str, core: bool, expected: tuple[int, int, int]) -> None:
    report = score([ev(factuality=factuality, core=core)], [])
    assert counts(report.strict) == expected


def test_scoring_missing_factuality_and_core_default_to_asserted_core() -> None:
    gold = ev()
    del gold["factuality"]
    pred = ev()
    del pred["factuality"]
    assert counts(score([gold], [pred]).strict) == (1, 0, 0)


@pytest.mark.parametrize("pred_date", [None, "2024-05", "2012"])
def test_scoring_prefers_core_gold(pred_date: str | None) -> None:
    """A prediction fitting a core and a non-core record is the core one's true positive, even
    when its date fits the optional background event better."""
    gold = [
        ev("Sergei Shoigu", "appointed", date="2012", position="Minister of Defense", core=False),
        ev("Sergei Shoigu", "appointed", date="2024-05", position="Minister of Defense"),
    ]
    report = score(gold, [ev("Sergei Shoigu", "appointed", date=pred_date, position="Minister of Defense")])
    assert counts(report.strict) == (1, 0, 0)
    assert report.strict.pairs[0].gold is gold[1]
    assert report.arguments.per_argument["date"].correct == int(pred_date == "2024-05")


def test_scoring_a_true_positive_beats_an_absorbed_prediction() -> None:
    gold = [ev("Mekhlis", "appointed", position="editor", core=False), ev("Mekhlis", "appointed", position="head")]
    pred = [ev("Mekhlis", "appointed", position="editor"), ev("Mekhlis", "appointed", position="editor")]
    report = score(gold, pred)
    assert counts(report.strict) == (1, 0, 0)
    assert len(report.strict.ignored) == 1


def test_scoring_speculative_prediction_does_not_take_a_true_positive() -> None:
    gold = [ev("Gerasimov", "dismissed")]
    pred = [ev("Gerasimov", "dismissed", factuality="speculative", evidence=gold[0]["evidence"]),
            ev("Gerasimov", "dismissed", evidence="something else")]
    assert counts(score(gold, pred).strict) == (1, 0, 0)


def test_scoring_pairs_by_most_matching_arguments() -> None:
    gold = [
        ev("Mekhlis", "appointed", position="deputy Chairman of the Council of People's Commissars"),
        ev("Mekhlis", "appointed", position="head of the State Control Commission"),
        ev("Mekhlis", "appointed", position="editor", org="Pravda"),
    ]
    pred = [
        ev("L. Mekhlis", "appointed", position="editor of Pravda", evidence="x"),
        ev("L. Mekhlis", "appointed", position="People’s Commissars deputy chairman", evidence="x"),
        ev("L. Mekhlis", "appointed", position="chief of State Control", evidence="x"),
    ]
    report = score(gold, pred)
    assert counts(report.strict) == (3, 0, 0)
    assert report.arguments.per_argument["position"].accuracy == 1.0


def test_scoring_pairing_is_globally_best_not_greedy() -> None:
    """p1 fits both gold records with two arguments, p2 only the first: a greedy pass taking
    p1-g1 first would leave p2-g2 with none; the best pairing gets all four."""
    gold = [
        ev("Popov", "appointed", date="2024-01", replaces="Petrov"),
        ev("Popov", "appointed", charge="bribery", position="governor"),
    ]
    pred = [
        ev("Popov", "appointed", date="2024-01", replaces="Petrov", charge="bribery", position="governor"),
        ev("Popov", "appointed", date="2024-01", replaces="Petrov"),
    ]
    report = score(gold, pred)
    assert counts(report.strict) == (2, 0, 0)
    overall = report.arguments.overall
    assert (overall.correct, overall.total) == (4, 4)
    assert overall.spurious == 2  # p1's date and replaces, which its gold (g2) leaves empty


def test_scoring_duplicate_prediction_is_a_false_positive() -> None:
    report = score([ev()], [ev(), ev()])
    assert counts(report.strict) == (1, 1, 0)
    assert len(report.strict.false_positives) == 1


def test_scoring_micro_average_and_per_type() -> None:
    gold = [ev("A Alpha", "arrested"), ev("B Bravo", "arrested"), ev("C Charlie", "appointed"),
            ev("D Delta", "executed")]
    pred = [ev("A Alpha", "arrested"), ev("C Charlie", "appointed"), ev("E Echo", "appointed")]
    report = score(gold, pred)
    assert counts(report.strict) == (2, 1, 2)
    assert report.strict.counts.precision == pytest.approx(2 / 3)
    assert report.strict.counts.recall == pytest.approx(2 / 4)
    assert report.strict.counts.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    per_type = report.strict.per_type
    assert (per_type["arrested"].tp, per_type["arrested"].fn) == (1, 1)
    assert (per_type["appointed"].tp, per_type["appointed"].fp) == (1, 1)
    assert per_type["executed"].fn == 1
    assert report.strict.false_negatives == [gold[1], gold[3]]
    assert report.strict.false_positives == [pred[2]]


def test_scoring_empty_inputs() -> None:
    report = score([], [])
    assert counts(report.strict) == (0, 0, 0)
    assert report.strict.counts.f1 == 0.0
    assert report.arguments.overall.accuracy == 0.0


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    ("gold_fields", "pred_fields", "argument", "correct"),
    [
        ({"position": "Minister of Defense"}, {"position": "Defence Minister"}, "position", True),
        ({"position": "Minister of Defense"}, {"position": "governor"}, "position", False),
        ({"position": "Minister of Defense"}, {}, "position", False),
        ({"org": "Red Army"}, {"position": "Red Army commander"}, "position", True),
        ({"date": "2024-05"}, {"date": "2024-05-14"}, "date", True),
        ({"date": "2024-05"}, {"date": "2024"}, "date", False),
        ({"replaces": "Sergei Shoigu"}, {"replaces": "Сергей Шойгу"}, "replaces", True),
        ({"replaces": "Sergei Shoigu"}, {"replaces": "Andrei Belousov"}, "replaces", False),
        ({"replaced_by": "K.A. Meretskov"}, {"replaced_by": "Meretskov"}, "replaced_by", True),
        ({"charge": "bribery"}, {"charge": "bribery"}, "charge", True),
        ({"charge": "bribery"}, {"charge": "fraud"}, "charge", False),
        ({"charge": "bribery"}, {"charge": "Bribery"}, "charge", False),  # charges compare exactly
    ],
)
def test_scoring_argument_accuracy(gold_fields: dict[str, str], pred_fields: dict[str, str], argument: str,
                                   correct: bool) -> None:
    report = score([ev(**gold_fields)], [ev(**pred_fields)])
    per_argument = report.arguments.per_argument
    assert (per_argument[argument].correct, per_argument[argument].total) == (int(correct), 1)
    assert report.arguments.overall.total == 1


@pytest.mark.parametrize("argument", ["date", "replaces", "replaced_by", "charge", "position"])
def test_scoring_spurious_argument(argument: str) -> None:
    value = {"date": "2024", "replaces": "Petrov", "replaced_by": "Petrov", "charge": "fraud",
             "position": "governor"}[argument]
    report = score([ev()], [ev(**{argument: value})])
    assert report.arguments.per_argument[argument].spurious == 1
    assert report.arguments.overall.spurious == 1
    assert report.arguments.overall.total == 0


def test_scoring_arguments_only_on_true_positives() -> None:
    gold = [ev(charge="bribery", core=False), ev("Popov", charge="fraud")]
    pred = [ev(charge="bribery"), ev("Popov", charge="fraud", factuality="speculative")]
    assert score(gold, pred).arguments.overall.total == 0


# ---------------------------------------------------------------- group events


def test_scoring_groups_pair_one_to_one_in_date_order() -> None:
    gold = [grp("the Red Army leadership", date="1940"), grp("three deputy ministers", date="1937")]
    pred = [grp("some officers"), grp("other officers")]
    report = score(gold, pred)
    assert counts(report.groups) == (2, 0, 0)
    # Undated predictions keep file order; gold goes by date: the earliest gold takes the first.
    assert sorted((p.gold["date"], p.pred["group"]["description"]) for p in report.groups.pairs) == [
        ("1937", "some officers"), ("1940", "other officers")]


def test_scoring_groups_agreeing_dates_pair_first() -> None:
    gold = [grp("a", date="2024-05"), grp("b", date="2024-06-17")]
    pred = [grp("x", date="2024-06-17")]
    report = score(gold, pred)
    assert counts(report.groups) == (1, 0, 1)
    assert report.groups.pairs[0].gold is gold[1]


def test_scoring_groups_counts_and_rules() -> None:
    gold = [
        grp("hundreds of officers", "arrested", factuality="speculative", core=False),
        grp("regional officials", "arrested", charge="fraud"),
        grp("the flower of the Red Army", "executed", core=False),
    ]
    pred = [grp("regional officials", "arrested"), grp("officers", "executed"), grp("ministers", "appointed")]
    report = score(gold, pred)
    # The arrested prediction pairs with the core record, not the speculative one; the executed one
    # is absorbed by non-core gold; the appointed one has no gold.
    assert counts(report.groups) == (1, 1, 0)
    assert report.groups.counts.precision == pytest.approx(0.5)
    assert report.groups.counts.recall == 1.0


def test_scoring_groups_and_named_events_stay_apart() -> None:
    report = score([ev("Timur Ivanov")], [grp("officials", "arrested")])
    assert counts(report.strict) == (0, 0, 1)
    assert counts(report.groups) == (0, 1, 0)


# ---------------------------------------------------------------- report dict


def test_scoring_to_dict_has_stable_keys() -> None:
    empty = score([], []).to_dict()
    full = score(SMALL_GOLD, [ev("Timur Ivanov", "released")]).to_dict()
    assert json.loads(json.dumps(full)) == full

    def shape(d: Any) -> Any:
        return {k: shape(v) for k, v in d.items()} if isinstance(d, dict) else None

    assert shape(empty) == shape(full)
    assert set(full) == {"named", "arguments", "groups"}
    assert set(full["named"]["strict"]) == {"precision", "recall", "f1", "tp", "fp", "fn", "ignored", "per_type"}
    assert list(full["named"]["strict"]["per_type"]) == list(event_types())
    assert list(full["named"]["relaxed"]["per_type"]) == list(relaxed_types())
    assert set(full["arguments"]) == {"overall", "per_argument", "spurious"}
    assert list(full["arguments"]["per_argument"]) == ["position", "date", "replaces", "replaced_by", "charge"]
    assert full["named"]["strict"]["fp"] == 1


# ---------------------------------------------------------------- io


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_io_load_records_skips_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(ev()), "", "   ", json.dumps(ev("Popov", "charged"))])
    records = load_records(path)
    assert [r["person"] for r in records] == ["Timur Ivanov", "Popov"]


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({"type": "arrested"}), "missing field 'doc'"),
        (json.dumps({"doc": "d1"}), "missing field 'type'"),
        (json.dumps({"doc": "", "type": "arrested"}), "missing field 'doc'"),
        (json.dumps({"doc": "d1", "type": "fired"}), "unknown event type 'fired'"),
    ],
)
def test_io_load_records_rejects_malformed_lines(tmp_path: Path, bad_line: str, reason: str) -> None:
    path = write(tmp_path, [json.dumps(ev()), "", bad_line])
    with pytest.raises(GoldError) as excinfo:
        load_records(path)
    assert str(excinfo.value).startswith(f"{path}: line 3: {reason}")


def test_io_load_records_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read"):
        load_records(tmp_path / "absent.jsonl")


# ---------------------------------------------------------------- text report


def test_report_format_report_lines() -> None:
    gold = [ev("A Alpha"), ev("B Bravo", "retired", date="2024")]
    pred = [ev("A Alpha"), ev("B Bravo", "dismissed"), ev("C Charlie")]
    text = format_report(score(gold, pred))
    lines = text.splitlines()
    strict = next(line for line in lines if line.startswith("Named events (strict)"))
    relaxed = next(line for line in lines if line.startswith("Named events (relaxed)"))
    assert "precision 0.333  recall 0.500  F1 0.400  (tp 1, fp 2, fn 1)" in strict
    assert "precision 0.667  recall 1.000  F1 0.800  (tp 2, fp 1, fn 0)" in relaxed
    assert any(line.split()[:4] == ["retired", "0", "0", "1"] for line in lines)
    assert any(line.strip().startswith("date") and "n/a" in line for line in lines)
    assert "Spurious arguments: 0" in lines
    assert any(line.startswith("Group events: precision") and "recall" in line for line in lines)


def test_report_format_errors_lists_records_and_reasons() -> None:
    gold = [ev("Valery Gerasimov", "dismissed", factuality="speculative", evidence="Gerasimov may be next."),
            ev("Sergei Shoigu", "dismissed", evidence="Shoigu was not included.")]
    pred = [ev("Valery Gerasimov", "dismissed"), ev("Sergei Shoigu", "dismissed", factuality="speculative")]
    text = format_errors(score(gold, pred))
    assert "False positives (named, strict): 1" in text
    assert "dismissed Valery Gerasimov (gold has it as speculative)" in text
    assert "False negatives (named, strict): 1" in text
    assert 'dismissed Sergei Shoigu (predicted as speculative): "Shoigu was not included."' in text
