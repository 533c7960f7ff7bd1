"""Plain-text renderings of an EvalReport: a summary for every run, an error list for --verbose."""

from __future__ import annotations

from purgewatch.evaluate.scoring import (
    ArgumentCounts,
    Counts,
    EvalReport,
    EventScore,
    Pair,
    Record,
)

SNIPPET_CHARS = 120


def _ratio(value: float, denominator: int) -> str:
    # "n/a" rather than 0.000 when nothing was there to score: a zero would read as a failure.
    return f"{value:.3f}" if denominator else "  n/a"


def _prf(counts: Counts) -> str:
    return (
        f"precision {_ratio(counts.precision, counts.tp + counts.fp)}  "
        f"recall {_ratio(counts.recall, counts.tp + counts.fn)}  "
        f"F1 {_ratio(counts.f1, counts.tp + counts.fp + counts.fn)}  "
        f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"
    )


def _type_table(score: EventScore) -> list[str]:
    lines = [f"  {'type':<14} {'tp':>4} {'fp':>4} {'fn':>4}  {'precision':>9}  {'recall':>6}  {'F1':>5}"]
    for name, c in score.per_type.items():
        if c.tp + c.fp + c.fn == 0:
            continue  # types absent from both files only add noise
        lines.append(
            f"  {name:<14} {c.tp:>4} {c.fp:>4} {c.fn:>4}  {_ratio(c.precision, c.tp + c.fp):>9}  "
            f"{_ratio(c.recall, c.tp + c.fn):>6}  {_ratio(c.f1, c.tp + c.fp + c.fn):>5}"
        )
    return lines


def _accuracy(c: ArgumentCounts) -> str:
    return f"{_ratio(c.accuracy, c.total)} ({c.correct}/{c.total})"


def format_report(report: EvalReport) -> str:
    """The summary `purgewatch eval` prints: headline first, then the per-type table, arguments and groups."""
    overall = report.arguments.overall
    lines = [
        f"Named events (strict):  {_prf(report.strict.counts)}",
        f"Named events (relaxed): {_prf(report.relaxed.counts)}",
        "",
        "Per type (strict):",
        *_type_table(report.strict),
        "",
        f"Arguments: accuracy {_accuracy(overall)}",
        *(
            f"  {name:<12} accuracy {_accuracy(c)}  spurious {c.spurious}"
            for name, c in report.arguments.per_argument.items()
        ),
        f"Spurious arguments: {overall.spurious}",
        "",
        f"Group events: {_prf(report.groups.counts)}",
    ]
    return "\n".join(lines)


def _snippet(text: object) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1] + "…"


def _line(record: Record, note: str) -> str:
    who = record.get("person") or (record.get("group") or {}).get("description") or "?"
    return f"  [{record.get('doc')}] {record.get('type')} {who}{note}: \"{_snippet(record.get('evidence'))}\""


def _errors(title: str, score: EventScore) -> list[str]:
    # A pairing explains why its record is an error ("gold says speculative"); look it up by identity.
    by_pred = {id(p.pred): p for p in score.pairs}
    by_gold = {id(p.gold): p for p in score.pairs}

    def note(pair: Pair | None, gold_side: bool) -> str:
        if pair is None:
            return " (unpaired)"
        if gold_side:
            return f" (predicted as {pair.pred.get('factuality')})"
        return f" (gold has it as {pair.gold.get('factuality')})"

    lines = [f"False positives ({title}): {len(score.false_positives)}"]
    lines += [_line(r, note(by_pred.get(id(r)), gold_side=False)) for r in score.false_positives]
    lines.append(f"False negatives ({title}): {len(score.false_negatives)}")
    lines += [_line(r, note(by_gold.get(id(r)), gold_side=True)) for r in score.false_negatives]
    return lines


def format_errors(report: EvalReport) -> str:
    """Every false positive and false negative of the strict named and the group scores, for --verbose."""
    return "\n".join([*_errors("named, strict", report.strict), "", *_errors("groups", report.groups)])
