"""Extraction stages: entity mentions, quotes, dates, amounts and events."""

from tidings.extract.amounts import extract_amounts
from tidings.extract.dates import extract_times
from tidings.extract.entities import extract_mentions
from tidings.extract.events import extract_events
from tidings.extract.quotes import extract_quotes

__all__ = ["extract_amounts", "extract_events", "extract_mentions", "extract_quotes", "extract_times"]
