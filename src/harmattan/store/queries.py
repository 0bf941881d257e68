"""Read side of the SQL store: filters -> WHERE clauses, rows -> records, aggregates.

Pure query building over one Connection; the only dialect differences (full-text search,
PostGIS bbox) live in ``Dialect``. Must not write.
"""

from __future__ import annotations

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
    postgis: bool = False

    def search_clause(self, q: str) -> ColumnElement[bool] | None:
        terms = search_terms(q)
        if not terms:
            return None
        if self.name == "sqlite":
            match = " ".join(f'"{t}"*' for t in terms)  # every word, as a prefix
            fts = sa.table("events_fts", sa.column("rowid"))
            sub = sa.select(fts.c.rowid).where(sa.text("events_fts MATCH :fts_query").bindparams(fts_query=match))
            return E.c.pk.in_(sub)
        tsquery = " & ".join(f"{t}:*" for t in terms)
        return sa.literal_column("events.search_tsv").op("@@")(sa.func.to_tsquery("simple", tsquery))

    def bbox_clause(self, minlon: float, minlat: float, maxlon: float, maxlat: float) -> ColumnElement[bool]:
        if self.postgis and minlon <= maxlon:
            envelope = sa.func.ST_MakeEnvelope(minlon, minlat, maxlon, maxlat, 4326)
            return sa.literal_column("events.geom").op("&&")(envelope)
        lat = E.c.latitude.between(minlat, maxlat)
        if minlon <= maxlon:
            return sa.and_(lat, E.c.longitude.between(minlon, maxlon))
        return sa.and_(lat, sa.or_(E.c.longitude >= minlon, E.c.longitude <= maxlon))  # across 180°


def where_clauses(query: EventQuery, dialect: Dialect) -> list[ColumnElement[bool]]:
    """One clause per filter set in ``query``."""
    clauses: list[ColumnElement[bool]] = []
    for name in ("country", "admin1", "event_type", "sub_event_type", "interaction"):
        value = getattr(query, name)
        if value is not None and value != "":
            clauses.append(E.c[name] == value)
    if query.date_from is not None:
        clauses.append(E.c.event_date >= query.date_from)
    if query.date_to is not None:
        clauses.append(E.c.event_date <= query.date_to)
    if query.updated_since is not None:
        clauses.append(E.c.updated_at >= query.updated_since)
    if query.actor:
        names = sa.select(schema.actors.c.pk).where(schema.actors.c.folded.contains(fold(query.actor), autoescape=True))
        linked = sa.select(schema.event_actors.c.event_pk).where(schema.event_actors.c.actor_pk.in_(names))
        clauses.append(E.c.pk.in_(linked))
    if query.bbox is not None:
        b = query.bbox
        clauses.append(dialect.bbox_clause(b.minlon, b.minlat, b.maxlon, b.maxlat))
    if query.q:
        clause = dialect.search_clause(query.q)
        if clause is not None:
            clauses.append(clause)
    return clauses


def order_by(query: EventQuery) -> list[Any]:
    column = E.c.fatalities if query.sort.lstrip("-") == "fatalities" else E.c.event_date
    if query.sort.startswith("-"):
        return [column.desc(), E.c.pk.desc()]
    return [column.asc(), E.c.pk.asc()]


def events_select(query: EventQuery, dialect: Dialect) -> sa.Select[Any]:
    """Every matching event in the query's order (no limit)."""
    columns = [E.c.pk, *(E.c[n] for n in schema.RECORD_COLUMNS), E.c.merge_reasons, E.c.article_ids]
    return sa.select(*columns).where(*where_clauses(query, dialect)).order_by(*order_by(query))


def count_events(conn: Connection, query: EventQuery, dialect: Dialect) -> int:
    return int(
        conn.execute(sa.select(sa.func.count()).select_from(E).where(*where_clauses(query, dialect))).scalar_one()
    )


def record_from_row(row: Row[Any] | dict[str, Any], evidence: Sequence[Evidence] = ()) -> EventRecord:
    data = dict(row._mapping) if isinstance(row, Row) else row
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
    A, EA = schema.actors, schema.event_actors
    actor_rows = conn.execute(
        sa.select(A.c.name, events_n, deaths)
        .select_from(E.join(EA, EA.c.event_pk == E.c.pk).join(A, A.c.pk == EA.c.actor_pk))
        .where(*where)
        .group_by(A.c.name)
        .order_by(sa.desc("events"), A.c.name)
        .limit(TOP_ACTORS_STATS)
    )
    return EventStats(
        total_events=int(total),
        total_fatalities=int(total_deaths),
        by_week=tuple(WeekCount(_as_date(w), t, int(n), int(d)) for w, t, n, d in weeks),
        by_event_type=tuple(TypeCount(t, int(n), int(d)) for t, n, d in types),
        by_admin1=tuple(Admin1Count(c, a, int(n), int(d)) for c, a, n, d in admin1),
        by_actor=tuple(ActorCount(a, int(n), int(d)) for a, n, d in actor_rows),
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
