"""SQLite: queries that one auxiliary index answers alone, total and page, in the query's order.

``events_rtree`` (lon, lat, day) answers a box with dates; ``event_actor_dates`` (actor, country,
date, event) answers an actor in a country, with dates, and ``event_actor_pairs`` counts the
events several matching actors share. The first two hold event_date exactly, so they count
and order the matches without reading the wide events table. Every other query goes
through ``queries.count_events`` / ``page_rows``. Must not write.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from harmattan.store import schema
from harmattan.store.base import EventQuery
from harmattan.store.queries import Dialect, day_conditions, fold, rtree_selects

ACTOR_DATES = sa.table(
    "event_actor_dates",
    sa.column("actor_pk", sa.Integer),
    sa.column("country", sa.String),
    sa.column("event_date", sa.Date),
    sa.column("event_pk", sa.Integer),
)

ACTOR_PAIRS = sa.table(
    "event_actor_pairs",
    sa.column("actor_lo", sa.Integer),
    sa.column("actor_hi", sa.Integer),
    sa.column("event_pk", sa.Integer),
    sa.column("country", sa.String),
    sa.column("event_date", sa.Date),
)


def answer(conn: Connection, query: EventQuery, dialect: Dialect) -> tuple[int, list[int]] | None:
    """(total, the page's event pks) when one index answers ``query``; None otherwise."""
    if dialect.name != "sqlite" or query.sort.lstrip("-") != "event_date":
        return None
    if query.bbox is not None and _only(query, "bbox", "date_from", "date_to"):
        return _rtree_page(conn, query)
    if query.actor and query.country and _only(query, "actor", "country", "date_from", "date_to"):
        return _actor_page(conn, query)
    return None


def _only(query: EventQuery, *names: str) -> bool:
    """Whether ``query`` sets no filter but ``names``."""
    cleared = dataclasses.replace(query, **dict.fromkeys(names), limit=1, offset=0, sort="-event_date")
    return cleared == EventQuery(limit=1)


def _page(conn: Connection, matches: Any, date: Any, key: Any, query: EventQuery, *, distinct: bool) -> list[int]:
    order = [date.desc(), key.desc()] if query.sort.startswith("-") else [date.asc(), key.asc()]
    select = sa.select(date, key).where(matches) if matches is not None else sa.select(date, key)
    page = select.order_by(*order).limit(query.limit).offset(query.offset)
    return [int(k) for _, k in conn.execute(page.distinct() if distinct else page)]


def _rtree_page(conn: Connection, query: EventQuery) -> tuple[int, list[int]]:
    """A box (two, disjoint, across 180°) and dates: the R*Tree's day axis is event_date."""
    assert query.bbox is not None
    boxes = sa.union_all(*rtree_selects(query.bbox, day_conditions(query), columns=("id", "minday"))).subquery()
    total = int(conn.execute(sa.select(sa.func.count()).select_from(boxes)).scalar_one())
    if total == 0 or query.offset >= total:
        return total, []
    return total, _page(conn, None, boxes.c.minday, boxes.c.id, query, distinct=False)


def _actor_page(conn: Connection, query: EventQuery) -> tuple[int, list[int]]:
    """An actor (every actor whose name contains the text) in a country, maybe with dates.

    (Without a country the index is not in date order; walking the date index is faster.)
    An event linked to two matching actors has two rows: the page takes it once, and the total
    subtracts the shared links.
    """
    assert query.actor
    actors = _actor_pks(conn, query.actor)
    if not actors:
        return 0, []
    L, P = ACTOR_DATES.c, ACTOR_PAIRS.c
    where, shared = _country_dates(L, query), _country_dates(P, query)
    links = int(conn.execute(sa.select(sa.func.count()).where(L.actor_pk.in_(actors), *where)).scalar_one())
    total = links - _shared_links(conn, actors, shared)
    if total == 0 or query.offset >= total:
        return total, []
    matches = sa.and_(L.actor_pk.in_(actors), *where)
    return total, _page(conn, matches, L.event_date, L.event_pk, query, distinct=len(actors) > 1)


def _country_dates(columns: Any, query: EventQuery) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [columns.country == query.country]
    if query.date_from is not None:
        clauses.append(columns.event_date >= query.date_from)
    if query.date_to is not None:
        clauses.append(columns.event_date <= query.date_to)
    return clauses


def count(conn: Connection, query: EventQuery, dialect: Dialect) -> int | None:
    """How many events an actor-only query matches (SQLite); None for other queries."""
    if dialect.name != "sqlite" or not query.actor or not _only(query, "actor"):
        return None
    EA = schema.event_actors
    actors = _actor_pks(conn, query.actor)
    links = int(conn.execute(sa.select(sa.func.count()).where(EA.c.actor_pk.in_(actors))).scalar_one())
    return links - _shared_links(conn, actors, [])


def _actor_pks(conn: Connection, text: str) -> list[int]:
    A = schema.actors
    return list(conn.execute(sa.select(A.c.pk).where(A.c.folded.contains(fold(text), autoescape=True))).scalars())


def _shared_links(conn: Connection, actors: list[int], where: list[ColumnElement[bool]]) -> int:
    """Links beyond each event's first among ``actors``: links minus this is distinct events.

    An event with m matching actors has m*(m-1)/2 rows in ``event_actor_pairs``.
    """
    if len(actors) < 2:
        return 0
    P = ACTOR_PAIRS.c
    pairs = sa.select(sa.func.count()).where(P.actor_lo.in_(actors), P.actor_hi.in_(actors), *where)
    return sum(round((1 + math.sqrt(1 + 8 * n)) / 2) - 1 for n in conn.execute(pairs.group_by(P.event_pk)).scalars())
