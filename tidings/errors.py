"""Every error tidings raises, with one coded message each.

Exception tree::

    TidingsError
    ├── IngestError   E1xx  an input cannot be read (missing, empty, binary, too big, bad encoding)
    ├── StageError    E2xx  a pipeline stage cannot handle a document, or stages are out of order
    ├── ModelError    E3xx  a shipped model is missing or corrupt
    ├── StoreError    E4xx  the store cannot be opened or written
    ├── ConfigError   E5xx  wrong arguments or settings
    └── ServeError    E6xx  an HTTP request cannot be served (the web app's one error shape)

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

    def __reduce__(self) -> tuple[Any, ...]:  # pickles across processes (dask workers, pools)
        return (_rebuild, (type(self), self.code, self.fields))


def _rebuild(cls: type[TidingsError], code: str, fields: dict[str, Any]) -> TidingsError:
    return cls(code, **fields)


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


class ServeError(TidingsError):
    """An HTTP request cannot be served: no such document or entity, a body too big, bad fields."""


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
    "E109": "{source}: no article text could be extracted from the HTML ({detail}); check that it is an "
    "article page, or save its text and read it as .txt",
    "E110": "{source}: the XML declares entities or a DTD ({detail}), refused for safety (entity bombs, "
    "external files); remove the DOCTYPE",
    "E111": "{source}: not a readable feed ({detail}); give an RSS 2.0, Atom or JSON Feed file",
    "E112": "{source}: WARC record {record} is truncated or corrupt ({detail}); records before it were read, "
    "re-fetch or repair the file for the rest",
    "E113": "{source}: line {line}: {detail}; give one JSON object per line with \"text\" or \"html\"",
    "E114": "{source}: matches no files; check the glob pattern or folder",
    "E201": "stage {stage} needs {field}, which no earlier stage assigns; reorder the pipeline",
    "E202": "{source}: stage {stage} failed ({detail})",
    "E301": "model {name} is not shipped in this package ({detail}); reinstall tidings",
    "E302": "model {name} is corrupt or unreadable ({detail}); reinstall tidings or retrain it",
    "E303": "{path}: not a model folder ({detail}); train one there (`{train}`) or give the folder that holds it",
    "E401": "{store}: cannot open the store ({detail}); check the path or URL and that it may be written",
    "E402": "{source}: not saved, {store} is locked by another connection (waited {timeout}s); retry when "
    "the other writer is done, or raise the timeout",
    "E403": "{source}: not saved to {store} ({detail}); nothing of it was written, rerun the ingest to retry",
    "E404": "{store}: migration {name} failed ({detail}); it was rolled back, fix the cause and reopen the store",
    "E405": "{url!r} is not a store URL; use a file path, sqlite:///path.db, :memory: or postgresql://user@host/db",
    "E406": "{store}: PostgreSQL support needs psycopg 3; pip install 'psycopg[binary]'",
    "E407": "{store}: query failed ({detail}); check that the store is reachable and not locked",
    "E408": "{source}: not saved, the server behind {store} went away ({detail}); nothing of it was written, "
    "restart the server and rerun the ingest",
    "E501": "--published {value!r} is not a date; use YYYY-MM-DD",
    "E502": "unknown format {value!r}; use one of {choices}",
    "E503": "--data {path}: not found; give the path to the benchmark file or folder",
    "E505": "parquet needs a file: pass --out PATH.parquet",
    "E601": "no document {doc_id!r} is stored; see / for the stored documents",
    "E602": "no entity named {name!r} is stored; try /api/entities?name=... or the search box",
    "E603": "the request body is {size} bytes, over the {limit}-byte limit; send a shorter text",
    "E604": "the request is not valid; see errors for each field",
    "E605": "internal server error; the server log has the details",
    "E504": "--encoding {value!r} is not a known text encoding; try utf-8, cp1252 or latin-1",
}
