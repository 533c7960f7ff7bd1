"""The whole flow on real documents: ingest a folder with its manifest, then score against gold."""

from __future__ import annotations

import json

import pytest
from conftest import DEV
from typer.testing import CliRunner

from purgewatch.cli.main import app
from purgewatch.workflow import sample_corpus_path

runner = CliRunner()


def ingest_and_score(folder, gold, db_url) -> dict:
    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "-q"])
    assert result.exit_code == 0, result.output
    scored = runner.invoke(app, ["eval", "--gold", str(gold), "--db", db_url, "--json"])
    assert scored.exit_code == 0, scored.output
    return json.loads(scored.output)


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev is not beside the repository")
def test_end_to_end_dev_corpus_f1(db_url):
    scores = ingest_and_score(DEV / "texts", DEV / "gold.jsonl", db_url)
    assert scores["named"]["strict"]["f1"] >= 0.70


@pytest.mark.slow
def test_end_to_end_sample_corpus(db_url):
    folder = sample_corpus_path()
    scores = ingest_and_score(folder / "texts", folder / "gold.jsonl", db_url)
    assert scores["named"]["strict"]["f1"] >= 0.60


@pytest.mark.slow
@pytest.mark.parametrize("corpus,min_f1,min_precision", [("heldout", 0.60, 0.80), ("blind", 0.55, 0.70)])
def test_end_to_end_unseen_corpus_floor(db_url, corpus, min_f1, min_precision):
    """Floors under the scores on text the rules were not written on (docs/accuracy.md), against regressions."""
    from conftest import REPO
    folder = REPO / "tests" / "data" / corpus
    scores = ingest_and_score(folder / "texts", folder / "gold.jsonl", db_url)
    assert scores["named"]["strict"]["f1"] >= min_f1
    assert scores["named"]["strict"]["precision"] >= min_precision
