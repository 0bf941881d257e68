"""The REST API: ``create_app(settings, store)`` builds the FastAPI app; routes call store methods."""

from harmattan.api.app import create_app

__all__ = ["create_app"]
