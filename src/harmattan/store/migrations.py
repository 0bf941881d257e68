"""Schema migrations: registered functions, applied in order, recorded in the database.

Each migration is a function of one open connection (inside the transaction that records it).
It may branch on the dialect: SQLite gets an FTS5 table, PostgreSQL a tsvector column and,
when the PostGIS extension is available, a geometry column. Never edit an applied migration;
add a new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from harmattan.store import schema


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


MIGRATIONS: list[Migration] = []


def migration(name: str) -> Callable[[Callable[[Connection], None]], Callable[[Connection], None]]:
    """Register a migration; they run in registration order."""

    def register(func: Callable[[Connection], None]) -> Callable[[Connection], None]:
        if any(m.name == name for m in MIGRATIONS):
            raise ValueError(f"migration {name!r} registered twice")
        MIGRATIONS.append(Migration(name, func))
        return func

    return register


@migration("0001_tables")
def _tables(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.migrations]
    schema.metadata.create_all(conn, tables=tables)


@migration("0002_full_text")
def _full_text(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        # rowid = events.pk; body = notes + evidence text; filled by the store on every write.
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE events_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN search_tsv tsvector")
        conn.exec_driver_sql("CREATE INDEX ix_events_search ON events USING gin (search_tsv)")


@migration("0003_postgis")
def _postgis(conn: Connection) -> None:
    """A geometry column for bbox queries, only where PostGIS can be enabled (optional)."""
    enable_postgis(conn)


def postgis_schema(conn: Connection) -> str | None:
    """The schema PostGIS is installed in for this database, or None when it is not."""
    if conn.dialect.name != "postgresql":
        return None
    found = conn.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'postgis'"
    ).scalar()
    return str(found) if found is not None else None


def postgis_available(conn: Connection) -> bool:
    """Whether the server has the PostGIS extension packaged (installed or not in this database)."""
    return conn.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").first() is not None


def has_geometry(conn: Connection) -> bool:
    """Whether ``events`` (in the current schema) has the PostGIS ``geom`` column (never on SQLite)."""
    if conn.dialect.name != "postgresql":
        return False
    return (
        conn.exec_driver_sql(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = 'events' AND column_name = 'geom'"
        ).first()
        is not None
    )


def enable_postgis(conn: Connection) -> None:
    """Add ``events.geom`` (a generated Point, SRID 4326, GiST-indexed) when PostGIS can be used.

    A no-op on SQLite, on a server without PostGIS, without the right to create the extension,
    and when the column exists. The extension goes into ``public`` (so that dropping one store's
    schema never drops it under another's); every PostGIS name is qualified with its schema, so
    the store's own ``search_path`` need not include it.
    """
    if conn.dialect.name != "postgresql" or has_geometry(conn):
        return
    extension_schema = postgis_schema(conn)
    if extension_schema is None:
        if not postgis_available(conn):
            return
        public = conn.exec_driver_sql("SELECT 1 FROM pg_namespace WHERE nspname = 'public'").first() is not None
        savepoint = conn.begin_nested()
        try:
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis" + (" SCHEMA public" if public else ""))
            savepoint.commit()
        except sa.exc.DBAPIError:
            savepoint.rollback()  # no right to create the extension: plain lat/lon ranges are used
            return
        extension_schema = postgis_schema(conn)
        if extension_schema is None:
            return
    gis = conn.dialect.identifier_preparer.quote(extension_schema)
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql(
            f"ALTER TABLE events ADD COLUMN geom {gis}.geometry(Point, 4326) GENERATED ALWAYS AS ("
            "CASE WHEN longitude IS NULL OR latitude IS NULL THEN NULL "
            f"ELSE {gis}.ST_SetSRID({gis}.ST_MakePoint(longitude, latitude), 4326) END) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX ix_events_geom ON events USING gist (geom)")
        savepoint.commit()
    except sa.exc.DBAPIError:
        savepoint.rollback()  # e.g. an extension schema we may not use: plain lat/lon ranges are used


@migration("0004_sqlite_rtree")
def _sqlite_rtree(conn: Connection) -> None:
    """An R*Tree of event points for bbox queries on SQLite (PostgreSQL uses lat/lon or PostGIS)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("CREATE VIRTUAL TABLE events_rtree USING rtree(id, minlon, maxlon, minlat, maxlat)")
    conn.exec_driver_sql(
        "INSERT INTO events_rtree (id, minlon, maxlon, minlat, maxlat) SELECT pk, longitude, longitude, latitude, "
        "latitude FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
    )


@migration("0005_query_indexes")
def _query_indexes(conn: Connection) -> None:
    """Composite indexes measured with bench/query_latency.py at 1M events."""
    conn.exec_driver_sql("CREATE INDEX ix_events_country_interaction_date ON events (country, interaction, event_date)")
    conn.exec_driver_sql("DROP INDEX ix_events_updated")
    conn.exec_driver_sql("CREATE INDEX ix_events_updated_date ON events (updated_at, event_date)")


@migration("0006_rtree_dates_country_fatalities")
def _rtree_dates(conn: Connection) -> None:
    """The R*Tree carries event_date (so bbox + date range needs no row lookups); country by fatalities."""
    conn.exec_driver_sql("CREATE INDEX ix_events_country_fatalities ON events (country, fatalities)")
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("DROP TABLE events_rtree")
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE events_rtree USING rtree(id, minlon, maxlon, minlat, maxlat, +event_date)"
    )
    conn.exec_driver_sql(
        "INSERT INTO events_rtree (id, minlon, maxlon, minlat, maxlat, event_date) SELECT pk, longitude, longitude, "
        "latitude, latitude, event_date FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
    )


