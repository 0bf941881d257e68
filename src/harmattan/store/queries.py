"""Read side of the SQL store: filters -> WHERE clauses, rows -> records, aggregates.

Pure query building over one Connection; the only dialect differences (full-text search,
PostGIS bbox) live in ``Dialect``. Must not write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql.elements import ColumnElement

from harmattan.records import EventRecord, Evidence
from harmattan.store import schema
from harmattan.store.base import (
    ActorCount,
    Admin1Count,
    BBox,
    EventQuery,
    EventStats,
    FilterValues,
    StoredArticle,
    TypeCount,
    WeekCount,
)

E = schema.events
TOP_ACTORS_FILTERS = 200
TOP_ACTORS_STATS = 100
TOP_ADMIN1_STATS = 500
EQUALITY_FILTERS = ("country", "admin1", "event_type", "sub_event_type", "interaction")


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form used for actor and full-text matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_terms(q: str) -> list[str]:
    """The words of a free-text query (punctuation and operators dropped)."""
    return re.findall(r"\w+", fold(q))


@dataclass(frozen=True)
class Dialect:
    """What differs between back-ends: full-text search and the bbox test."""

    name: str  # "sqlite" | "postgresql"
    postgis: bool = False  # PostgreSQL with events.geom (see migrations.enable_postgis)
    postgis_schema: str = "public"  # where the extension lives; its names are qualified with it

    def search_clause(self, q: str, *, pk: Any = E.c.pk) -> ColumnElement[bool] | None:
        terms = search_terms(q)
        if not terms:
            return None
        if self.name == "sqlite":
            match = " ".join(f'"{t}"*' for t in terms)  # every word, as a prefix
            fts = sa.table("events_fts", sa.column("rowid"))
            sub = sa.select(fts.c.rowid).where(sa.text("events_fts MATCH :fts_query").bindparams(fts_query=match))
            clause: ColumnElement[bool] = pk.in_(sub)
            return clause
        tsquery = " & ".join(f"{t}:*" for t in terms)
        return sa.literal_column("events.search_tsv").op("@@")(sa.func.to_tsquery("simple", tsquery))

    def bbox_clause(
        self, minlon: float, minlat: float, maxlon: float, maxlat: float, *, dates: Sequence[Any] = ()
    ) -> ColumnElement[bool]:
        """Events inside the box; ``dates`` (SQLite) are day-axis conditions searched in the R*Tree."""
        if self.postgis:
            if minlon <= maxlon:
                return self._geom_in(minlon, minlat, maxlon, maxlat)
            return sa.or_(self._geom_in(minlon, minlat, 180.0, maxlat), self._geom_in(-180.0, minlat, maxlon, maxlat))
        if self.name == "sqlite":
            boxes = rtree_selects(BBox(minlon, minlat, maxlon, maxlat), dates, columns=("id",))
            inside: ColumnElement[bool] = E.c.pk.in_(sa.union_all(*boxes))
            return inside
        lat = E.c.latitude.between(minlat, maxlat)
        if minlon <= maxlon:
            return sa.and_(lat, E.c.longitude.between(minlon, maxlon))
        return sa.and_(lat, sa.or_(E.c.longitude >= minlon, E.c.longitude <= maxlon))  # across 180°


    def _geom_in(self, minlon: float, minlat: float, maxlon: float, maxlat: float) -> ColumnElement[bool]:
        """PostGIS: ``geom && ST_MakeEnvelope(...)``, a GiST index search (exact for points)."""
        gis = getattr(sa.func, self.postgis_schema)
        envelope = gis.ST_MakeEnvelope(minlon, minlat, maxlon, maxlat, 4326)
        quoted = '"' + self.postgis_schema.replace('"', '""') + '"'
        overlaps = f"OPERATOR({quoted}.&&)"
        return sa.literal_column("events.geom").op(overlaps, is_comparison=True)(envelope)


RTREE = sa.table(
    "events_rtree", *(sa.column(c) for c in ("id", "minlon", "maxlon", "minlat", "maxlat", "minday", "maxday"))
)


def rtree_selects(bbox: BBox, dates: Sequence[Any], *, columns: Sequence[str]) -> list[sa.Select[Any]]:
    """SQLite: the R*Tree searches for a box (two, disjoint, across 180°) and day-axis conditions."""
    c = RTREE.c
    lats = (c.minlat >= bbox.minlat, c.maxlat <= bbox.maxlat, *(d(c) for d in dates))
    if bbox.minlon <= bbox.maxlon:
        boxes = [sa.and_(c.minlon >= bbox.minlon, c.maxlon <= bbox.maxlon, *lats)]
    else:
        boxes = [sa.and_(c.minlon >= bbox.minlon, *lats), sa.and_(c.maxlon <= bbox.maxlon, *lats)]
    return [sa.select(*(c[n] for n in columns)).where(b) for b in boxes]


def day_conditions(query: EventQuery) -> list[Any]:
    """The query's date range as conditions on the R*Tree's day axis (days since 1970-01-01)."""
    epoch = dt.date(1970, 1, 1)
    start, end = query.date_from, query.date_to
    dates: list[Any] = []
    if start is not None:
        dates.append(lambda c: c.minday >= (start - epoch).days)
    if end is not None:
        dates.append(lambda c: c.maxday <= (end - epoch).days)
    return dates


def _unindexed(column: sa.Column[Any]) -> Any:
    """``+column``: SQLite will not use an index for this term (so it walks the sort index)."""
    return sa.literal_column(f"+{column.table.name}.{column.name}", column.type)


def where_clauses(query: EventQuery, dialect: Dialect, *, walk: bool = False) -> list[ColumnElement[bool]]:
    """One clause per filter set in ``query``.

    ``walk`` (SQLite) keeps the non-equality filters off their indexes, so that the planner
    walks the sort index and stops after one page; ``walk_sort_index`` decides when that pays.
    """
    pk, updated_at = (_unindexed(E.c.pk), _unindexed(E.c.updated_at)) if walk else (E.c.pk, E.c.updated_at)
    clauses: list[ColumnElement[bool]] = []
    for name in EQUALITY_FILTERS:
        value = getattr(query, name)
        if value is not None and value != "":
            clauses.append(E.c[name] == value)
    if query.date_from is not None:
        clauses.append(E.c.event_date >= query.date_from)
    if query.date_to is not None:
        clauses.append(E.c.event_date <= query.date_to)
    if query.updated_since is not None:
        clauses.append(updated_at >= query.updated_since)
    if query.actor:
        names = sa.select(schema.actors.c.pk).where(schema.actors.c.folded.contains(fold(query.actor), autoescape=True))
        EA = schema.event_actors
        if walk:  # probe each walked row instead of materialising every matching event first
            clauses.append(sa.exists().where(EA.c.event_pk == E.c.pk, EA.c.actor_pk.in_(names)))
        else:
            clauses.append(pk.in_(sa.select(EA.c.event_pk).where(EA.c.actor_pk.in_(names))))
    if query.bbox is not None:
        b = query.bbox
        dates = day_conditions(query)
        clauses.append(dialect.bbox_clause(b.minlon, b.minlat, b.maxlon, b.maxlat, dates=dates))
    if query.q:
        clause = dialect.search_clause(query.q, pk=pk)
        if clause is not None:
            clauses.append(clause)
    return clauses


def order_by(query: EventQuery, *, unindexed: bool = False) -> list[Any]:
    """The query's order, ties broken by pk; ``unindexed`` (SQLite) keeps the planner off the
    sort index, so that it finds the matches through their filter's index and sorts them."""
    column = E.c.fatalities if query.sort.lstrip("-") == "fatalities" else E.c.event_date
    if unindexed:
        column = _unindexed(column)
    if query.sort.startswith("-"):
        return [column.desc(), E.c.pk.desc()]
    return [column.asc(), E.c.pk.asc()]


