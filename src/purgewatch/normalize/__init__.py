"""The bottom normalisation layer: names folded for comparison, posts turned into keys and display forms.

Every later stage (nlp, extract, resolve, store, analyze, export, evaluate) compares names and posts
through these functions; this package imports only the ontology and errors.
"""

from purgewatch.normalize.names import (
    SURNAME_MATCH_THRESHOLD,
    fold,
    surname_key,
    surnames_match,
)
from purgewatch.normalize.posts import (
    FUZZY_POST_THRESHOLD,
    display_post,
    document_country,
    post_country,
    post_key,
    post_org,
    same_post,
)

__all__ = [
    "FUZZY_POST_THRESHOLD", "SURNAME_MATCH_THRESHOLD", "display_post", "document_country", "fold",
    "post_country", "post_key", "post_org", "same_post", "surname_key", "surnames_match",
]
