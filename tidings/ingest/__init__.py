"""Read inputs into Documents: ``read_text`` for files, stdin and strings."""

from tidings.ingest.text import make_document, read_text

__all__ = ["make_document", "read_text"]
