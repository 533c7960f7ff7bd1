"""Load ontology.yaml into typed records, failing early with a clear message when it is malformed."""

from __future__ import annotations

import hashlib
import os
import re
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
FAMILIES = ("start", "end", "justice", "end_of_life")
TYPE_ARGUMENTS = ("successor", "predecessor", "charge")
ONTOLOGY_ENV = "PURGEWATCH_ONTOLOGY"
_TYPE_FIELDS = {"family", "label", "colour", "starts_tenure", "ends_tenure", "ends_tenure_only_with_post",
                "removal", "wave", "relaxed", "arguments", "several_posts", "shares_gapped_verb", "description"}
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class EventType:
    """What one event type means: every stage reads these properties instead of naming types in code."""

    name: str
    family: str
    label: str
    colour: str = "#495057"
    starts_tenure: bool = False
    ends_tenure: str | None = None
    ends_tenure_only_with_post: bool = False
    removal: bool = False
    wave: bool = False
    relaxed: str = ""
    arguments: frozenset[str] = frozenset()
    several_posts: bool = False
    shares_gapped_verb: bool = False
    description: str = ""


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

    types: dict[str, EventType]
    factuality_values: tuple[str, ...]
    factual: frozenset[str]
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
    lexicon: dict[str, frozenset[str]] = field(default_factory=dict)
    source: str = field(default="", compare=False)
    digest: str = field(default="", compare=False)
    """A hash of the ontology files in use: part of the extractor version, so a change re-extracts."""

    # --- what types mean ------------------------------------------------------------------------
    @property
    def type_names(self) -> tuple[str, ...]:
        """Every event type, in the order of the YAML file."""
        return tuple(self.types)

    def type(self, name: str) -> EventType:
        try:
            return self.types[name]
        except KeyError:
            raise OntologyError(f"{self.source}: unknown event type {name!r} "
                                f"(expected one of {', '.join(self.types)})") from None

    def family(self, event_type: str) -> str:
        return self.type(event_type).family

    def is_end_of_tenure(self, event_type: str) -> bool:
        """Does the type end a tenure and take a successor (dismissed, resigned, retired)?"""
        t = self.types.get(event_type)
        return t is not None and t.family == "end"

    def takes(self, event_type: str, argument: str) -> bool:
        """Does the type take this type-specific argument (successor, predecessor, charge)?"""
        t = self.types.get(event_type)
        return t is not None and argument in t.arguments

    def starts_tenure(self, event_type: str) -> bool:
        t = self.types.get(event_type)
        return t is not None and t.starts_tenure

    @property
    def starts(self) -> frozenset[str]:
        """The types that start a tenure."""
        return frozenset(n for n, t in self.types.items() if t.starts_tenure)

    @property
    def ends(self) -> dict[str, str]:
        """Type -> the end cause it gives a tenure, for every type that ends one."""
        return {n: t.ends_tenure for n, t in self.types.items() if t.ends_tenure}

    @property
    def ends_only_with_post(self) -> frozenset[str]:
        return frozenset(n for n, t in self.types.items() if t.ends_tenure_only_with_post)

    @property
    def removals(self) -> tuple[str, ...]:
        """The types counted as removals from office when periods are compared."""
        return tuple(n for n, t in self.types.items() if t.removal)

    @property
    def wave_types(self) -> tuple[str, ...]:
        """The types purge-wave detection counts."""
        return tuple(n for n, t in self.types.items() if t.wave)

    def with_argument(self, argument: str) -> tuple[str, ...]:
        return tuple(n for n, t in self.types.items() if argument in t.arguments)

    def relaxed(self, event_type: str) -> str:
        """The class the relaxed score puts the type under."""
        t = self.types.get(event_type)
        return (t.relaxed or t.name) if t is not None else event_type

    @property
    def relaxed_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.relaxed(n) for n in self.types))

    def colour(self, event_type: str) -> str:
        t = self.types.get(event_type)
        return t.colour if t is not None else "#495057"

    def label(self, event_type: str) -> str:
        t = self.types.get(event_type)
        return t.label if t is not None else event_type

    def is_factual(self, factuality: str | None) -> bool:
        """Does an event of this factuality count as a fact (None: asserted)?"""
        return (factuality or "asserted") in self.factual

    # --- word lists -----------------------------------------------------------------------------
    def words(self, name: str) -> frozenset[str]:
        """A named word list of the `lexicon` section (lower case)."""
        try:
            return self.lexicon[name]
        except KeyError:
            raise OntologyError(f"{self.source}: no word list {name!r} in 'lexicon'") from None