EVENT_COLUMNS = [E.c.pk, *(E.c[n] for n in schema.RECORD_COLUMNS), E.c.merge_reasons, E.c.article_ids]
WALK_BUDGET = 5_000  # rows SQLite may step through on the sort index to fill one page
# ... when each step only probes an in-memory list (text matches): ~0.2 µs a row, against ~2 µs
# a match to look up and sort instead (measured at 1M events)
WALK_BUDGET_LISTED = 30_000


def events_select(query: EventQuery, dialect: Dialect) -> sa.Select[Any]:
    """Every matching event in the query's order (no limit)."""
    return sa.select(*EVENT_COLUMNS).where(*where_clauses(query, dialect)).order_by(*order_by(query))


def walk_sort_index(query: EventQuery, dialect: Dialect, *, total: int, table_rows: int) -> bool:
    """Whether one page is found faster by stepping through the date index than by sorting matches.

    True on SQLite for date-sorted queries without an equality filter (those have composite
    indexes that already give the order) when matches are common enough that a page lies
    within ``WALK_BUDGET`` rows of the index.
    """
    if dialect.name != "sqlite" or query.sort.lstrip("-") != "event_date" or total <= 0:
        return False
    if any(getattr(query, n) for n in ("country", "admin1", "event_type", "sub_event_type")):
        return False
    if not (query.actor or query.q or query.updated_since is not None):
        return False
    listed = bool(query.q) and not query.actor and query.updated_since is None
    return table_rows / total * (query.limit + query.offset) <= (WALK_BUDGET_LISTED if listed else WALK_BUDGET)


