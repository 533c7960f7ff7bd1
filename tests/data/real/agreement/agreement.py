"""Inter-annotator agreement on the double-annotated documents: named-event F1 between the two annotators'
core records (first annotator's as gold, second's as predictions; F1 is symmetric), with the spec's scorer.

    python tests/data/real/agreement/agreement.py
"""

from __future__ import annotations

from pathlib import Path

from purgewatch.evaluate import load_records, score

HERE = Path(__file__).resolve().parent
REAL = HERE.parent


def main() -> None:
    second = load_records(HERE / "gold_second.jsonl")
    docs = {r["doc"] for r in second}
    first = [r for split in ("dev", "blind") for r in load_records(REAL / split / "gold.jsonl") if r["doc"] in docs]

    def core(records: list[dict]) -> list[dict]:
        return [r for r in records if r.get("core")]

    rep = score(core(first), core(second)).to_dict()
    strict, relaxed = rep["named"]["strict"], rep["named"]["relaxed"]
    print(f"documents: {len(docs)}; core named records: first {sum(1 for r in core(first) if r.get('person'))}, "
          f"second {sum(1 for r in core(second) if r.get('person'))}")
    print(f"named-event F1 strict {strict['f1']:.3f} (P {strict['precision']:.3f} R {strict['recall']:.3f}); "
          f"relaxed {relaxed['f1']:.3f}; argument agreement {rep['arguments']['overall']['accuracy']:.3f}")


if __name__ == "__main__":
    main()
