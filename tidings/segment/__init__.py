"""Segmentation stages: live-blog posts and paragraphs, then sentences and tokens."""

from tidings.segment.posts import split_posts
from tidings.segment.sentences import split_sentences, tokenize

__all__ = ["split_posts", "split_sentences", "tokenize"]
