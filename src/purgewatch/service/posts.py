"""A post's succession and who held it on a day (posts in any common wording)."""

from __future__ import annotations

from typing import Any

from purgewatch.analyze.queries import PostAnswer, post_succession
from purgewatch.analyze.queries import who as holders_on
from purgewatch.store import Store, browse


def post_profile(store: Store, post: str) -> PostAnswer:
    """The chain of holders of a post; an unknown post raises PurgewatchError with close matches."""
    return post_succession(store, post)


def who(store: Store, post: str, day: str) -> PostAnswer:
    return holders_on(store, post, day)


def posts(store: Store) -> list[dict[str, Any]]:
    return browse.posts(store)
