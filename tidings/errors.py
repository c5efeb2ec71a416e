"""Every error tidings raises, with one coded message each.

Exception tree::

    TidingsError
    ├── IngestError   E1xx  an input cannot be read (missing, empty, binary, too big, bad encoding)
    ├── StageError    E2xx  a pipeline stage cannot handle a document, or stages are out of order
    ├── ModelError    E3xx  a shipped model is missing or corrupt
    ├── StoreError    E4xx  the store cannot be opened or written
    └── ConfigError   E5xx  wrong arguments or settings

Messages name the input and say what to do. Third-party errors are wrapped with
``raise ... from e``.
"""

from __future__ import annotations

from typing import Any


class TidingsError(Exception):
    """Base class: ``code`` is the message code, ``str(err)`` one line for a human."""

    code = "E000"

    def __init__(self, code: str, **fields: Any) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] " + MESSAGES[code].format(**fields))


class IngestError(TidingsError):
    """An input cannot be read into a Document."""


class StageError(TidingsError):
    """A stage cannot handle a document, or the pipeline is built out of order."""


class ModelError(TidingsError):
    """A shipped model is missing, corrupt or of the wrong version."""


class StoreError(TidingsError):
    """The store cannot be opened, migrated or written."""


class ConfigError(TidingsError):
    """Wrong arguments or settings."""


MESSAGES: dict[str, str] = {
    "E101": "{source}: no such file; check the path",
    "E102": "{source}: the input is empty; give a file with article text",
    "E103": "{source}: looks binary, not text ({detail}); give a UTF-8 text file",
    "E104": "{source}: not valid {encoding} (byte {position}); re-save it as UTF-8 or pass --encoding "
    "(e.g. --encoding cp1252)",
    "E105": "{source}: {size} bytes is over the {limit}-byte limit; split it or raise --max-bytes",
    "E106": "{source}: no text on standard input; pipe a file in, e.g. `cat a.txt | tidings analyze -`",
    "E107": "{source}: cannot be read ({detail})",
    "E108": "{source}: is a directory; give files or a glob such as {source}/*.txt",
    "E201": "stage {stage} needs {field}, which no earlier stage assigns; reorder the pipeline",
    "E202": "{source}: stage {stage} failed ({detail})",
    "E301": "model {name} is not shipped in this package ({detail}); reinstall tidings",
    "E302": "model {name} is corrupt or unreadable ({detail}); reinstall tidings or retrain it",
    "E501": "--published {value!r} is not a date; use YYYY-MM-DD",
    "E502": "unknown format {value!r}; use one of {choices}",
    "E503": "--data {path}: not found; give the path to a CoNLL file",
    "E504": "--encoding {value!r} is not a known text encoding; try utf-8, cp1252 or latin-1",
}
