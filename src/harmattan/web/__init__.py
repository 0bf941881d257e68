"""The dashboard: static files (HTML, JS, CSS, vendored Leaflet and the Natural Earth basemap)
and the one dynamic route they need, ``GET /config.json``.

The page reads only the public API. This package serves files and the settings the page may
see (the optional tile URL); it must not query the store.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

from harmattan.config import Settings


def static_dir() -> Path:
    """The directory served at ``/`` (index.html, app.js, vendor/...)."""
    return Path(str(files("harmattan") / "web" / "static"))


def config_router(settings: Settings) -> APIRouter:
    """``GET /config.json``: what the page needs from the settings (nothing secret)."""
    router = APIRouter(tags=["dashboard"])
    payload = {"tile_url": settings.tile_url, "tile_attribution": "" if not settings.tile_url else "Map tiles"}

    @router.get("/config.json", include_in_schema=False)
    def dashboard_config() -> dict[str, Any]:
        return payload

    return router


def mount_dashboard(app: FastAPI, settings: Settings) -> None:
    """Add ``/config.json`` and serve the dashboard at ``/``; call after every API route."""
    app.include_router(config_router(settings))
    app.mount("/", StaticFiles(directory=static_dir(), html=True), name="dashboard")
