"""Build the web app: the route table in one place, the body limit, templates, static files.

Example:
    >>> from tidings.store.sqlite import SQLiteStore
    >>> app = create_app(SQLiteStore(":memory:"))
    >>> "/api/quotes" in {route.path for route in app.routes}
    True

Run it with ``python -c "import uvicorn; from tidings.serve import create_app; from tidings.store
import open_store; uvicorn.run(create_app(open_store('tidings.db')), port=8000)"``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from tidings.errors import MESSAGES
from tidings.serve import views
from tidings.serve.errors import error_body, install_handlers
from tidings.store.base import Store

HERE = Path(__file__).parent
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

API_ROUTES: tuple[tuple[str, Callable[..., Any], str], ...] = (
    ("/api/quotes", views.api_quotes, "GET"),
    ("/api/entities", views.api_entities, "GET"),
    ("/api/entities/{name:path}", views.api_entity, "GET"),
    ("/api/events", views.api_events, "GET"),
    ("/api/timeline/{entity:path}", views.api_timeline, "GET"),
    ("/api/search", views.api_search, "GET"),
    ("/api/documents/{doc_id:path}", views.api_document, "GET"),
    ("/api/analyze", views.api_analyze, "POST"),
)
PAGES: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("/", views.page_index),
    ("/documents/{doc_id:path}", views.page_document),
    ("/quotes", views.page_quotes),
    ("/entities/{name:path}", views.page_entity),
    ("/events", views.page_events),
)


class _BodyLimit:
    """Answer 413 to a request whose body is over ``max_body`` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_body:
            await self._refuse(int(length), send)
            return
        chunks, size, more = [], 0, True
        while more:  # read the body here, so a chunked body cannot run past the limit either
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = bool(message.get("more_body"))
            if size > self.max_body:
                await self._refuse(size, send)
                return
        replay: list[Message] = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def receive_again() -> Message:
            return replay.pop() if replay else await receive()

        await self.app(scope, receive_again, send)

    async def _refuse(self, size: int, send: Send) -> None:
        body = error_body(413, MESSAGES["E603"].format(size=size, limit=self.max_body))
        await JSONResponse(body, status_code=413)({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return Jinja2Templates(env=env)


def create_app(store: Store, *, max_body: int = 1_000_000) -> FastAPI:
    """Return the web app over ``store``: the JSON API under ``/api``, HTML pages, ``/static``.

    Args:
        store: where the pages and API read facts from (it is not closed by the app).
        max_body: the largest request body in bytes; a larger one gets 413.
    """
    app = FastAPI(title="tidings", summary="News turned into evidence-linked facts.", version="0.1.0")
    app.state.store = store
    app.state.places = {}  # document id -> title and event points, for the map (places.with_points)
    app.state.templates = _templates()
    install_handlers(app)
    for path, endpoint, method in API_ROUTES:
        app.add_api_route(path, endpoint, methods=[method], tags=["api"])
    for path, endpoint in PAGES:
        app.add_api_route(path, endpoint, methods=["GET"], response_class=HTMLResponse, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(_BodyLimit, max_body=max_body)
    return app
