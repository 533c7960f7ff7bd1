"""The NLP stage: the spaCy pipeline and the person mentions it finds.

The full pipeline, with the extraction components, is `purgewatch.extract.pipeline.load_pipeline`.
"""

from purgewatch.nlp.pipeline import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
