"""Browser-test fixtures: a store filled by the real pipeline from ``reports.jsonl`` (short EN/FR
reports written for these tests), the real API and dashboard served by uvicorn on a free
localhost port, and Debian's chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
REPORTS = Path(__file__).parent / "reports.jsonl"
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "browser"

#: An article and event with markup in every text field: the page must show it as text.
HOSTILE_TEXT = 'Armed men <img src=x onerror="window.__pwned=1"> attacked Gao <b>market</b> & left.'


def _hostile_records() -> tuple[Any, Any]:
    from harmattan.records import Article, EventRecord, Evidence

    start = HOSTILE_TEXT.index("attacked")
    article = Article(
        id="hostile-1", text=HOSTILE_TEXT, date=dt.date(2024, 5, 30), language="en",
        title="<script>window.__pwned=2</script>Report", url="javascript:alert(1)", source="Test <i>Wire</i>",
    )
    event = EventRecord(
        event_id_cnty="HOSTILE1", event_date="2024-05-30", year=2024, time_precision=1,
        disorder_type="Political violence", event_type="Violence against civilians", sub_event_type="Attack",
        actor1='Gang <img src=x onerror="window.__pwned=3">', assoc_actor_1="", inter1=3,
        actor2="Civilians (Mali)", assoc_actor_2="", inter2=7, interaction=37, civilian_targeting="",
        iso=466, region="Western Africa", country="Mali", admin1="Gao", admin2="", admin3="", location="Gao",
        latitude=16.27, longitude=-0.04, geo_precision=1, source="Test <i>Wire</i>", source_scale="",
        notes="Notes with <em>markup</em>", fatalities=1, tags="", timestamp=0, article_ids=("hostile-1",),
        evidence=(Evidence("hostile-1", "event_type", start, start + 8, "attacked"),), language="en",
    )
    return article, event


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="PyPI playwright is not installed (pip install -e '.[dev]')")
    return CHROMIUM


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory: pytest.TempPathFactory, chromium_path: Path) -> Iterator[Any]:
    """A SQLite store holding what the real pipeline coded from reports.jsonl, plus one hostile event."""
    from harmattan.coding import CodingReport, iter_documents
    from harmattan.config import load_settings
    from harmattan.ingest.readers import read_inputs
    from harmattan.pipeline import build_pipeline
    from harmattan.store import store_from_url

    data_dir = tmp_path_factory.mktemp("browser-store")
    settings = load_settings(data_dir=data_dir)
    store = store_from_url(settings.resolved_database_url)
    report = CodingReport()
    for doc in iter_documents(read_inputs([REPORTS]), build_pipeline(settings), report, on_error="fail"):
        store.ingest(doc.article, doc.events)
    assert report.events >= 5, f"the pipeline coded too few events from {REPORTS.name}: {report}"
    article, event = _hostile_records()
    store.ingest(article, [event])
    yield store
    store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(coded_store: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app (API + dashboard) on a free localhost port; yields its base URL."""
    import uvicorn

    api = pytest.importorskip("harmattan.api", reason="the API package is not available")
    if not hasattr(api, "create_app"):
        pytest.skip("harmattan.api.create_app is not available yet")
    from harmattan.config import load_settings

    settings = load_settings(data_dir=tmp_path_factory.mktemp("browser-settings"))
    app = api.create_app(settings, coded_store)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(chromium_path: Path) -> Iterator[Any]:
    """Chromium for one test module. Not session-wide: Playwright's sync API keeps an event loop
    running in the main thread, which would break ``asyncio.run`` in every later test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records console errors and uncaught exceptions in ``page.problems``."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console: {m.text}")
          if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    pg.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.problems = problems
    yield pg
    context.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
