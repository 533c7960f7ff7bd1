"""The ontology as data: event types and what they mean, cues, lexicons. Loaded and validated once, at start."""

from purgewatch.ontology.schema import (
    ONTOLOGY_ENV,
    Cue,
    EventType,
    Ontology,
    load_backgrounds_data,
    load_ontology,
    load_posts_data,
    ontology_path,
)

__all__ = ["ONTOLOGY_ENV", "Cue", "EventType", "Ontology", "load_backgrounds_data", "load_ontology",
           "load_posts_data", "ontology_path"]
