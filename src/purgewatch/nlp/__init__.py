"""The NLP stage: the spaCy pipeline and the person mentions it finds."""

from purgewatch.nlp.pipeline import DEFAULT_MODEL, load_pipeline

__all__ = ["DEFAULT_MODEL", "load_pipeline"]
