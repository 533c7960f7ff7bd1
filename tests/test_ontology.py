"""The ontology is data: it loads, and a malformed file fails at load time with a clear message."""

from __future__ import annotations

import pytest
import yaml

from purgewatch.errors import ModelError, OntologyError
from purgewatch.ontology import load_ontology
from purgewatch.ontology.schema import parse_ontology

SPEC_TYPES = {"appointed", "dismissed", "resigned", "retired", "arrested", "charged", "convicted", "executed",
              "released"}
SPEC_CHARGES = {"bribery", "embezzlement", "fraud", "abuse_of_office", "treason", "espionage", "negligence",
                "terrorism", "extremism", "other"}


def test_ontology_bundled_covers_the_spec():
    onto = load_ontology()
    assert set(onto.event_types) == SPEC_TYPES
    assert set(onto.charges) == SPEC_CHARGES
    assert {c.type for c in onto.cues} == SPEC_TYPES


def _raw() -> dict:
    from importlib import resources
    return yaml.safe_load(resources.files("purgewatch.ontology").joinpath("ontology.yaml").read_text())


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d.pop("cues"), "'cues' must be a non-empty list"),
    (lambda d: d["cues"].append({"type": "promoted", "lemmas": ["promote"], "patient": ["object"]}), "not one of"),
    (lambda d: d["cues"].append({"type": "appointed", "patient": ["object"]}), "exactly one of"),
    (lambda d: d["cues"].append({"type": "appointed", "lemmas": ["x"], "patient": ["nowhere"]}), "'patient'"),
    (lambda d: d["cues"].append({"type": "appointed", "pattern": [{"LOWER": False}], "patient": ["object"]}), "quote it"),
    (lambda d: d["charges"].update({"piracy": ["pirate"]}), "'charges'"),
    (lambda d: d["cues"].append({"type": "appointed", "lemmas": ["x"], "patient": ["object"], "colour": 1}), "unknown field"),
])
def test_ontology_malformed_fails_clearly(mutate, message):
    data = _raw()
    mutate(data)
    with pytest.raises(OntologyError, match=message):
        parse_ontology(data)


def test_ontology_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "onto.yaml"
    bad.write_text("cues: [unclosed")
    with pytest.raises(OntologyError, match="onto.yaml"):
        load_ontology(bad)


def test_pipeline_unknown_model_is_a_clear_error():
    from purgewatch.nlp import load_pipeline
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("xx_no_such_pipeline")