def _words(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OntologyError(f"{where}: '{key}' must be a list of strings")
    return frozenset(v.lower() for v in value)


def _cue(i: int, raw: Any, types: dict[str, EventType], where: str) -> Cue:
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
    types = {str(name): _event_type(str(name), spec, where) for name, spec in raw_types.items()}
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
    values, factual = _factuality_values(fact.get("values"), where)
    spec_f, rep_f, neg_f = (fact.get(k) or {} for k in ("speculative", "reported", "negated"))
    unknown = set(data) - _TOP_LEVEL
    if unknown:
        raise OntologyError(f"{where}: unknown top-level key(s) {sorted(unknown)}")
    return Ontology(
        types=types,
        factuality_values=values,
        factual=factual,
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
        lexicon=_lexicon(data.get("lexicon"), where),
        source=where,
    )


_TOP_LEVEL = {"event_types", "charges", "cues", "factuality", "post_heads", "org_heads", "titles", "name_prefixes",
              "ranks", "group_nouns", "person_pronouns", "agent_nouns", "replacement_markers", "predecessor_preps",
              "inclusion_lemmas", "lexicon"}


def _event_type(name: str, spec: Any, where: str) -> EventType:
    at = f"{where}: event type {name!r}"
    if not isinstance(spec, dict) or spec.get("family") not in FAMILIES:
        raise OntologyError(f"{at}: needs a 'family', one of {list(FAMILIES)}")
    unknown = set(spec) - _TYPE_FIELDS
    if unknown:
        raise OntologyError(f"{at}: unknown field(s) {sorted(unknown)}")
    for key in ("starts_tenure", "ends_tenure_only_with_post", "removal", "wave", "several_posts",
                "shares_gapped_verb"):
        if not isinstance(spec.get(key, False), bool):
            raise OntologyError(f"{at}: '{key}' must be true or false")
    for key in ("label", "relaxed", "ends_tenure", "description"):
        if spec.get(key) is not None and not isinstance(spec[key], str):
            raise OntologyError(f"{at}: '{key}' must be a string")
    colour = spec.get("colour", "#495057")
    if not isinstance(colour, str) or not _COLOUR.match(colour):
        raise OntologyError(f"{at}: 'colour' must be a colour like \"#2b8a3e\" (quoted)")
    arguments = spec.get("arguments", [])
    if not isinstance(arguments, list) or set(arguments) - set(TYPE_ARGUMENTS):
        raise OntologyError(f"{at}: 'arguments' must be a list drawn from {list(TYPE_ARGUMENTS)}")
    if spec.get("ends_tenure_only_with_post") and not spec.get("ends_tenure"):
        raise OntologyError(f"{at}: 'ends_tenure_only_with_post' needs 'ends_tenure'")
    return EventType(
        name=name, family=spec["family"], label=spec.get("label") or name.replace("_", " ").capitalize(),
        colour=colour, starts_tenure=spec.get("starts_tenure", False), ends_tenure=spec.get("ends_tenure"),
        ends_tenure_only_with_post=spec.get("ends_tenure_only_with_post", False),
        removal=spec.get("removal", False), wave=spec.get("wave", False), relaxed=spec.get("relaxed") or "",
        arguments=frozenset(arguments), several_posts=spec.get("several_posts", False),
        shares_gapped_verb=spec.get("shares_gapped_verb", False), description=spec.get("description") or "",
    )


def _factuality_values(raw: Any, where: str) -> tuple[tuple[str, ...], frozenset[str]]:
    at = f"{where}: factuality.values"
    if not isinstance(raw, dict) or not raw:
        raise OntologyError(f"{at}: must map each factuality value to {{factual: true|false}}")
    for value, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("factual"), bool):
            raise OntologyError(f"{at}: {value!r} needs 'factual: true' or 'factual: false'")
    if "asserted" not in raw or not raw["asserted"]["factual"]:
        raise OntologyError(f"{at}: 'asserted' must be there and factual")
    return tuple(str(v) for v in raw), frozenset(str(v) for v, spec in raw.items() if spec["factual"])


