"""Near duplicates: repeated posts inside one document, and copies of a story across documents."""

from tidings.dedupe.documents import Match, StoryIndex, cluster_stories
from tidings.dedupe.posts import POST_THRESHOLD, dedupe_facts, similarity

__all__ = ["POST_THRESHOLD", "Match", "StoryIndex", "cluster_stories", "dedupe_facts", "similarity"]
