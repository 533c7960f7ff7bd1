"""Load ontology.yaml into typed records, failing early with a clear message when it is malformed."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from purgewatch.errors import OntologyError

PATIENT_SLOTS = {"object", "subject", "of", "holder", "modified", "on", "against"}
SUCCESSOR_SLOTS = {"subject", "by", "to", "with"}
PREDECESSOR_SLOTS = {"object", "from"}
CHARGES = ("bribery", "embezzlement", "fraud", "abuse_of_office", "treason", "espionage",
           "negligence", "terrorism", "extremism", "other")
FACTUALITY = ("asserted", "reported", "speculative", "negated")


@dataclass(frozen=True)
class Cue:
    """One way the text signals an event: a lemma list or a Matcher pattern, and where its arguments stand."""

    id: int
    type: str
    pattern: tuple[Any, ...]
    anchor: int
    patient: tuple[str, ...]
    successor: tuple[str, ...] = ()
    predecessor: str | None = None
    requires_prep: frozenset[str] = frozenset()
    requires_particle: frozenset[str] = frozenset()
    requires_position: bool = False
    negation_in_cue: bool = False
    unless_words: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)  # identity hash: compiled lexicons are cached per ontology
class Ontology:
    """Everything the extractor knows about the language of purges, read from data."""

    event_types: dict[str, str]
    cues: tuple[Cue, ...]
    charges: dict[str, tuple[str, ...]]
    speculative_modals: frozenset[str]
    speculative_governors: frozenset[str]
    reported_governors: frozenset[str]
    reported_phrases: tuple[str, ...]
    negations: frozenset[str]
    negating_governors: frozenset[str]
    evidence_nouns: frozenset[str]
    post_heads: frozenset[str]
    org_heads: frozenset[str]
    titles: frozenset[str]
    name_prefixes: frozenset[str]
    ranks: frozenset[str]
    group_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    agent_nouns: frozenset[str]
    replacement_markers: frozenset[str]
    predecessor_preps: frozenset[str]
    inclusion_lemmas: frozenset[str]
    source: str = field(default="", compare=False)

    def family(self, event_type: str) -> str:
        return self.event_types[event_type]

    def is_end_of_tenure(self, event_type: str) -> bool:
        return self.event_types.get(event_type) == "end"


def _words(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OntologyError(f"{where}: '{key}' must be a list of strings")
    return frozenset(v.lower() for v in value)


def _cue(i: int, raw: Any, types: dict[str, str], where: str) -> Cue:
    at = f"{where}: cue {i + 1}"
    if not isinstance(raw, dict):
        raise OntologyError(f"{at}: must be a mapping")
    unknown = set(raw) - {"type", "lemmas", "pos", "pattern", "anchor", "patient", "successor",
                          "predecessor", "requires_prep", "requires_particle", "requires_position",
                          "negation_in_cue", "unless_words"}
    if unknown:
        raise OntologyError(f"{at}: unknown field(s) {sorted(unknown)}")
    etype = raw.get("type")
    if etype not in types:
        raise OntologyError(f"{at}: type {etype!r} is not one of {sorted(types)}")
    if ("lemmas" in raw) == ("pattern" in raw):
        raise OntologyError(f"{at}: give exactly one of 'lemmas' or 'pattern'")
    if "lemmas" in raw:
        lemmas = raw["lemmas"]
        if not isinstance(lemmas, list) or not lemmas or not all(isinstance(x, str) for x in lemmas):
            raise OntologyError(f"{at}: 'lemmas' must be a non-empty list of strings")
        pos = raw.get("pos", ["VERB"])
        pattern: list[Any] = [{"LEMMA": {"IN": lemmas}, "POS": {"IN": pos}}]
    else:
        pattern = raw["pattern"]
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
            raise OntologyError(f"{at}: 'pattern' must be a non-empty list of token specs")
    if _has_bool(pattern):
        raise OntologyError(f"{at}: a pattern value is true/false: YAML reads bare on/off/yes/no as booleans, quote it")
    anchor = raw.get("anchor", 0)
    if not isinstance(anchor, int) or not 0 <= anchor < len(pattern):
        raise OntologyError(f"{at}: 'anchor' must index a token of the pattern")
    patient = raw.get("patient")
    if not isinstance(patient, list) or not patient or set(patient) - PATIENT_SLOTS:
        raise OntologyError(f"{at}: 'patient' must be a list drawn from {sorted(PATIENT_SLOTS)}")
    successor = raw.get("successor") or []
    successor = [successor] if isinstance(successor, str) else successor
    if not isinstance(successor, list) or set(successor) - SUCCESSOR_SLOTS:
        raise OntologyError(f"{at}: 'successor' must be drawn from {sorted(SUCCESSOR_SLOTS)}")
    predecessor = raw.get("predecessor")
    if predecessor is not None and predecessor not in PREDECESSOR_SLOTS:
        raise OntologyError(f"{at}: 'predecessor' must be one of {sorted(PREDECESSOR_SLOTS)}")
    return Cue(
        id=i, type=etype, pattern=tuple(pattern), anchor=anchor, patient=tuple(patient),
        successor=tuple(successor), predecessor=predecessor,
        requires_prep=_words(raw, "requires_prep", at),
        requires_particle=_words(raw, "requires_particle", at),
        requires_position=bool(raw.get("requires_position", False)),
        negation_in_cue=bool(raw.get("negation_in_cue", False)),
        unless_words=_words(raw, "unless_words", at),
    )


def _has_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, dict):
        # spaCy's boolean token attributes (IS_*, LIKE_*, SPACY, SENT_START) take true/false legitimately
        return any(_has_bool(v) for k, v in value.items() if k not in {"OP", "_", "SPACY", "SENT_START"}
                   and not str(k).startswith(("IS_", "LIKE_"))) or \
            any(_has_bool(v) for v in value.get("_", {}).values() if isinstance(v, dict))
    if isinstance(value, (list, tuple)):
        return any(_has_bool(v) for v in value)
    return False


def parse_ontology(data: Any, where: str = "ontology") -> Ontology:
    """Validate a parsed YAML document and build the Ontology; raise OntologyError on any defect."""
    if not isinstance(data, dict):
        raise OntologyError(f"{where}: top level must be a mapping")
    raw_types = data.get("event_types")
    if not isinstance(raw_types, dict) or not raw_types:
        raise OntologyError(f"{where}: 'event_types' must be a non-empty mapping")
    types = {}
    for name, spec in raw_types.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("family"), str):
            raise OntologyError(f"{where}: event type {name!r} needs a 'family'")
        types[str(name)] = spec["family"]
    raw_cues = data.get("cues")
    if not isinstance(raw_cues, list) or not raw_cues:
        raise OntologyError(f"{where}: 'cues' must be a non-empty list")
    cues = tuple(_cue(i, c, types, where) for i, c in enumerate(raw_cues))
    missing = set(types) - {c.type for c in cues}
    if missing:
        raise OntologyError(f"{where}: no cue for event type(s) {sorted(missing)}")
    raw_charges = data.get("charges")
    if not isinstance(raw_charges, dict) or set(raw_charges) - set(CHARGES):
        raise OntologyError(f"{where}: 'charges' must map categories drawn from {list(CHARGES)}")
    charges = {}
    for cat, words in raw_charges.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise OntologyError(f"{where}: charge {cat!r} must list cue strings")
        charges[cat] = tuple(w.lower() for w in words)
    fact = data.get("factuality")
    if not isinstance(fact, dict):
        raise OntologyError(f"{where}: 'factuality' must be a mapping")
    spec_f, rep_f, neg_f = (fact.get(k) or {} for k in ("speculative", "reported", "negated"))
    return Ontology(
        event_types=types,
        cues=cues,
        charges=charges,
        speculative_modals=_words(spec_f, "modals", f"{where}: factuality.speculative"),
        speculative_governors=_words(spec_f, "governors", f"{where}: factuality.speculative"),
        reported_governors=_words(rep_f, "governors", f"{where}: factuality.reported"),
        reported_phrases=tuple(sorted(_words(rep_f, "phrases", f"{where}: factuality.reported"))),
        negations=_words(neg_f, "negations", f"{where}: factuality.negated"),
        negating_governors=_words(neg_f, "governors", f"{where}: factuality.negated"),
        evidence_nouns=_words(neg_f, "evidence_nouns", f"{where}: factuality.negated"),
        post_heads=_words(data, "post_heads", where),
        org_heads=_words(data, "org_heads", where),
        titles=_words(data, "titles", where),
        name_prefixes=_words(data, "name_prefixes", where),
        ranks=_words(data, "ranks", where),
        group_nouns=_words(data, "group_nouns", where),
        person_pronouns=_words(data, "person_pronouns", where),
        agent_nouns=_words(data, "agent_nouns", where),
        replacement_markers=_words(data, "replacement_markers", where),
        predecessor_preps=_words(data, "predecessor_preps", where),
        inclusion_lemmas=_words(data, "inclusion_lemmas", where),
        source=where,
    )


def load_ontology(path: str | Path | None = None) -> Ontology:
    """Load the bundled ontology, or the YAML file at `path`."""
    if path is None:
        return _bundled()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise OntologyError(f"{p}: cannot read ontology ({exc.strerror})") from exc
    return _parse_text(text, str(p))


def _parse_text(text: str, where: str) -> Ontology:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise OntologyError(f"{where}: invalid YAML ({exc})") from exc
    return parse_ontology(data, where)


@lru_cache(maxsize=1)
def _bundled() -> Ontology:
    text = resources.files("purgewatch.ontology").joinpath("ontology.yaml").read_text(encoding="utf-8")
    return _parse_text(text, "purgewatch/ontology/ontology.yaml")