def sort_matches(query: EventQuery, dialect: Dialect, *, walk: bool) -> bool:
    """Whether to find the matches through their own index and sort them (SQLite).

    For a query without an equality filter (which has a composite index in the query's order)
    whose selective filter is an actor, text, box or ``updated_since`` whose matches are too
    rare to walk to: SQLite would otherwise walk the whole sort index probing each row.
    """
    if dialect.name != "sqlite" or walk:
        return False
    if any(getattr(query, n) not in (None, "") for n in EQUALITY_FILTERS):
        return False
    return bool(query.actor or query.q or query.bbox is not None or query.updated_since is not None)


def rows_of(conn: Connection, keys: Sequence[int]) -> list[Row[Any]]:
    """Full rows for ``keys``, in that order."""
    if not keys:
        return []
    rows = {r.pk: r for r in conn.execute(sa.select(*EVENT_COLUMNS).where(E.c.pk.in_(keys)))}
    return [rows[k] for k in keys if k in rows]


def page_rows(conn: Connection, query: EventQuery, dialect: Dialect, *, total: int) -> list[Row[Any]]:
    """One page of full rows: the page's keys first (cheap), then those rows."""
    table_rows = int(conn.execute(sa.select(sa.func.max(E.c.pk))).scalar() or 0)
    walk = walk_sort_index(query, dialect, total=total, table_rows=table_rows)
    unindexed = sort_matches(query, dialect, walk=walk)
    keys = list(
        conn.execute(
            sa.select(E.c.pk)
            .where(*where_clauses(query, dialect, walk=walk))
            .order_by(*order_by(query, unindexed=unindexed))
            .limit(query.limit)
            .offset(query.offset)
        ).scalars()
    )
    return rows_of(conn, keys)


