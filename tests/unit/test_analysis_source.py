"""Alerts read from a real (in-memory SQLite) store, served by GET /alerts and printed by the CLI."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import httpx
import pytest
from click.testing import CliRunner
from fastapi import FastAPI

from harmattan.analysis.source import alerts_from_store
from harmattan.api.alerts import alerts_router
from harmattan.cli.main import cli
from harmattan.records import Article, EventRecord
from harmattan.store import memory_store, store_from_url

MONDAY = dt.date(2024, 6, 3)


@dataclass(frozen=True)
class KeepAll:
    """A merge that keeps every event apart, so counts stay what the test wrote."""

    events: tuple[EventRecord, ...]
    replaced: tuple[str, ...] = ()


def keep_all(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> KeepAll:
    return KeepAll(tuple(new))


def fill(store, event_factory, weekly: list[int], *, admin1: str = "Mopti", country: str = "Mali"):  # type: ignore[no-untyped-def]
    """Ingest ``weekly`` counts of events (oldest first; the last is MONDAY's week), one article each."""
    n = len(weekly)
    for i, count in enumerate(weekly):
        for j in range(count):
            day = MONDAY - dt.timedelta(weeks=n - 1 - i) + dt.timedelta(days=j % 7)
            aid = f"{admin1}-{i}-{j}"
            article = Article(id=aid, text=f"Gunmen attacked a village in {admin1}.", date=day, language="en")
            store.ingest(article, [event_factory(f"EV-{aid}", aid, event_date=day.isoformat(), admin1=admin1,
                                                 country=country, actor1="JNIM")])


def get(app: FastAPI, path: str, params: dict[str, str]) -> httpx.Response:
    """One request through ASGI, no server (and no starlette TestClient)."""

    async def call() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return await client.get(path, params=params)

    return asyncio.run(call())


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    s = memory_store(merge=keep_all)
    yield s
    s.close()


def test_analysis_source_alerts_from_store_use_the_latest_event(store, event_factory):
    fill(store, event_factory, [2, 2, 2, 2, 6])
    report = alerts_from_store(store)
    assert report.as_of == MONDAY + dt.timedelta(days=5)
    kinds = {a.kind: a for a in report.alerts}
    assert kinds["admin1_surge"].admin1 == "Mopti"
    assert kinds["admin1_surge"].current == 6
    assert kinds["country_change"].level == "large increase"
    assert len(kinds["country_change"].event_ids) == 6


def test_analysis_source_empty_store_has_no_alerts(store):
    report = alerts_from_store(store)
    assert report.as_of is None and report.alerts == ()


def test_analysis_source_as_of_and_country(store, event_factory):
    fill(store, event_factory, [2, 2, 2, 2, 6])
    fill(store, event_factory, [1, 1, 1, 1, 1], admin1="Tillabéri", country="Niger")
    report = alerts_from_store(store, as_of=MONDAY - dt.timedelta(days=1), country="Niger")
    assert {a.country for a in report.alerts} == {"Niger"}
    assert all(a.week == MONDAY - dt.timedelta(weeks=1) for a in report.alerts)


def test_alerts_route_serves_json(store, event_factory):
    fill(store, event_factory, [2, 2, 2, 2, 6])
    app = FastAPI()
    app.include_router(alerts_router(store))
    body = get(app, "/alerts", {"country": "Mali"}).json()
    assert body["as_of"] == "2024-06-08"
    assert body["week"] == "2024-06-03"
    surge = next(a for a in body["alerts"] if a["kind"] == "admin1_surge")
    assert surge["level"] == "surge" and len(surge["event_ids"]) == 6
    assert set(surge) >= {"kind", "level", "country", "admin1", "actor", "week", "current", "baseline_4w",
                          "baseline_52w", "message", "event_ids"}


def test_alerts_route_rejects_a_bad_date_naming_it(store):
    app = FastAPI()
    app.include_router(alerts_router(store))
    response = get(app, "/alerts", {"as_of": "last week"})
    assert response.status_code == 422
    assert "as_of" in response.text


def test_alerts_cli_prints_alerts(tmp_path, event_factory, monkeypatch):
    url = f"sqlite:///{tmp_path / 'h.sqlite'}"
    disk = store_from_url(url, merge=keep_all)
    fill(disk, event_factory, [2, 2, 2, 2, 6])
    disk.close()
    monkeypatch.setenv("HARMATTAN_DATABASE_URL", url)
    result = CliRunner().invoke(cli, ["alerts", "--country", "Mali"])
    assert result.exit_code == 0, result.output
    assert "[surge] Mopti (Mali)" in result.output
    assert "events: EV-Mopti-4-0" in result.output
    as_json = CliRunner().invoke(cli, ["alerts", "--json", "--as-of", "2024-06-08"])
    assert '"as_of": "2024-06-08"' in as_json.output


def test_alerts_cli_rejects_a_bad_date():
    result = CliRunner().invoke(cli, ["alerts", "--as-of", "yesterday"])
    assert result.exit_code == 2
    assert "not a date" in result.output
