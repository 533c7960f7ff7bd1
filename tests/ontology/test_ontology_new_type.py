"""Adding an event type is one YAML edit: a type the bundled ontology does not have flows through
extraction, the store, tenures, comparisons, the exports, the scorer and the web app."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from purgewatch.cli.main import app

runner = CliRunner()

REPORT = """Admiral exiled

12 March 2021

Admiral Oleg Varnavin, the commander of the Northern Fleet, was banished to a remote garrison on 3 March
by order of the president. Captain Ilya Sotov was appointed commander of the Northern Fleet in his place.
"""


@pytest.fixture()
def exile_ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = yaml.safe_load(resources.files("purgewatch.ontology").joinpath("ontology.yaml").read_text("utf-8"))
    data["event_types"]["banished"] = {"family": "end", "label": "Banished", "colour": "#0a9396",
                                       "ends_tenure": "banished", "removal": True, "wave": True,
                                       "relaxed": "end_of_tenure", "arguments": ["successor"]}
    data["cues"].append({"type": "banished", "lemmas": ["banish", "exile"], "patient": ["object"], "successor": "by"})
    path = tmp_path / "onto" / "ontology.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("PURGEWATCH_ONTOLOGY", str(path))
    return path


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_ontology_new_type_flows_everywhere(tmp_path: Path, exile_ontology: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "exile.txt").write_text(REPORT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    _invoke("ingest", str(texts), "--db", db, "--ontology", str(exile_ontology))

    # extraction and the store: the new type is extracted and filtered by name
    rows = [json.loads(line) for line in _invoke("events", "--db", db, "--type", "banished", "--format", "json").splitlines()
            if line.strip()]
    assert [r["person"] for r in rows] == ["Oleg Varnavin"]
    assert rows[0]["date"] == "2021-03-03"

    # analysis: the tenure ends with the new type's end cause; the comparison counts it as a removal
    career = _invoke("career", "Varnavin", "--db", db, "--format", "json")
    assert "banished" in career
    compare = _invoke("compare", "--db", db, "--period", "2021-01-01:2021-12-31", "--period", "2022-01-01:2022-12-31")
    assert "Removals" in compare

    # exports: the spec's JSONL and FollowTheMoney
    out = tmp_path / "events.jsonl"
    _invoke("export", "--db", db, "--format", "jsonl", "-o", str(out))
    assert any(json.loads(line)["type"] == "banished" for line in out.read_text().splitlines())
    ftm = tmp_path / "ftm.json"
    _invoke("export", "--db", db, "--format", "ftm", "-o", str(ftm))
    assert "Banished" in ftm.read_text() or "banished" in ftm.read_text()

    # the scorer accepts gold of the new type
    gold = tmp_path / "gold.jsonl"
    gold.write_text(out.read_text())
    assert "banished" in _invoke("eval", "--db", db, "--gold", str(gold))

    # the web app: the type in the filter list with its colour, and in the API
    from purgewatch.serve.app import create_app
    client = TestClient(create_app(db))
    page = client.get("/events").text
    assert "banished" in page
    assert client.get("/api/events", params={"type": "banished"}).json()["total"] == 1
    assert "#0a9396" in client.get("/").text
