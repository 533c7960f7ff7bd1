"""The whole purgewatch pipeline: the NLP stage's pipeline with the extraction components after it."""

from __future__ import annotations

from spacy.language import Language

from purgewatch.nlp.pipeline import load_nlp


def load_pipeline(model: str | None = None, ontology_path: str | None = None) -> Language:
    """Load an installed spaCy pipeline (any: sm, trf, custom) with mentions, events and holdings."""
    # Importing registers the factories with spaCy; done here, not at package import.
    import purgewatch.extract.component  # noqa: F401

    nlp = load_nlp(model, ontology_path)
    cfg = {"ontology_path": ontology_path}
    nlp.add_pipe("pw_events", last=True, config=cfg)
    nlp.add_pipe("pw_holdings", last=True, config=cfg)
    return nlp
