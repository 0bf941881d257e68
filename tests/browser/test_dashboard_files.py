"""Cheap guards on the dashboard's files (no browser needed): offline, small, no innerHTML."""

from __future__ import annotations

import asyncio
import re

import httpx
from fastapi import FastAPI

from harmattan.config import load_settings
from harmattan.web import config_router, mount_dashboard, static_dir

SCRIPTS = ("dom.js", "map.js", "timeline.js", "table.js", "detail.js", "alerts.js")
OWN_SCRIPTS = ["app.js", *(f"js/{name}" for name in SCRIPTS)]


def _code(text: str) -> str:
    """JavaScript without its comments (which may name what the code must not do)."""
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)


def test_dashboard_files_reference_only_local_assets():
    html = (static_dir() / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs, "index.html references nothing?"
    for ref in refs:
        assert not re.match(r"^(https?:)?//", ref), f"{ref} would be fetched from the network"
        if not ref.startswith("data:"):
            assert (static_dir() / ref).is_file(), f"{ref} is missing from web/static"


def test_dashboard_files_vendored_assets_stay_small():
    vendor = static_dir() / "vendor"
    total = sum(p.stat().st_size for p in vendor.rglob("*") if p.is_file())
    assert total < 5 * 1024 * 1024
    assert (vendor / "basemap" / "countries-50m.json").is_file()


def test_dashboard_files_never_assign_markup():
    for name in OWN_SCRIPTS:
        code = _code((static_dir() / name).read_text(encoding="utf-8"))
        for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert banned not in code, f"{name} uses {banned}: build DOM nodes with textContent instead"


def _get(app: FastAPI, path: str) -> httpx.Response:
    async def call() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return await client.get(path)

    return asyncio.run(call())


def test_dashboard_files_config_json_exposes_the_tile_url(tmp_path):
    app = FastAPI()
    app.include_router(config_router(load_settings(data_dir=tmp_path, tile_url="https://tiles.example/{z}/{x}/{y}.png")))
    assert _get(app, "/config.json").json()["tile_url"] == "https://tiles.example/{z}/{x}/{y}.png"


def test_dashboard_files_mount_serves_index_and_config(tmp_path):
    app = FastAPI()
    mount_dashboard(app, load_settings(data_dir=tmp_path))
    assert "<title>Harmattan" in _get(app, "/").text
    assert _get(app, "/config.json").json() == {"tile_url": "", "tile_attribution": ""}
    assert _get(app, "/vendor/leaflet/leaflet.js").status_code == 200
