"""Query plans that answer from one index (R*Tree, actor links, sorted matches) give the same pages.

Every shape is checked against ``iter_events``, which runs the plain filtered, ordered SELECT:
same total, same events in the same order, for both sorts and several offsets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pytest

from harmattan.dedup import MergeResult
from harmattan.records import Article, EventRecord
from harmattan.store import BBox, EventQuery

ACTORS = ["JNIM: Group for Support of Islam and Muslims", "Islamic State (Sahel)", "Islamic State (West Africa)"]
PLACES = [("Mali", 15.0, -2.0), ("Niger", 14.0, 8.0), ("Fiji", -17.0, 179.5), ("Fiji", -16.5, -179.8)]


def keep_all(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> MergeResult:
    return MergeResult(events=tuple(new), replaced=())


@pytest.fixture
def varied(fresh_store, event_factory):  # type: ignore[no-untyped-def]
    """40 events over 4 places, 5 dates (ties on purpose), up to 4 actors each, two words of notes."""
    for i in range(40):
        country, lat, lon = PLACES[i % 4]
        event = event_factory(
            f"E{i:02d}",
            f"a{i}",
            event_date=(dt.date(2024, 1, 1) + dt.timedelta(days=7 * (i % 5))).isoformat(),
            country=country,
            latitude=lat + (i % 3) * 0.1,
            longitude=lon,
            actor1=ACTORS[i % 3],
            actor2="Civilians (Mali)" if i % 2 else "",
            # events with two and three "islamic state" actors: shared links are counted once
            assoc_actor_1="Islamic State (West Africa)" if i % 5 == 1 else "",
            assoc_actor_2="Islamic State (Greater Sahara); Islamic State (Sahel)" if i % 7 == 2 else "",
            fatalities=i % 6,
            notes="ambush convoy" if i % 4 else "market attack",
        )
        fresh_store.ingest(Article(id=f"a{i}", text=f"report {i}", date=dt.date(2024, 3, 1)), [event], merge=keep_all)
    return fresh_store


SHAPES = [
    EventQuery(bbox=BBox(-5, 10, 10, 20)),
    EventQuery(bbox=BBox(-5, 10, 10, 20), date_from=dt.date(2024, 1, 8), date_to=dt.date(2024, 1, 22)),
    EventQuery(bbox=BBox(179, -20, -179, -10)),  # across 180°
    EventQuery(bbox=BBox(-5, 10, 10, 20), country="Mali"),
    EventQuery(actor="islamic state"),
    EventQuery(actor="jnim"),
    EventQuery(actor="islamic state", country="Niger"),
    EventQuery(actor="civilians", date_from=dt.date(2024, 1, 15)),
    EventQuery(actor="islamic state", country="Mali", date_from=dt.date(2024, 1, 8), date_to=dt.date(2024, 1, 22)),
    EventQuery(actor="state (", country="Fiji"),
    EventQuery(q="convoy"),
    EventQuery(q="market", actor="jnim"),
    EventQuery(updated_since=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)),
    EventQuery(country="Fiji"),
    EventQuery(),
]


@pytest.mark.parametrize(
    "shape",
    SHAPES,
    ids=lambda q: (
        ",".join(f.name for f in dataclasses.fields(q) if getattr(q, f.name) not in (None, 100, 0, "-event_date"))
        or "none"
    ),
)
def test_store_queries_pages_match_the_plain_select(varied, shape: EventQuery) -> None:  # type: ignore[no-untyped-def]
    for sort in ("-event_date", "event_date", "-fatalities"):
        everything = [e.event_id_cnty for e in varied.iter_events(dataclasses.replace(shape, sort=sort))]
        assert everything, "the shape should match something"
        for limit, offset in [(100, 0), (3, 0), (4, 5), (10, len(everything) - 2), (5, len(everything))]:
            query = dataclasses.replace(shape, sort=sort, limit=limit, offset=offset)
            page = varied.query_events(query)
            assert page.total == len(everything), query
            assert [e.event_id_cnty for e in page.events] == everything[offset : offset + limit], query


def _assert_pages_match(store, shapes: Sequence[EventQuery]) -> None:  # type: ignore[no-untyped-def]
    for shape in shapes:
        everything = [e.event_id_cnty for e in store.iter_events(shape)]
        page = store.query_events(dataclasses.replace(shape, limit=7, offset=2))
        assert (page.total, [e.event_id_cnty for e in page.events]) == (len(everything), everything[2:9]), shape


ACTOR_SHAPES = [EventQuery(actor="islamic state", country=c) for c in ("Mali", "Niger")] + [
    EventQuery(actor="islamic state"),
    EventQuery(bbox=BBox(-5, 10, 10, 20), date_from=dt.date(2024, 1, 8)),
]


def test_store_queries_follow_recoded_events(varied, event_factory) -> None:  # type: ignore[no-untyped-def]
    """A changed article moves its event (country, date, actors); the auxiliary indexes follow."""
    for i in (1, 2, 5):
        moved = event_factory(
            f"E{i:02d}",
            f"a{i}",
            event_date="2024-02-26",
            country="Niger",
            latitude=14.2,
            longitude=8.1,
            actor1="Islamic State (Sahel)",
            assoc_actor_1="Islamic State (West Africa)",
        )
        article = Article(id=f"a{i}", text=f"report {i}, corrected", date=dt.date(2024, 3, 2))
        assert varied.ingest(article, [moved], merge=keep_all).status == "updated"
    _assert_pages_match(varied, ACTOR_SHAPES)


def test_store_queries_migration_0008_fills_an_existing_store(varied) -> None:  # type: ignore[no-untyped-def]
    """A store from before 0008 gets its actor tables filled from its links on opening."""
    if varied.dialect.name != "sqlite":
        pytest.skip("0008 builds SQLite-only tables")
    from harmattan.store import store_from_url

    with varied.engine.begin() as conn:
        for trigger in ("insert", "delete", "update"):
            conn.exec_driver_sql(f"DROP TRIGGER event_actor_links_{trigger}")
        conn.exec_driver_sql("DROP TABLE event_actor_dates")
        conn.exec_driver_sql("DROP TABLE event_actor_pairs")
        conn.exec_driver_sql("DELETE FROM harmattan_migrations WHERE name = '0008_sqlite_actor_dates'")
    reopened = store_from_url(varied.engine.url.render_as_string(hide_password=False))
    try:
        _assert_pages_match(reopened, ACTOR_SHAPES)
    finally:
        reopened.close()