def _lexicon(raw: Any, where: str) -> dict[str, frozenset[str]]:
    """The `lexicon` section: named English word lists the extraction rules use."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise OntologyError(f"{where}: 'lexicon' must map list names to lists of words")
    return {str(name): _words(raw, name, f"{where}: lexicon") for name in raw}


def ontology_path(path: str | Path | None = None) -> Path | None:
    """The ontology file to use: the argument, else $PURGEWATCH_ONTOLOGY, else None (the bundled one)."""
    chosen = path or os.environ.get(ONTOLOGY_ENV) or None
    return Path(chosen) if chosen else None


def load_ontology(path: str | Path | None = None) -> Ontology:
    """Load the ontology: the YAML file at `path`, else $PURGEWATCH_ONTOLOGY, else the bundled one."""
    p = ontology_path(path)
    if p is None:
        return _bundled()
    try:
        stat = p.stat()
    except OSError as exc:
        raise OntologyError(f"{p}: cannot read ontology ({exc.strerror})") from exc
    stamps = tuple((s.st_mtime_ns, s.st_size) for s in (stat, *(
        (p.parent / n).stat() for n in COMPANIONS if (p.parent / n).is_file())))
    return _load_file(str(p.resolve()), stamps)


@lru_cache(maxsize=8)
def _load_file(path: str, stamps: tuple[tuple[int, int], ...]) -> Ontology:  # stamps: a changed file is re-read
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OntologyError(f"{path}: cannot read ontology ({getattr(exc, 'strerror', None) or exc})") from exc
    onto = _parse_text(text, path)
    return _with_digest(onto, text, companion_texts(Path(path)))


def _parse_text(text: str, where: str) -> Ontology:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise OntologyError(f"{where}: invalid YAML ({exc})") from exc
    return parse_ontology(data, where)


def _with_digest(onto: Ontology, text: str, companions: dict[str, str]) -> Ontology:
    h = hashlib.sha256(text.encode("utf-8"))
    for name in sorted(companions):
        h.update(b"\0" + name.encode() + b"\0" + companions[name].encode("utf-8"))
    object.__setattr__(onto, "digest", h.hexdigest()[:12])
    return onto


def _bundled_text(name: str) -> str:
    return resources.files("purgewatch.ontology").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _bundled() -> Ontology:
    text = _bundled_text("ontology.yaml")
    return _with_digest(_parse_text(text, "purgewatch/ontology/ontology.yaml"), text, companion_texts(None))


# --- the companion files: posts.yaml and backgrounds.yaml ------------------------------------------
COMPANIONS = ("posts.yaml", "backgrounds.yaml")


def companion_texts(ontology_file: Path | None) -> dict[str, str]:
    """posts.yaml and backgrounds.yaml beside the chosen ontology file, else the bundled ones."""
    out = {}
    for name in COMPANIONS:
        beside = ontology_file.parent / name if ontology_file is not None else None
        if beside is not None and beside.is_file():
            try:
                out[name] = beside.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise OntologyError(f"{beside}: cannot read ({getattr(exc, 'strerror', None) or exc})") from exc
        else:
            out[name] = _bundled_text(name)
    return out


def companion_where(name: str, path: str | Path | None = None) -> str:
    p = ontology_path(path)
    beside = p.parent / name if p is not None else None
    return str(beside) if beside is not None and beside.is_file() else f"purgewatch/ontology/{name}"


def load_posts_data(path: str | Path | None = None) -> dict[str, Any]:
    """posts.yaml (beside the chosen ontology, else bundled), validated; raises OntologyError."""
    text = companion_texts(ontology_path(path))["posts.yaml"]
    return validate_posts(_yaml(text, companion_where("posts.yaml", path)), companion_where("posts.yaml", path))


def load_backgrounds_data(path: str | Path | None = None) -> dict[str, Any]:
    """backgrounds.yaml (beside the chosen ontology, else bundled), validated; raises OntologyError."""
    where = companion_where("backgrounds.yaml", path)
    return validate_backgrounds(_yaml(companion_texts(ontology_path(path))["backgrounds.yaml"], where), where)


def _yaml(text: str, where: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise OntologyError(f"{where}: invalid YAML ({exc})") from exc


def _is_strs(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_str_map(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items())


def _is_list_map(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(k, str) and _is_strs(x) for k, x in v.items())


_POSTS_SHAPE = {
    "word_variants": (_is_str_map, "a mapping of strings to strings"),
    "protected_phrases": (_is_strs, "a list of strings"),
    "drop_words": (_is_strs, "a list of strings"),
    "qualifiers": (_is_strs, "a list of strings"),
    "ordinal_qualifiers": (_is_strs, "a list of strings"),
    "inverting_offices": (_is_strs, "a list of strings"),
    "office_synonyms": (_is_str_map, "a mapping of strings to strings"),
    "display_forms": (_is_str_map, "a mapping of strings to strings"),
    "field_office_upgrades": (_is_str_map, "a mapping of strings to strings"),
    "fields": (_is_list_map, "a mapping of field names to lists of strings"),
    "field_orgs": (_is_str_map, "a mapping of strings to strings"),
    "body_nouns": (_is_strs, "a list of strings"),
    "acronyms": (_is_strs, "a list of strings"),
    "display_lower": (_is_strs, "a list of strings"),
    "country_keeping_preps": (_is_strs, "a list of strings"),
    "guard_words": (_is_strs, "a list of strings"),
}


def validate_posts(data: Any, where: str = "posts.yaml") -> dict[str, Any]:
    """Check posts.yaml's shape: every key present with the right kind of value."""
    if not isinstance(data, dict):
        raise OntologyError(f"{where}: top level must be a mapping")
    for key, (ok, what) in _POSTS_SHAPE.items():
        if key not in data:
            raise OntologyError(f"{where}: missing '{key}'")
        if not ok(data[key] if data[key] is not None else []):
            raise OntologyError(f"{where}: '{key}' must be {what}")
        if data[key] is None:
            data[key] = {} if "mapping" in what else []
    unknown = set(data) - set(_POSTS_SHAPE) - {"countries", "era_rules"}
    if unknown:
        raise OntologyError(f"{where}: unknown key(s) {sorted(unknown)}")
    countries = data.get("countries")
    if not isinstance(countries, dict) or not countries:
        raise OntologyError(f"{where}: 'countries' must map country names to their names, adjectives and cues")
    for country, entry in countries.items():
        if not isinstance(entry, dict) or set(entry) - {"names", "adjectives", "cues", "article"}:
            raise OntologyError(f"{where}: country {country!r} takes only names, adjectives, cues, article")
        for key in ("names", "adjectives", "cues"):
            if not _is_strs(entry.get(key, [])):
                raise OntologyError(f"{where}: country {country!r}: '{key}' must be a list of strings")
        if not isinstance(entry.get("article", False), bool):
            raise OntologyError(f"{where}: country {country!r}: 'article' must be true or false")
    rules = data.get("era_rules") or []
    if not isinstance(rules, list):
        raise OntologyError(f"{where}: 'era_rules' must be a list")
    for n, rule in enumerate(rules, 1):
        if not isinstance(rule, dict) or set(rule) != {"country", "before", "becomes"} \
                or not isinstance(rule["before"], int) or not isinstance(rule["country"], str) \
                or not isinstance(rule["becomes"], str):
            raise OntologyError(f"{where}: era rule {n} needs country (text), before (a year), becomes (text)")
    data["era_rules"] = rules
    return data


