"""The background of an appointee, from what the text says about them: military, security, technocrat,
party, or unknown. A small lexicon classifier (word lists in ontology/backgrounds.yaml), evaluated against
hand labels in tests/data/backgrounds/ (see docs/backgrounds.md)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from purgewatch.ontology import Ontology, load_backgrounds_data, load_ontology, ontology_path
from purgewatch.records import EventRow

LABELS = ("military", "security", "technocrat", "party")
NEAR_CHARS = 60  # a cue this close to the name counts double
SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


@dataclass(frozen=True)
class _Lexicon:
    order: tuple[str, ...]
    cues: dict[str, re.Pattern[str]]
    negated: tuple[tuple[re.Pattern[str], str, str | None], ...]


def _lexicon() -> _Lexicon:
    """backgrounds.yaml of the ontology in use (beside $PURGEWATCH_ONTOLOGY's file, else the bundled one)."""
    return _compile(str(ontology_path() or ""))


@lru_cache(maxsize=4)
def _compile(where: str) -> _Lexicon:
    data = load_backgrounds_data(where or None)
    cues = {label: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(words, key=len, reverse=True))
                              + r")\b", re.IGNORECASE) for label, words in data["labels"].items()}
    negated = tuple((re.compile(r"\b" + re.escape(n["phrase"]) + r"\b", re.IGNORECASE), n["label"], n.get("against"))
                    for n in data.get("negated", []))
    return _Lexicon(tuple(data["order"]), cues, negated)


@dataclass
class Background:
    label: str
    scores: dict[str, float]
    cues: list[str]


def sentences_naming(text: str, names: list[str]) -> list[tuple[str, list[int]]]:
    """The sentences that name the person, each with where the name stands in it."""
    pats = [re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)") for n in names if n]
    out = []
    for m in SENTENCE_RE.finditer(text):
        s = m.group(0)
        spots = [x.start() for p in pats for x in p.finditer(s)]
        if spots:
            out.append((s, spots))
    return out


def classify(text: str, names: list[str], posts: list[str] | None = None) -> Background:
    """Score each label by its cues in the sentences that name the person; the best wins, else unknown.

    `posts`: the posts the person is appointed to; words inside them are not background (being made
    "commander of the front" says nothing of what the person was before).
    """
    lex = _lexicon()
    for post in posts or []:
        if post and len(post) > 3:
            text = re.sub(re.escape(post), lambda m: " " * len(m.group(0)), text, flags=re.IGNORECASE)
    scores: Counter[str] = Counter()
    found: list[str] = []
    for sentence, spots in sentences_naming(text, names):
        masked = sentence
        for pat, label, against in lex.negated:
            for m in pat.finditer(sentence):
                scores[label] += 2
                if against:
                    scores[against] -= 3
                found.append(m.group(0))
                masked = masked[:m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
        for label, pat in lex.cues.items():
            for m in pat.finditer(masked):
                near = any(abs(m.start() - p) <= NEAR_CHARS for p in spots)
                scores[label] += 2 if near else 1
                found.append(m.group(0))
    best = max(scores.values(), default=0)
    if best <= 0:
        return Background("unknown", dict(scores), found)
    label = next(lab for lab in lex.order if scores.get(lab, 0) == best)
    return Background(label, dict(scores), found)


def names_of(person: str) -> list[str]:
    """The forms to look for: the full name and the surname (the last word)."""
    words = person.split()
    return list(dict.fromkeys([person] + ([words[-1]] if len(words) > 1 and len(words[-1]) > 2 else [])))


def appointee_backgrounds(events: Sequence[EventRow], texts: dict[str, str], onto: Ontology | None = None
                          ) -> dict[tuple[str, str], Background]:
    """(doc, person) -> background, for every appointment (a type that starts a tenure) among `events`
    (texts: doc id -> text)."""
    starts = (onto or load_ontology()).starts
    out: dict[tuple[str, str], Background] = {}
    for e in events:
        person = e.get("person")
        if e.get("type") not in starts or not person or e["doc"] not in texts:
            continue
        key = (e["doc"], person)
        if key not in out:
            posts = [x.get("position") or "" for x in events if (x["doc"], x.get("person")) == key
                     and x.get("type") in starts]
            out[key] = classify(texts[e["doc"]], names_of(person), posts)
    return out


def accuracy(gold: list[dict[str, Any]], texts: dict[str, str],
             posts: dict[tuple[str, str], list[str]] | None = None) -> dict[str, Any]:
    """Accuracy of the classifier against hand labels ({doc, person, background}), with a confusion table.
    `posts`: (doc, person) -> the posts the person is appointed to in that document."""
    confusion: Counter[tuple[str, str]] = Counter()
    for g in gold:
        if g["doc"] not in texts:
            continue
        got = classify(texts[g["doc"]], names_of(g["person"]), (posts or {}).get((g["doc"], g["person"]))).label
        confusion[(g["background"], got)] += 1
    total = sum(confusion.values())
    right = sum(n for (a, b), n in confusion.items() if a == b)
    per_label = {}
    for lab in (*LABELS, "unknown"):
        tp = confusion[(lab, lab)]
        gold_n = sum(n for (a, _), n in confusion.items() if a == lab)
        pred_n = sum(n for (_, b), n in confusion.items() if b == lab)
        per_label[lab] = {"gold": gold_n, "predicted": pred_n, "correct": tp,
                          "precision": round(tp / pred_n, 3) if pred_n else None,
                          "recall": round(tp / gold_n, 3) if gold_n else None}
    return {"n": total, "accuracy": round(right / total, 3) if total else None, "per_label": per_label,
            "confusion": {f"{a}->{b}": n for (a, b), n in sorted(confusion.items())}}


__all__ = ["Background", "accuracy", "appointee_backgrounds", "classify", "names_of"]
