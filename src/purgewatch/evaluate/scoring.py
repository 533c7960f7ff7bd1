"""Score predicted event records against gold ones: the contract in shared/spec/events.md, "Scoring".

Records are the interchange dicts (one JSONL line each). Gold records may carry `core`; a missing
`core` counts as true and a missing `factuality` as "asserted", the defaults of the format.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from purgewatch.normalize.names import fold, surnames_match
from purgewatch.ontology import Ontology, load_ontology

Record = Mapping[str, Any]
Outcome = Literal["true_positive", "false_positive", "missed", "ignored"]
Verdict = Literal["correct", "wrong", "spurious", "empty"]

ARGUMENTS: tuple[str, ...] = ("position", "date", "replaces", "replaced_by", "charge")
TENTATIVE = frozenset({"speculative", "negated"})


def event_types(onto: Ontology | None = None) -> tuple[str, ...]:
    """The spec's event types, in the ontology's order (the strict score's classes)."""
    return (onto or load_ontology()).type_names


def relaxed_types(onto: Ontology | None = None) -> tuple[str, ...]:
    """The relaxed score's classes: the types with the ontology's `relaxed` classes merged in."""
    return (onto or load_ontology()).relaxed_types


def end_of_tenure(onto: Ontology | None = None) -> str:
    """The class the relaxed score puts the ends of tenure (dismissed, resigned, retired) under: the
    `relaxed` property of those types in the ontology ("end_of_tenure")."""
    onto = onto or load_ontology()
    return next(onto.relaxed(t) for t in onto.type_names if onto.is_end_of_tenure(t))


def relaxed_type(event_type: str, onto: Ontology | None = None) -> str:
    """The relaxed score's type: the ends of tenure collapse into one class (`end_of_tenure`)."""
    return (onto or load_ontology()).relaxed(event_type)


# ---------------------------------------------------------------- argument comparison

_SYNONYMS = {"defence": "defense", "chief": "head"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
# "People's" and "ministers'" lose the possessive before tokenising, so they equal "people", "minister".
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?!\w)")
_WORD = re.compile(r"[^\W_]+")


def _singular(token: str) -> str:
    """Strip a plural ending; crude, but both sides go through it, so it only has to be consistent."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"  # deputies -> deputy, ministries -> ministry
    if token.endswith(("sses", "ches", "shes", "xes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def content_tokens(*texts: str | None) -> frozenset[str]:
    """The spec's content tokens of a position and org: folded, no stop words or punctuation, normalised."""
    text = fold(" ".join(t for t in texts if t).translate(_APOSTROPHES))
    text = _POSSESSIVE.sub("", text)
    tokens = set()
    for token in _WORD.findall(text):
        if token in STOP_WORDS:
            continue
        token = _singular(token)
        tokens.add(_SYNONYMS.get(token, token))
    return frozenset(tokens)


def tokens_match(gold: frozenset[str], pred: frozenset[str]) -> bool:
    """At least half the gold tokens are predicted and at least a third of the predicted ones are gold."""
    common = len(gold & pred)
    return 2 * common >= len(gold) and 3 * common >= len(pred)


def positions_match(gold: Record, pred: Record) -> bool:
    """Compare the `position` + `org` of two records on content tokens."""
    return tokens_match(
        content_tokens(gold.get("position"), gold.get("org")),
        content_tokens(pred.get("position"), pred.get("org")),
    )


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T\S*)?")


def _date_fields(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, str):
        return None
    m = _DATE.fullmatch(value.strip())
    return tuple(g for g in m.groups() if g is not None) if m else None


def dates_match(gold: str | None, pred: str | None) -> bool:
    """The prediction is at least as precise as gold and agrees on every field gold gives.

    Gold "2024-05" accepts "2024-05-14" but not "2024"; a malformed gold date only matches itself.
    """
    gold_fields, pred_fields = _date_fields(gold), _date_fields(pred)
    if gold_fields is None:
        return gold is not None and gold == pred
    if pred_fields is None:
        return False
    return len(pred_fields) >= len(gold_fields) and pred_fields[: len(gold_fields)] == gold_fields


@dataclass(frozen=True)
class _Argument:
    """How to read one argument from a record (None when unfilled) and how to compare two values."""

    value: Callable[[Record], Any]
    same: Callable[[Any, Any], bool]


def _field(name: str) -> Callable[[Record], Any]:
    def value(record: Record) -> Any:
        v = record.get(name)
        return None if v is None or (isinstance(v, str) and not v.strip()) else v

    return value


def _position_value(record: Record) -> frozenset[str] | None:
    # Position and org are one argument: the spec compares them as one token set.
    return content_tokens(record.get("position"), record.get("org")) or None


