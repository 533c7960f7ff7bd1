"""Exports beyond the spec's JSONL: FollowTheMoney entities (Aleph, OpenSanctions) and GraphML networks."""
