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
    assert set(onto.type_names) == SPEC_TYPES
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
    from purgewatch.extract.pipeline import load_pipeline
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("xx_no_such_pipeline")


def test_ontology_type_properties_are_data():
    onto = load_ontology()
    assert onto.starts == {"appointed"}
    assert set(onto.removals) == {"dismissed", "resigned", "retired"}
    assert onto.ends["executed"] == "executed" and "appointed" not in onto.ends
    assert onto.ends_only_with_post == {"arrested"}
    assert onto.factual == {"asserted", "reported"}
    assert onto.factuality_values == ("asserted", "reported", "speculative", "negated")
    assert onto.relaxed("resigned") == onto.relaxed("dismissed") != onto.relaxed("arrested")
    assert set(onto.with_argument("charge")) == {"arrested", "charged", "convicted"}
    assert onto.colour("appointed").startswith("#")


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d["event_types"]["appointed"].update(family="beginning"), "needs a 'family'"),
    (lambda d: d["event_types"]["appointed"].update(colour="green"), "'colour'"),
    (lambda d: d["event_types"]["appointed"].update(removal="yes please"), "'removal' must be true or false"),
    (lambda d: d["event_types"]["appointed"].update(arguments=["victim"]), "'arguments'"),
    (lambda d: d["event_types"]["appointed"].update(size=3), "unknown field"),
    (lambda d: d["event_types"]["released"].update(ends_tenure_only_with_post=True), "needs 'ends_tenure'"),
    (lambda d: d["factuality"].pop("values"), "factuality.values"),
    (lambda d: d.update(lexicon={"x": "not a list"}), "lexicon"),
    (lambda d: d.update(versoin=2), "unknown top-level"),
])
def test_ontology_malformed_type_fails_clearly(mutate, message):
    data = _raw()
    mutate(data)
    with pytest.raises(OntologyError, match=message):
        parse_ontology(data)


def test_ontology_unknown_word_list_names_it():
    with pytest.raises(OntologyError, match="no word list 'nope'"):
        load_ontology().words("nope")


@pytest.mark.parametrize("name,mutate,message", [
    ("posts.yaml", lambda d: d.pop("drop_words"), "missing 'drop_words'"),
    ("posts.yaml", lambda d: d.update(fields=["x"]), "'fields' must be"),
    ("posts.yaml", lambda d: d["countries"].update(Atlantis={"capital": ["X"]}), "Atlantis"),
    ("posts.yaml", lambda d: d["era_rules"].append({"country": "Russia"}), "era rule"),
    ("backgrounds.yaml", lambda d: d.update(order=["military"]), "'order' must list every label"),
    ("backgrounds.yaml", lambda d: d["negated"].append({"phrase": "x", "label": "pirate"}), "negated entry"),
    ("backgrounds.yaml", lambda d: d.update(labels={"x": "y"}), "'labels'"),
])
def test_ontology_companion_files_are_validated(tmp_path, monkeypatch, name, mutate, message):
    """posts.yaml and backgrounds.yaml beside a chosen ontology are validated with OntologyError, naming the file."""
    from importlib import resources

    from purgewatch.ontology import load_backgrounds_data, load_posts_data
    folder = tmp_path / "onto"
    folder.mkdir()
    (folder / "ontology.yaml").write_text(resources.files("purgewatch.ontology").joinpath("ontology.yaml").read_text())
    data = yaml.safe_load(resources.files("purgewatch.ontology").joinpath(name).read_text())
    mutate(data)
    (folder / name).write_text(yaml.safe_dump(data))
    monkeypatch.setenv("PURGEWATCH_ONTOLOGY", str(folder / "ontology.yaml"))
    loader = load_posts_data if name == "posts.yaml" else load_backgrounds_data
    with pytest.raises(OntologyError, match=message) as info:
        loader()
    assert name in str(info.value)


def test_ontology_digest_changes_with_any_file(tmp_path):
    from importlib import resources
    folder = tmp_path / "onto"
    folder.mkdir()
    text = resources.files("purgewatch.ontology").joinpath("ontology.yaml").read_text()
    (folder / "ontology.yaml").write_text(text)
    same = load_ontology(folder / "ontology.yaml")
    assert same.digest == load_ontology().digest
    (folder / "posts.yaml").write_text(resources.files("purgewatch.ontology").joinpath("posts.yaml").read_text()
                                       + "\n# a comment is a change\n")
    assert load_ontology(folder / "ontology.yaml").digest != same.digest