@migration("0007_rtree_days")
def _rtree_days(conn: Connection) -> None:
    """SQLite: a 3-D R*Tree (lon, lat, day) so bbox + date range is one index search.

    (0006's auxiliary event_date column is read row by row, as slow as the table itself.)
    ``day`` is days since 1970-01-01, exact in the R*Tree's 32-bit floats.
    """
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("DROP TABLE events_rtree")
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE events_rtree USING rtree(id, minlon, maxlon, minlat, maxlat, minday, maxday)"
    )
    conn.exec_driver_sql(
        "INSERT INTO events_rtree (id, minlon, maxlon, minlat, maxlat, minday, maxday) SELECT pk, longitude, "
        "longitude, latitude, latitude, julianday(event_date) - 2440587.5, julianday(event_date) - 2440587.5 "
        "FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
    )


@migration("0008_sqlite_actor_dates")
def _actor_dates(conn: Connection) -> None:
    """SQLite: actor links with their event's country and date, and pairs of one event's actors.

    ``event_actor_dates`` answers an actor (+ country, + dates) query from one index range in
    date order instead of reading every linked event from the wide events table;
    ``event_actor_pairs`` tells how many events several matching actors share, so that their
    distinct events are counted without a temporary b-tree of every link. Triggers keep both.
    """
    if conn.dialect.name != "sqlite":
        return
    for sql in (
        "CREATE TABLE event_actor_dates (actor_pk INTEGER NOT NULL, country VARCHAR NOT NULL, "
        "event_date DATE NOT NULL, event_pk INTEGER NOT NULL, "
        "PRIMARY KEY (actor_pk, country, event_date, event_pk)) WITHOUT ROWID",
        "CREATE INDEX ix_event_actor_dates_event ON event_actor_dates (event_pk)",
        "INSERT INTO event_actor_dates (actor_pk, country, event_date, event_pk) SELECT l.actor_pk, e.country, "
        "e.event_date, l.event_pk FROM event_actors AS l JOIN events AS e ON e.pk = l.event_pk",
        "CREATE TABLE event_actor_pairs (actor_lo INTEGER NOT NULL, actor_hi INTEGER NOT NULL, "
        "event_pk INTEGER NOT NULL, country VARCHAR NOT NULL, event_date DATE NOT NULL, "
        "PRIMARY KEY (actor_lo, actor_hi, event_pk)) WITHOUT ROWID",
        "CREATE INDEX ix_event_actor_pairs_event ON event_actor_pairs (event_pk)",
        "INSERT INTO event_actor_pairs (actor_lo, actor_hi, event_pk, country, event_date) SELECT a.actor_pk, "
        "b.actor_pk, a.event_pk, e.country, e.event_date FROM event_actors AS a JOIN event_actors AS b "
        "ON b.event_pk = a.event_pk AND b.actor_pk > a.actor_pk JOIN events AS e ON e.pk = a.event_pk",
        "CREATE TRIGGER event_actor_links_insert AFTER INSERT ON event_actors BEGIN "
        "INSERT INTO event_actor_dates (actor_pk, country, event_date, event_pk) SELECT new.actor_pk, country, "
        "event_date, pk FROM events WHERE pk = new.event_pk; "
        "INSERT INTO event_actor_pairs (actor_lo, actor_hi, event_pk, country, event_date) "
        "SELECT min(o.actor_pk, new.actor_pk), max(o.actor_pk, new.actor_pk), new.event_pk, e.country, e.event_date "
        "FROM event_actors AS o JOIN events AS e ON e.pk = new.event_pk "
        "WHERE o.event_pk = new.event_pk AND o.actor_pk <> new.actor_pk; END",
        "CREATE TRIGGER event_actor_links_delete AFTER DELETE ON event_actors BEGIN "
        "DELETE FROM event_actor_dates WHERE event_pk = old.event_pk AND actor_pk = old.actor_pk; "
        "DELETE FROM event_actor_pairs WHERE event_pk = old.event_pk AND old.actor_pk IN (actor_lo, actor_hi); END",
        "CREATE TRIGGER event_actor_links_update AFTER UPDATE OF country, event_date ON events BEGIN "
        "UPDATE event_actor_dates SET country = new.country, event_date = new.event_date WHERE event_pk = new.pk; "
        "UPDATE event_actor_pairs SET country = new.country, event_date = new.event_date WHERE event_pk = new.pk; END",
    ):
        conn.exec_driver_sql(sql)


@migration("0009_postgis_when_installed")
def _postgis_later(conn: Connection) -> None:
    """PostGIS installed on the server after the store was created: add the geometry now.

    (0003 found no PostGIS then, or could not use an extension outside the store's search_path.)
    """
    enable_postgis(conn)


def apply_migrations(engine: Engine) -> list[str]:
    """Apply every migration not yet recorded; returns the names applied now."""
    applied_now: list[str] = []
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242017)")  # one migrator at a time
        schema.migrations.create(conn, checkfirst=True)
        done = set(conn.execute(sa.select(schema.migrations.c.name)).scalars())
        for step in MIGRATIONS:
            if step.name in done:
                continue
            step.apply(conn)
            conn.execute(schema.migrations.insert().values(name=step.name, applied_at=dt.datetime.now(dt.UTC)))
            applied_now.append(step.name)
    return applied_now


def applied_migrations(conn: Connection) -> list[str]:
    return list(conn.execute(sa.select(schema.migrations.c.name).order_by(schema.migrations.c.name)).scalars())
