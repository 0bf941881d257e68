"""``create_app(settings, store)``: the FastAPI application factory.

Builds nothing at import. Mounts the REST routes, the ``/alerts`` router when
``harmattan.api.alerts`` provides ``alerts_router(store)``, and the dashboard's static files
(``harmattan/web/static``) at ``/`` when they are installed. Our errors become JSON responses:
a StoreError is a 503, any other HarmattanError a 400; never an HTML 500 page. ``/docs`` is
Swagger UI from the vendored files (``web/static/vendor/swagger-ui``), so it works offline;
there is no ``/redoc``.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from harmattan.config import Settings
from harmattan.errors import HarmattanError, StoreError
from harmattan.store.base import EventStore

log = logging.getLogger(__name__)

DESCRIPTION = """\
Events coded by Harmattan from EN/FR news reports, in ACLED's schema, one record per real event
with every report behind it.

* `GET /events` filters like ACLED's API (`country`, `admin1`, `event_type`, `sub_event_type`,
  `actor`, `interaction`, `event_date_from`/`event_date_to` or `event_date=A|B`, `bbox`, `q`,
  `updated_since`), pages with `limit`/`offset`, sorts, and answers JSON, CSV or GeoJSON.
* `GET /events/{id}` adds evidence spans and reports; `GET /articles/{id}` is the text the
  evidence offsets point into.
* `GET /stats` aggregates the same filters; `GET /filters` lists dropdown values.
* Bad parameters answer 422 with `loc` naming the parameter; unknown ids 404.
"""


def static_dir() -> Path | None:
    """The dashboard's files, if the web package ships them."""
    path = Path(__file__).resolve().parent.parent / "web" / "static"
    return path if (path / "index.html").is_file() else None


SWAGGER_UI = "vendor/swagger-ui"  # under web/static, served by the dashboard mount


def _add_docs(app: FastAPI) -> None:
    """``GET /docs``: Swagger UI loading only our own files (no CDN)."""

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        assets = f"{root}/{SWAGGER_UI}"
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} API",
            swagger_js_url=f"{assets}/swagger-ui-bundle.js",
            swagger_css_url=f"{assets}/swagger-ui.css",
            swagger_favicon_url=f"{assets}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
        )


def _include_alerts(app: FastAPI, store: EventStore) -> None:
    if importlib.util.find_spec("harmattan.api.alerts") is None:
        return
    module = importlib.import_module("harmattan.api.alerts")
    factory = getattr(module, "alerts_router", None)
    if factory is not None:
        app.include_router(factory(store))


def create_app(settings: Settings, store: EventStore) -> FastAPI:
    """The API (and dashboard) over ``store``; the caller owns and closes the store."""
    from harmattan import __version__
    from harmattan.api.routes import router

    app = FastAPI(title="Harmattan", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.store = store

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error on %s: %s", request.url.path, exc)
        return JSONResponse({"detail": f"event store unavailable: {exc}"}, status_code=503)

    @app.exception_handler(HarmattanError)
    async def harmattan_error(request: Request, exc: HarmattanError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    app.include_router(router)
    _include_alerts(app, store)
    web = static_dir()
    if web is not None and (web / SWAGGER_UI / "swagger-ui-bundle.js").is_file():
        _add_docs(app)
    if web is not None:
        from fastapi.staticfiles import StaticFiles

        from harmattan.web import config_router

        app.include_router(config_router(settings))  # GET /config.json: the dashboard's tile_url
        app.mount("/", StaticFiles(directory=web, html=True), name="web")  # after the API routes
    return app
