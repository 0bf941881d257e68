"""PostgreSQL with and without PostGIS: the geometry column, its GiST index, and bbox queries.

Runs on the local PostgreSQL only. The PostGIS tests skip, saying why, when the server has no
PostGIS package (Debian: ``postgresql-15-postgis-3``); the plain-PostgreSQL test always runs,
with the PostGIS migration made a no-op.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from harmattan.dedup import MergeResult
from harmattan.records import Article, EventRecord
from harmattan.store import BBox, EventQuery, SqlEventStore, migrations, store_from_url

pytestmark = pytest.mark.postgres

#: (event id, lat, lon): two in Mali, one in Niger, one on each side of 180° in Fiji, one unlocated.
POINTS = [("MLI1", 15.0, -2.0), ("MLI2", 16.2, -0.1), ("NER1", 14.0, 8.0), ("FJI1", -17.0, 179.5),
          ("FJI2", -16.5, -179.8), ("XXX1", None, None)]
BOXES = [
    (BBox(-5, 10, 10, 20), {"MLI1", "MLI2", "NER1"}),
    (BBox(-1, 15.5, 0, 17), {"MLI2"}),
    (BBox(179, -20, -179, -10), {"FJI1", "FJI2"}),  # across 180°
    (BBox(20, 0, 30, 5), set()),
]


NO_POSTGIS = "PostGIS is not installed on the local PostgreSQL (Debian: apt-get install postgresql-15-postgis-3)"


def keep_all(new: tuple[EventRecord, ...] | list[EventRecord], existing: object) -> MergeResult:
    return MergeResult(events=tuple(new), replaced=())


def fill(store: SqlEventStore, event_factory) -> None:  # type: ignore[no-untyped-def]
    for event_id, lat, lon in POINTS:
        event = event_factory(event_id, f"a-{event_id}", latitude=lat, longitude=lon)
        article = Article(id=f"a-{event_id}", text=f"report {event_id}", date=dt.date(2024, 3, 1))
        store.ingest(article, [event], merge=keep_all)


def found(store: SqlEventStore, box: BBox) -> set[str]:
    return {e.event_id_cnty for e in store.iter_events(EventQuery(bbox=box))}


def postgis_packaged(url: str) -> bool:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return migrations.postgis_available(conn)
    finally:
        engine.dispose()


@pytest.fixture
def postgis_store(store_url) -> Iterator[SqlEventStore]:  # type: ignore[no-untyped-def]
    if not postgis_packaged(store_url):
        pytest.skip(NO_POSTGIS)
    store = store_from_url(store_url)
    yield store
    store.close()


@pytest.mark.parametrize("store_url", ["postgres"], indirect=True)
def test_store_postgis_adds_an_indexed_point_geometry(postgis_store) -> None:  # type: ignore[no-untyped-def]
    assert postgis_store.dialect.postgis
    gis = postgis_store.dialect.postgis_schema
    with postgis_store.engine.connect() as conn:
        column = conn.exec_driver_sql(
            f"SELECT type, srid FROM {gis}.geometry_columns WHERE f_table_schema = current_schema() "
            "AND f_table_name = 'events' AND f_geometry_column = 'geom'"
        ).one()
        index = conn.exec_driver_sql(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'ix_events_geom'"
        ).scalar_one()
    assert tuple(column) == ("POINT", 4326)
    assert "USING gist (geom)" in index


@pytest.mark.parametrize("store_url", ["postgres"], indirect=True)
def test_store_postgis_answers_bbox_queries_from_the_geometry(postgis_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    fill(postgis_store, event_factory)
    for box, expected in BOXES:
        assert found(postgis_store, box) == expected, box
    with postgis_store.engine.connect() as conn:
        unlocated = conn.exec_driver_sql("SELECT count(*) FROM events WHERE geom IS NULL").scalar_one()
    assert unlocated == 1


@pytest.mark.parametrize("store_url", ["postgres"], indirect=True)
def test_store_postgis_bbox_is_a_gist_index_search(postgis_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa
    from sqlalchemy.dialects import postgresql

    from harmattan.store import schema

    fill(postgis_store, event_factory)
    clause = postgis_store.dialect.bbox_clause(-5, 10, 10, 20)
    sql = sa.select(schema.events.c.pk).where(clause).compile(
        dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
    )
    assert "ST_MakeEnvelope" in str(sql) and "&&" in str(sql)
    with postgis_store.engine.connect() as conn:
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")  # a 6-row table would be scanned otherwise
        plan = "\n".join(conn.exec_driver_sql(f"EXPLAIN {sql}").scalars())
    assert "ix_events_geom" in plan


@pytest.mark.parametrize("store_url", ["postgres"], indirect=True)
def test_store_plain_postgres_answers_bbox_queries_from_lat_lon(store_url, event_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(migrations, "enable_postgis", lambda conn: None)  # as on a server without PostGIS
    store = store_from_url(store_url)
    try:
        assert store.dialect.name == "postgresql" and not store.dialect.postgis
        with store.engine.connect() as conn:
            assert not migrations.has_geometry(conn)
        fill(store, event_factory)
        for box, expected in BOXES:
            assert found(store, box) == expected, box
    finally:
        store.close()


@pytest.mark.parametrize("store_url", ["postgres"], indirect=True)
def test_store_postgis_added_to_a_store_created_without_it(store_url, event_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """PostGIS installed after the store was made: reopening adds the geometry for existing rows."""
    if not postgis_packaged(store_url):
        pytest.skip(NO_POSTGIS)
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "enable_postgis", lambda conn: None)
        plain = store_from_url(store_url)
        fill(plain, event_factory)
        with plain.engine.begin() as conn:  # as a store migrated before 0009 existed
            conn.exec_driver_sql("DELETE FROM harmattan_migrations WHERE name = '0009_postgis_when_installed'")
        plain.close()
    store = store_from_url(store_url)
    try:
        assert store.dialect.postgis
        assert found(store, BBox(-5, 10, 10, 20)) == {"MLI1", "MLI2", "NER1"}
    finally:
        store.close()