_ARGUMENTS: dict[str, _Argument] = {
    "position": _Argument(_position_value, tokens_match),
    "date": _Argument(_field("date"), dates_match),
    "replaces": _Argument(_field("replaces"), surnames_match),
    "replaced_by": _Argument(_field("replaced_by"), surnames_match),
    "charge": _Argument(_field("charge"), operator.eq),
}


def compare_arguments(gold: Record, pred: Record) -> dict[str, Verdict]:
    """Per argument: correct/wrong when gold fills it, spurious when only the prediction does, else empty."""
    verdicts: dict[str, Verdict] = {}
    for name, arg in _ARGUMENTS.items():
        g, p = arg.value(gold), arg.value(pred)
        if g is not None:
            verdicts[name] = "correct" if p is not None and arg.same(g, p) else "wrong"
        else:
            verdicts[name] = "spurious" if p is not None else "empty"
    return verdicts


# ---------------------------------------------------------------- counts and the report


@dataclass
class Counts:
    """True positives, false positives and false negatives, with micro-averaged P/R/F1 (0.0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True, eq=False)
class Pair:
    """A gold and a predicted record that were paired, and what the pairing counted as."""

    gold: Record
    pred: Record
    outcome: Outcome


@dataclass
class EventScore:
    """One event score (strict, relaxed or groups) with the records behind it, for error analysis."""

    counts: Counts
    per_type: dict[str, Counts]
    pairs: list[Pair] = field(default_factory=list)
    false_positives: list[Record] = field(default_factory=list)
    false_negatives: list[Record] = field(default_factory=list)
    ignored: list[Record] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.counts.to_dict(), "ignored": len(self.ignored),
                "per_type": {t: c.to_dict() for t, c in self.per_type.items()}}


@dataclass
class ArgumentCounts:
    """Arguments gold fills (total), how many the prediction got right, and how many it added unasked."""

    correct: int = 0
    total: int = 0
    spurious: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class ArgumentScore:
    """Argument accuracy over the strict true-positive pairs."""

    per_argument: dict[str, ArgumentCounts]

    @property
    def overall(self) -> ArgumentCounts:
        return ArgumentCounts(
            correct=sum(c.correct for c in self.per_argument.values()),
            total=sum(c.total for c in self.per_argument.values()),
            spurious=sum(c.spurious for c in self.per_argument.values()),
        )

    def to_dict(self) -> dict[str, Any]:
        overall = self.overall
        return {
            "overall": {"correct": overall.correct, "total": overall.total, "accuracy": overall.accuracy},
            "per_argument": {
                name: {"correct": c.correct, "total": c.total, "accuracy": c.accuracy, "spurious": c.spurious}
                for name, c in self.per_argument.items()
            },
            "spurious": overall.spurious,
        }


@dataclass
class EvalReport:
    """The four parts of the spec's score. Headline: `strict.counts.f1`; second: `arguments.overall.accuracy`."""

    strict: EventScore
    relaxed: EventScore
    arguments: ArgumentScore
    groups: EventScore

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable numbers only, with the same keys whatever the input."""
        return {
            "named": {"strict": self.strict.to_dict(), "relaxed": self.relaxed.to_dict()},
            "arguments": self.arguments.to_dict(),
            "groups": self.groups.to_dict(),
        }


# ---------------------------------------------------------------- pairing


def _tentative(record: Record) -> bool:
    return record.get("factuality") in TENTATIVE


def _core(record: Record) -> bool:
    return record.get("core", True) is not False


def _must_find(gold: Record) -> bool:
    """Gold that recall is measured on: core and stated as fact (asserted or reported)."""
    return _core(gold) and not _tentative(gold)


def pair_outcome(gold: Record, pred: Record) -> Outcome:
    """What a pairing counts as, by the spec's core and factuality rules.

    The factuality rule wins over `core`: asserting what gold records only as speculative or negated
    is a false positive even when that gold record is optional, or the rule could never fire on
    gold where speculation is marked non-core.
    """
    if _tentative(pred):
        return "missed" if _must_find(gold) else "ignored"
    if _tentative(gold):
        return "false_positive"
    return "true_positive" if _core(gold) else "ignored"


def _max_weight_matching(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Row-column pairs of a maximum-weight matching; a zero weight means "may not pair".

    The Hungarian algorithm (O(n^3)) on the matrix padded to a square, minimising `top - weight`.
    It runs on one connected group of candidate pairs at a time, so n stays small.
    """
    rows, cols = len(weights), len(weights[0])
    n = max(rows, cols)
    top = max(max(row) for row in weights)

    def cost(i: int, j: int) -> int:
        return top - (weights[i - 1][j - 1] if i <= rows and j <= cols else 0)

    u, v = [0] * (n + 1), [0] * (n + 1)
    match, way = [0] * (n + 1), [0] * (n + 1)  # match[col] = row, 1-based; 0 = free
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv: list[float] = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], math.inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost(i0, j) - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += int(delta)
                    v[j] -= int(delta)
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sorted(
        (match[j] - 1, j - 1) for j in range(1, n + 1)
        if match[j] <= rows and j <= cols and weights[match[j] - 1][j - 1] > 0
    )