def validate_backgrounds(data: Any, where: str = "backgrounds.yaml") -> dict[str, Any]:
    """Check backgrounds.yaml: labels with phrase lists, an order over them, negated phrases."""
    if not isinstance(data, dict):
        raise OntologyError(f"{where}: top level must be a mapping")
    unknown = set(data) - {"order", "labels", "negated"}
    if unknown:
        raise OntologyError(f"{where}: unknown key(s) {sorted(unknown)}")
    labels = data.get("labels")
    if not _is_list_map(labels) or not labels:
        raise OntologyError(f"{where}: 'labels' must map each label to a list of phrases")
    order = data.get("order")
    if not _is_strs(order) or set(order or []) != set(labels):
        raise OntologyError(f"{where}: 'order' must list every label once: {sorted(labels)}")
    negated = data.get("negated") or []
    if not isinstance(negated, list):
        raise OntologyError(f"{where}: 'negated' must be a list")
    for n, item in enumerate(negated, 1):
        if not isinstance(item, dict) or not isinstance(item.get("phrase"), str) or item.get("label") not in labels \
                or (item.get("against") is not None and item["against"] not in labels):
            raise OntologyError(f"{where}: negated entry {n} needs a phrase and a label (and optional against) "
                                f"drawn from {sorted(labels)}")
    data["negated"] = negated
    return data