def count_events(conn: Connection, query: EventQuery, dialect: Dialect) -> int:
    """How many events match; an actor-only or text-only query is counted from its own index."""
    rest = dataclasses.replace(query, actor=None, q=None, limit=1, offset=0, sort="-event_date")
    has_text = bool(query.q and search_terms(query.q))
    if rest == EventQuery(limit=1) and bool(query.actor) != has_text:
        if query.actor:
            EA, A = schema.event_actors, schema.actors
            names = sa.select(A.c.pk).where(A.c.folded.contains(fold(query.actor), autoescape=True))
            actors = list(conn.execute(names).scalars())
            several = len(actors) > 1  # then an event linked to two of them is counted once
            counted = sa.func.count(sa.distinct(EA.c.event_pk)) if several else sa.func.count()
            return int(conn.execute(sa.select(counted).select_from(EA).where(EA.c.actor_pk.in_(actors))).scalar_one())
        if dialect.name == "sqlite" and query.q:
            match = " ".join(f'"{t}"*' for t in search_terms(query.q))
            sql = sa.text("SELECT count(*) FROM events_fts WHERE events_fts MATCH :fts_query")
            return int(conn.execute(sql, {"fts_query": match}).scalar_one())
    where = where_clauses(query, dialect)
    return int(conn.execute(sa.select(sa.func.count()).select_from(E).where(*where)).scalar_one())


def record_from_row(row: Row[Any] | dict[str, Any], evidence: Sequence[Evidence] = ()) -> EventRecord:
    data = dict(zip(row._fields, row, strict=True)) if isinstance(row, Row) else row
    values: dict[str, Any] = {name: data[name] for name in schema.RECORD_COLUMNS}
    date = values["event_date"]
    values["event_date"] = date.isoformat() if isinstance(date, dt.date) else str(date)
    return EventRecord(
        **values,
        article_ids=tuple(json.loads(data["article_ids"])),
        merge_reasons=tuple(json.loads(data["merge_reasons"])),
        evidence=tuple(evidence),
    )


def evidence_for(conn: Connection, event_pks: Iterable[int]) -> dict[int, list[Evidence]]:
    pks = list(event_pks)
    out: dict[int, list[Evidence]] = {pk: [] for pk in pks}
    if not pks:
        return out
    ev = schema.evidence
    rows = conn.execute(
        sa.select(ev.c.event_pk, ev.c.article_id, ev.c.field, ev.c.span_start, ev.c.span_end, ev.c.text)
        .where(ev.c.event_pk.in_(pks))
        .order_by(ev.c.pk)
    )
    for row in rows:
        out[row.event_pk].append(Evidence(row.article_id, row.field, row.span_start, row.span_end, row.text))
    return out


def article_from_row(row: Row[Any]) -> StoredArticle:
    m = row._mapping
    return StoredArticle(
        id=m["id"],
        url=m["url"],
        title=m["title"],
        date=m["date"],
        language=m["language"],
        source=m["source"],
        text=m["text"],
        content_hash=m["content_hash"],
        ingested_at=m["ingested_at"],
    )


def compute_stats(conn: Connection, query: EventQuery, dialect: Dialect) -> EventStats:
    where = where_clauses(query, dialect)
    events_n, deaths = sa.func.count().label("events"), sa.func.coalesce(sa.func.sum(E.c.fatalities), 0).label("deaths")
    if dialect.name == "sqlite":
        return dataclasses.replace(_stats_in_one_pass(conn, where), by_actor=_actor_stats(conn, where))
    total, total_deaths = conn.execute(sa.select(events_n, deaths).select_from(E).where(*where)).one()
    weeks = conn.execute(
        sa.select(E.c.event_week, E.c.event_type, events_n, deaths)
        .where(*where)
        .group_by(E.c.event_week, E.c.event_type)
        .order_by(E.c.event_week, E.c.event_type)
    )
    types = conn.execute(
        sa.select(E.c.event_type, events_n, deaths)
        .where(*where)
        .group_by(E.c.event_type)
        .order_by(sa.desc("events"), E.c.event_type)
    )
    admin1 = conn.execute(
        sa.select(E.c.country, E.c.admin1, events_n, deaths)
        .where(*where)
        .group_by(E.c.country, E.c.admin1)
        .order_by(sa.desc("events"), E.c.country, E.c.admin1)
        .limit(TOP_ADMIN1_STATS)
    )
    return EventStats(
        total_events=int(total),
        total_fatalities=int(total_deaths),
        by_week=tuple(WeekCount(_as_date(w), t, int(n), int(d)) for w, t, n, d in weeks),
        by_event_type=tuple(TypeCount(t, int(n), int(d)) for t, n, d in types),
        by_admin1=tuple(Admin1Count(c, a, int(n), int(d)) for c, a, n, d in admin1),
        by_actor=_actor_stats(conn, where),
    )