def _lexicographic(terms: list[list[tuple[int, ...] | None]]) -> list[list[int]]:
    """Fold per-pair term tuples into integer weights whose sums compare lexicographically.

    Each level's radix exceeds what all lower levels can add up to over a whole matching, so
    gaining one unit on a higher term always beats any gain on lower ones.
    """
    present = [t for row in terms for t in row if t is not None]
    n = min(len(terms), len(terms[0]))
    radices = [n * max(t[k] for t in present) + 1 for k in range(len(present[0]))]
    weights = []
    for row in terms:
        out = []
        for t in row:
            w = 0
            if t is not None:
                for value, radix in zip(t, radices):
                    w = w * radix + value
            out.append(w)
        weights.append(out)
    return weights


# Given one block's gold and predicted records, a function of (gold index, pred index) giving the
# caller's lower-priority terms for that pair; only called on pairs that may pair.
TieBreak = Callable[[Sequence[Record], Sequence[Record]], Callable[[int, int], tuple[int, ...]]]


def _components(edges: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split candidate (gold, pred) edges into connected groups, so each matching problem stays tiny."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for a, b in edges:
        parent[root(("g", a))] = root(("p", b))
    groups: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for a, b in edges:
        groups.setdefault(root(("g", a)), []).append((a, b))
    return list(groups.values())


def _align(
    gold: Sequence[Record],
    pred: Sequence[Record],
    type_key: Callable[[str], str],
    types: Sequence[str],
    compatible: Callable[[Record, Record], bool],
    tiebreak: TieBreak,
) -> EventScore:
    """Pair records one-to-one within each (doc, type) and count the outcomes.

    The matching maximises, in this order: true positives; predictions absorbed by optional gold;
    then the caller's terms (matching arguments, or date order for groups); then the number of
    pairs. The first two make a prediction that fits both a core and a non-core gold record
    pair with the core one, and let every true positive be found.
    """
    blocks: dict[tuple[Any, str], tuple[list[int], list[int]]] = {}
    for i, g in enumerate(gold):
        blocks.setdefault((g.get("doc"), type_key(str(g.get("type")))), ([], []))[0].append(i)
    for j, p in enumerate(pred):
        blocks.setdefault((p.get("doc"), type_key(str(p.get("type")))), ([], []))[1].append(j)

    matched: list[tuple[int, int]] = []
    for gi, pj in blocks.values():
        if not gi or not pj:
            continue
        block_gold, block_pred = [gold[i] for i in gi], [pred[j] for j in pj]
        extra = tiebreak(block_gold, block_pred)
        edges = [(a, b) for a, g in enumerate(block_gold) for b, p in enumerate(block_pred) if compatible(g, p)]
        for component in _components(edges):
            rows = sorted({a for a, _ in component})
            cols = sorted({b for _, b in component})
            terms: list[list[tuple[int, ...] | None]] = [[None] * len(cols) for _ in rows]
            for a, b in component:
                g, p = block_gold[a], block_pred[b]
                terms[rows.index(a)][cols.index(b)] = (*_outcome_terms(g, p), *extra(a, b), 1)
            matched.extend(
                (gi[rows[r]], pj[cols[c]]) for r, c in _max_weight_matching(_lexicographic(terms))
            )
    return _count(gold, pred, sorted(matched), type_key, types)


def _outcome_terms(gold: Record, pred: Record) -> tuple[int, int]:
    outcome = pair_outcome(gold, pred)
    absorbed = outcome == "ignored" and not _tentative(pred)  # would otherwise be a false positive
    return int(outcome == "true_positive"), int(absorbed)


def _count(
    gold: Sequence[Record], pred: Sequence[Record], matched: list[tuple[int, int]],
    type_key: Callable[[str], str], types: Sequence[str],
) -> EventScore:
    total = Counts()
    per_type = {t: Counts() for t in types}
    score = EventScore(total, per_type)

    def tally(record: Record, kind: str) -> None:
        for counts in (total, per_type.setdefault(type_key(str(record.get("type"))), Counts())):
            setattr(counts, kind, getattr(counts, kind) + 1)

    fps: list[tuple[int, Record]] = []
    fns: list[tuple[int, Record]] = []
    paired_gold, paired_pred = {i for i, _ in matched}, {j for _, j in matched}
    for i, j in matched:
        outcome = pair_outcome(gold[i], pred[j])
        score.pairs.append(Pair(gold[i], pred[j], outcome))
        if outcome == "true_positive":
            tally(gold[i], "tp")
        elif outcome == "false_positive":
            tally(pred[j], "fp")
            fps.append((j, pred[j]))
        else:
            score.ignored.append(pred[j])
            if outcome == "missed":
                tally(gold[i], "fn")
                fns.append((i, gold[i]))
    for j, p in enumerate(pred):
        if j in paired_pred:
            continue
        if _tentative(p):
            score.ignored.append(p)
        else:
            tally(p, "fp")
            fps.append((j, p))
    for i, g in enumerate(gold):
        if i not in paired_gold and _must_find(g):
            tally(g, "fn")
            fns.append((i, g))
    score.false_positives = [r for _, r in sorted(fps, key=operator.itemgetter(0))]
    score.false_negatives = [r for _, r in sorted(fns, key=operator.itemgetter(0))]
    return score


# ---------------------------------------------------------------- the four parts


def _has_person(record: Record) -> bool:
    person = record.get("person")
    return isinstance(person, str) and bool(person.strip())


def _same_person(gold: Record, pred: Record) -> bool:
    return surnames_match(gold.get("person"), pred.get("person"))


def _named_tiebreak(gold: Sequence[Record], pred: Sequence[Record]) -> Callable[[int, int], tuple[int, ...]]:
    """Most matching arguments first; then the closest evidence, so equal candidates pair sensibly."""

    def terms(a: int, b: int) -> tuple[int, ...]:
        g, p = gold[a], pred[b]
        return (
            sum(v == "correct" for v in compare_arguments(g, p).values()),
            round(fuzz.ratio(str(g.get("evidence") or ""), str(p.get("evidence") or ""))),
        )

    return terms


def _date_ranks(records: Sequence[Record]) -> list[int]:
    # Undated records go last; equal dates keep file order.
    order = sorted(
        range(len(records)),
        key=lambda k: (_date_fields(records[k].get("date")) is None, _date_fields(records[k].get("date")) or (), k),
    )
    ranks = [0] * len(records)
    for rank, k in enumerate(order):
        ranks[k] = rank
    return ranks


def _group_tiebreak(gold: Sequence[Record], pred: Sequence[Record]) -> Callable[[int, int], tuple[int, ...]]:
    """Agreeing dates first; then date order, so that otherwise the i-th gold pairs with the i-th prediction."""
    gold_ranks, pred_ranks = _date_ranks(gold), _date_ranks(pred)
    width = max(len(gold), len(pred))

    def terms(a: int, b: int) -> tuple[int, ...]:
        g_date, p_date = gold[a].get("date"), pred[b].get("date")
        agree = _date_fields(g_date) is not None and dates_match(g_date, p_date)
        return int(agree), width - abs(gold_ranks[a] - pred_ranks[b])

    return terms


def _score_arguments(pairs: Sequence[Pair]) -> ArgumentScore:
    per_argument = {name: ArgumentCounts() for name in ARGUMENTS}
    for pair in pairs:
        if pair.outcome != "true_positive":
            continue
        for name, verdict in compare_arguments(pair.gold, pair.pred).items():
            counts = per_argument[name]
            counts.total += verdict in ("correct", "wrong")
            counts.correct += verdict == "correct"
            counts.spurious += verdict == "spurious"
    return ArgumentScore(per_argument)


def _always(gold: Record, pred: Record) -> bool:
    return True


def score(gold: Sequence[Record], pred: Sequence[Record], onto: Ontology | None = None) -> EvalReport:
    """Score predictions against gold: named events strict and relaxed, arguments, group events.

    A record with a non-empty `person` is a named event; any other is a group event. Arguments are
    scored on the strict true positives.
    """
    onto = onto or load_ontology()
    types = onto.type_names
    named_gold = [g for g in gold if _has_person(g)]
    named_pred = [p for p in pred if _has_person(p)]
    strict = _align(named_gold, named_pred, str, types, _same_person, _named_tiebreak)
    relaxed = _align(named_gold, named_pred, onto.relaxed, onto.relaxed_types, _same_person, _named_tiebreak)
    groups = _align(
        [g for g in gold if not _has_person(g)], [p for p in pred if not _has_person(p)],
        str, types, _always, _group_tiebreak,
    )
    return EvalReport(strict, relaxed, _score_arguments(strict.pairs), groups)
