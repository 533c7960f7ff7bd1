"""The CLI as a user runs it: real files, real database, real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from purgewatch.cli.main import app

runner = CliRunner()

TEXT = """Purge widens

21 June 2024

On May 14, Defense Minister Pavel Grekov was dismissed by the president. Instead, Igor Lavrov was
appointed as the new Minister of Defense. On June 3, police arrested Deputy Minister Oleg Sitnikov.
He was accused of taking bribes.
"""


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "purge.txt").write_text(TEXT, encoding="utf-8")
    return folder


def test_cli_every_command_has_help_with_example():
    for name in ("ingest", "events", "person", "export", "eval"):
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example:" in result.output, name


def test_cli_ingest_then_query(corpus, db_url):
    result = run("ingest", str(corpus), "--db", db_url)
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "Ten latest events" in result.output
    again = run("ingest", str(corpus), "--db", db_url)
    assert "1 unchanged" in again.output
    out = run("events", "--db", db_url, "--type", "arrested", "--format", "json")
    records = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["person"], r["date"]) for r in records] == [("Oleg Sitnikov", "2024-06-03")]
    person = run("person", "Grekov", "--db", db_url)
    assert person.exit_code == 0 and "dismissed" in person.output
    csv_out = run("events", "--db", db_url, "--format", "csv")
    assert csv_out.output.splitlines()[0].startswith("doc,type,person")


def test_cli_export_jsonl_is_spec_records(corpus, db_url, tmp_path):
    run("ingest", str(corpus), "--db", db_url)
    out = tmp_path / "events.jsonl"
    result = run("export", "--db", db_url, "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0
    keys = ["doc", "type", "person", "group", "position", "org", "date", "replaces", "replaced_by", "charge",
            "agent", "factuality", "evidence"]
    lines = out.read_text().splitlines()
    assert lines and all(list(json.loads(line)) == keys for line in lines)


@pytest.mark.parametrize("args,message", [
    (("events", "--since", "yesterday-ish"), "invalid date"),
    (("events", "--type", "promoted"), "unknown event type"),
    (("events", "--db", "nosuchdb://x"), "bad database URL"),
    (("events", "--format", "xml"), "unknown format"),
])
def test_cli_errors_are_one_line(args, message, db_url):
    full = list(args) + ([] if "--db" in args else ["--db", db_url])
    result = run(*full)
    assert result.exit_code != 0
    text = result.output + (result.stderr if result.stderr_bytes else "")
    assert message in text and "Traceback" not in text


def test_cli_bad_files_reported_rest_goes_on(corpus, db_url):
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    (corpus / "empty.txt").write_text("")
    result = run("ingest", str(corpus), str(corpus / "notes.docx"), "--db", db_url)
    assert result.exit_code == 1
    assert "1 added" in result.output
    assert "empty.txt" in result.output and "notes.docx" in result.output


def test_cli_eval_on_prediction_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    rec = {"doc": "d", "type": "dismissed", "person": "Ivan Petrov", "group": None, "position": None, "org": None,
           "date": None, "replaces": None, "replaced_by": None, "charge": None, "agent": None,
           "factuality": "asserted", "evidence": "x", "core": True}
    gold.write_text(json.dumps(rec) + "\n")
    result = run("eval", "--gold", str(gold), "--pred", str(gold), "--json")
    assert json.loads(result.output)["named"]["strict"]["f1"] == 1.0