def _actor_stats(conn: Connection, where: Sequence[ColumnElement[bool]]) -> tuple[ActorCount, ...]:
    A, EA = schema.actors, schema.event_actors
    events_n, deaths = sa.func.count().label("events"), sa.func.coalesce(sa.func.sum(E.c.fatalities), 0).label("deaths")
    actor_rows = conn.execute(
        sa.select(A.c.name, events_n, deaths)
        .select_from(E.join(EA, EA.c.event_pk == E.c.pk).join(A, A.c.pk == EA.c.actor_pk))
        .where(*where)
        .group_by(A.c.name)
        .order_by(sa.desc("events"), A.c.name)
        .limit(TOP_ACTORS_STATS)
    )
    return tuple(ActorCount(a, int(n), int(d)) for a, n, d in actor_rows)


def _stats_in_one_pass(conn: Connection, where: Sequence[ColumnElement[bool]]) -> EventStats:
    """SQLite: totals, weeks, types and admin1 from one grouped read of the matching rows.

    Ties are ordered by code point, as SQLite's BINARY collation orders them in SQL; PostgreSQL
    (whose collation may differ) keeps one query per aggregate.
    """
    groups = conn.execute(
        sa.select(E.c.event_week, E.c.event_type, E.c.country, E.c.admin1, sa.func.count(), sa.func.sum(E.c.fatalities))
        .where(*where)
        .group_by(E.c.event_week, E.c.event_type, E.c.country, E.c.admin1)
    ).all()
    weeks: dict[tuple[dt.date, str], list[int]] = {}
    types: dict[str, list[int]] = {}
    admin1: dict[tuple[str, str], list[int]] = {}
    for week, event_type, country, region, n, d in groups:
        for sums in (
            weeks.setdefault((_as_date(week), event_type), [0, 0]),
            types.setdefault(event_type, [0, 0]),
            admin1.setdefault((country, region), [0, 0]),
        ):
            sums[0] += int(n)
            sums[1] += int(d)
    top_types = sorted(types.items(), key=lambda kv: (-kv[1][0], kv[0]))
    top_admin1 = sorted(admin1.items(), key=lambda kv: (-kv[1][0], kv[0]))[:TOP_ADMIN1_STATS]
    return EventStats(
        total_events=sum(n for n, _ in types.values()),
        total_fatalities=sum(d for _, d in types.values()),
        by_week=tuple(WeekCount(w, t, n, d) for (w, t), (n, d) in sorted(weeks.items())),
        by_event_type=tuple(TypeCount(t, n, d) for t, (n, d) in top_types),
        by_admin1=tuple(Admin1Count(c, a, n, d) for (c, a), (n, d) in top_admin1),
    )


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def compute_filter_values(conn: Connection) -> FilterValues:
    def distinct(column: sa.Column[Any]) -> tuple[str, ...]:
        rows = conn.execute(sa.select(column).where(column != "").distinct().order_by(column)).scalars()
        return tuple(rows)

    admin1 = conn.execute(
        sa.select(E.c.country, E.c.admin1).where(E.c.admin1 != "").distinct().order_by(E.c.country, E.c.admin1)
    )
    A, EA = schema.actors, schema.event_actors
    top = conn.execute(
        sa.select(A.c.name)
        .select_from(A.join(EA, EA.c.actor_pk == A.c.pk))
        .group_by(A.c.name)
        .order_by(sa.func.count().desc(), A.c.name)
        .limit(TOP_ACTORS_FILTERS)
    ).scalars()
    return FilterValues(
        countries=distinct(E.c.country),
        admin1=tuple((c, a) for c, a in admin1),
        event_types=distinct(E.c.event_type),
        sub_event_types=distinct(E.c.sub_event_type),
        actors=tuple(top),
    )
