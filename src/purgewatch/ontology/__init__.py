"""The ontology as data: event types, cues, lexicons. Loaded and validated once, at start."""

from purgewatch.ontology.schema import Cue, Ontology, load_ontology

__all__ = ["Cue", "Ontology", "load_ontology"]
