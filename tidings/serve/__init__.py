"""The web UI and JSON API over a store: ``create_app(store)``."""

from tidings.serve.app import create_app

__all__ = ["create_app"]
