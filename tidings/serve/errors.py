"""One error shape for every response that fails, and the handlers that produce it.

Every error, JSON or HTML, is built by :func:`error_body`::

    {"ok": false, "error": "what went wrong", "errors": [...], "status": 404}

API clients get it as JSON; a browser asking for an HTML page gets the same body rendered by
``templates/error.html``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from tidings.errors import MESSAGES, TidingsError

LOGGER = logging.getLogger(__name__)


def error_body(status: int, message: str, errors: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """Return the one JSON error shape: ``ok`` false, the message, per-field ``errors``, the status."""
    return {"ok": False, "error": message, "errors": [dict(e) for e in errors], "status": status}


def error_response(request: Request, body: dict[str, Any], headers: Mapping[str, str] | None = None) -> Response:
    """Return ``body`` as JSON, or as an HTML page to a browser asking for a page (not ``/api``)."""
    status = int(body["status"])
    wants_html = "text/html" in request.headers.get("accept", "") and not request.url.path.startswith("/api")
    templates = getattr(request.app.state, "templates", None)
    if wants_html and templates is not None:
        page: Response = templates.TemplateResponse(request, "error.html", {"body": body}, status_code=status,
                                                    headers=dict(headers or {}))
        return page
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # only loc/msg/type: pydantic's "input" and "ctx" may be large or not JSON-serialisable
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()]


async def _http_error(request: Request, exc: Exception) -> Response:
    http = cast(HTTPException, exc)
    return error_response(request, error_body(http.status_code, str(http.detail)), headers=http.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    errors = _validation_errors(cast(RequestValidationError, exc))
    return error_response(request, error_body(422, MESSAGES["E604"], errors))


async def _tidings_error(request: Request, exc: Exception) -> Response:
    code = cast(TidingsError, exc).code
    return error_response(request, error_body(400, str(exc), [{"code": code}]))


async def _server_error(request: Request, exc: Exception) -> Response:
    LOGGER.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(request, error_body(500, MESSAGES["E605"]))


def install_handlers(app: FastAPI) -> None:
    """Make every error ``app`` raises answer with :func:`error_body`'s shape."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(TidingsError, _tidings_error)
    app.add_exception_handler(Exception, _server_error)
