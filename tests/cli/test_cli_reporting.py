"""What `purgewatch ingest` says about problem files: warnings do not fail the run, names are printed as they are."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from purgewatch.cli.main import app

runner = CliRunner()
TEXT = "Purge widens\n\nOn May 14, Defense Minister Pavel Grekov was dismissed by the president.\n"


def test_cli_manifest_warning_keeps_document_and_exit_code(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "manifest.jsonl").write_text(json.dumps({"file": "a.txt", "doc": "report-a", "published": "2024-13-45"}) + "\n")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "warning:" in result.output and "manifest.jsonl" in result.output
    events = runner.invoke(app, ["events", "--db", db, "--format", "json"]).output
    assert "report-a" in events


def test_cli_failure_names_are_not_read_as_markup(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "[bold]x.txt").write_text("", encoding="utf-8")  # empty: rejected, by name
    (folder / "[red]y.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'x.db'}", "--quiet"])
    assert result.exit_code == 1
    assert "[bold]x.txt" in result.output and "[red]y.txt" in result.output
