"""Moved to :mod:`purgewatch.normalize.posts`; kept as a re-export while other stages switch."""

from purgewatch.normalize.posts import (
    FUZZY_POST_THRESHOLD,
    display_post,
    document_country,
    post_country,
    post_key,
    post_org,
    same_post,
)

__all__ = ["FUZZY_POST_THRESHOLD", "display_post", "document_country", "post_country", "post_key", "post_org",
           "same_post"]
