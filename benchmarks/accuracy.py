"""Accuracy on every corpus, from a fresh ingest each: named-event P/R/F1 (strict and relaxed) and argument
accuracy, with the spec's scorer (`purgewatch eval`). Optionally writes each corpus's predictions as JSONL,
so two versions of the code can be compared record by record (`--predictions DIR`).

    python benchmarks/accuracy.py                       # all corpora
    python benchmarks/accuracy.py --corpus blind --predictions /tmp/after
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from purgewatch.evaluate import load_records, score
from purgewatch.store import Store
from purgewatch.workflow import ingest, predictions, sample_corpus_path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "dev": (ROOT.parent / "shared" / "corpus" / "dev" / "texts", ROOT.parent / "shared" / "corpus" / "dev" / "gold.jsonl"),
    "heldout": (ROOT / "tests" / "data" / "heldout" / "texts", ROOT / "tests" / "data" / "heldout" / "gold.jsonl"),
    "blind": (ROOT / "tests" / "data" / "blind" / "texts", ROOT / "tests" / "data" / "blind" / "gold.jsonl"),
    "sample": (sample_corpus_path() / "texts", sample_corpus_path() / "gold.jsonl"),
    "real-dev": (ROOT / "tests" / "data" / "real" / "dev" / "texts", ROOT / "tests" / "data" / "real" / "dev" / "gold.jsonl"),
    "real-blind": (ROOT / "tests" / "data" / "real" / "blind" / "texts",
                   ROOT / "tests" / "data" / "real" / "blind" / "gold.jsonl"),
}


def run(name: str, texts: Path, gold: Path, out: Path | None) -> dict[str, float | int | str]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/x.db")
        ingest([texts], store)
        preds = predictions(store)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        lines = sorted(json.dumps(p, sort_keys=True, ensure_ascii=False) for p in preds)
        (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold_records = load_records(gold)
    docs = {g["doc"] for g in gold_records}
    report = score(gold_records, [p for p in preds if p["doc"] in docs]).to_dict()
    strict, relaxed, args = report["named"]["strict"], report["named"]["relaxed"], report["arguments"]
    return {"corpus": name, "P": strict["precision"], "R": strict["recall"], "F1": strict["f1"],
            "F1 relaxed": relaxed["f1"], "args": args["overall"]["accuracy"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=list(CORPORA), help="corpora to score (default: all present)")
    parser.add_argument("--predictions", type=Path, help="write each corpus's predictions to DIR/NAME.jsonl")
    a = parser.parse_args()
    names = a.corpus or [n for n, (t, g) in CORPORA.items() if t.is_dir() and g.is_file()]
    print("| corpus | P | R | F1 strict | F1 relaxed | args |\n|---|---|---|---|---|---|")
    for name in names:
        texts, gold = CORPORA[name]
        r = run(name, texts, gold, a.predictions)
        print(f"| {r['corpus']} | {r['P']:.3f} | {r['R']:.3f} | {r['F1']:.3f} | {r['F1 relaxed']:.3f} | {r['args']:.3f} |",
              flush=True)


if __name__ == "__main__":
    main()
