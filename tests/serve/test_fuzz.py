"""Fuzz the JSON API from its own OpenAPI schema (schemathesis): no input, valid or not, gets a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tidings.ingest import make_document
from tidings.serve import create_app
from tidings.store.ingest import ingest
from tidings.store.sqlite import SQLiteStore

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[test]')")
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

TEXT = """Floods force thousands from homes in Kharkiv
Thousands of residents were evacuated from Kharkiv in Ukraine on Tuesday after the river burst its banks.
10:15 Mayor promises help
"We will not leave anyone behind," Mr Terekhov, the mayor, told reporters.
"""


@pytest.fixture(scope="module")
def api_schema() -> Iterator[Any]:
    store = SQLiteStore(":memory:")
    ingest([make_document(TEXT, id="live/kharkiv", title="Kharkiv floods", published="2025-03-04")], store)
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(store, max_body=20_000))
    store.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_fuzz_api_answers_without_server_errors(case: Any) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500, response.text
    if response.status_code >= 400:  # every error has the one shape
        assert set(response.json()) == {"ok", "error", "errors", "status"}
