"""The ingest use case: the extractor version follows the ontology, and a document whose extraction
failed is reported by name while the rest of the batch is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import purgewatch.extract.rules as rules
from purgewatch.cli.main import app
from purgewatch.ontology import ONTOLOGY_ENV
from purgewatch.store import Store
from purgewatch.workflow import extraction_code_hash, extractor_version

BUNDLED = Path(__file__).resolve().parents[2] / "src" / "purgewatch" / "ontology" / "ontology.yaml"
TEXTS = {
    "popov.txt": "General Ivan Popov was dismissed as commander of the 58th Army on 3 May 2023.",
    "vetrov.txt": "BAD: Colonel Oleg Vetrov was arrested on 4 May 2023.",
    "lazin.txt": "Marshal Semyon Lazin was appointed chief of the General Staff on 5 May 2023.",
}
runner = CliRunner()


@pytest.fixture(autouse=True)
def _own_ontology_env(monkeypatch):
    """`--ontology` sets $PURGEWATCH_ONTOLOGY for the process: restore it after each test."""
    monkeypatch.setenv(ONTOLOGY_ENV, str(BUNDLED))  # registers the original state for the undo
    monkeypatch.delenv(ONTOLOGY_ENV)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _ontology_with_extra_cue(tmp_path: Path) -> Path:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    data["cues"].append({"type": "dismissed", "lemmas": ["defenestrate"], "patient": ["object"]})
    out = tmp_path / "onto" / "ontology.yaml"
    out.parent.mkdir()
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def _ingest(*args: str):
    return runner.invoke(app, ["ingest", "-q", *args])


def test_service_ingest_version_names_ontology_and_code(tmp_path):
    changed = _ontology_with_extra_cue(tmp_path)
    assert len(extraction_code_hash()) == 12
    assert extractor_version() != extractor_version(ontology=str(changed))
    assert f"code {extraction_code_hash()}" in extractor_version()


def test_service_ingest_changed_ontology_replaces_same_one_changes_nothing(corpus, tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    first = _ingest(str(corpus), "--db", db)
    assert first.exit_code == 0 and "3 added" in first.output
    same = _ingest(str(corpus), "--db", db)
    assert same.exit_code == 0 and "3 unchanged" in same.output
    changed = _ontology_with_extra_cue(tmp_path)
    again = _ingest(str(corpus), "--db", db, "--ontology", str(changed))
    assert again.exit_code == 0 and "3 replaced" in again.output, again.output
    stable = _ingest(str(corpus), "--db", db, "--ontology", str(changed))
    assert stable.exit_code == 0 and "3 unchanged" in stable.output, stable.output


def test_service_ingest_failed_extraction_is_reported_and_batch_goes_on(corpus, tmp_path, monkeypatch):
    real = rules.gapped_sentences

    def fragile(asm, found):  # a rule that breaks on one document of three
        if asm.doc.text.startswith("BAD"):
            raise ValueError("rule broke")
        return real(asm, found)

    monkeypatch.setattr(rules, "gapped_sentences", fragile)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = _ingest(str(corpus), "--db", db)
    assert result.exit_code == 1
    assert "2 added" in result.output and "1 failed" in result.output
    assert "vetrov.txt: extraction failed (pw_events: ValueError: rule broke)" in result.stderr
    store = Store(db)
    assert store.stored_state("vetrov") is None
    assert {e["person"] for e in store.events()} >= {"Ivan Popov", "Semyon Lazin"}
