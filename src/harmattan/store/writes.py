"""Write side of the SQL store: merged events, their reports, evidence, links and search rows.

Every function runs inside the caller's transaction (one ``Connection``); nothing here
commits. Merging itself is the merge function's job (``harmattan.dedup.merge_reports``);
this module only asks it and writes what it returns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from harmattan.records import Article, EventRecord
from harmattan.store import schema
from harmattan.store.base import MergeFn
from harmattan.store.queries import Dialect, evidence_for, fold, record_from_row

E = schema.events


@dataclass(frozen=True)
class Report:
    """One article's own event record, as attached to a stored event."""

    article_id: str
    record: EventRecord
    pk: int | None = None  # reports.pk once stored


@dataclass
class Changes:
    written: list[str] = dataclasses.field(default_factory=list)
    deleted: list[str] = dataclasses.field(default_factory=list)


def epoch_day(date: str | dt.date) -> int:
    """Days since 1970-01-01: the R*Tree's time axis."""
    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return (day - dt.date(1970, 1, 1)).days


def week_of(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def event_values(record: EventRecord) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(record, name) for name in schema.RECORD_COLUMNS}
    date = dt.date.fromisoformat(record.event_date)
    values["event_date"] = date
    values["event_week"] = week_of(date)
    values["merge_reasons"] = json.dumps(list(record.merge_reasons), ensure_ascii=False)
    values["article_ids"] = json.dumps(list(record.article_ids), ensure_ascii=False)
    return values


def actor_names(record: EventRecord) -> list[str]:
    """actor1, actor2 and each associated actor (ACLED joins several with "; ")."""
    names = [record.actor1, record.actor2]
    for assoc in (record.assoc_actor_1, record.assoc_actor_2):
        names.extend(part.strip() for part in assoc.split(";"))
    return list(dict.fromkeys(n for n in names if n))


def search_body(record: EventRecord) -> str:
    return "\n".join([record.notes, *(e.text for e in record.evidence)])


def upsert_article(conn: Connection, article: Article, *, content_hash: str, exists: bool, now: dt.datetime) -> None:
    values = {
        "url": article.url,
        "title": article.title,
        "date": article.date,
        "language": article.language,
        "source": article.source,
        "text": article.text,
        "content_hash": content_hash,
        "ingested_at": now,
    }
    if exists:
        conn.execute(schema.articles.update().where(schema.articles.c.id == article.id).values(values))
    else:
        conn.execute(schema.articles.insert().values(id=article.id, **values))


def _actor_pks(conn: Connection, names: Sequence[str]) -> list[int]:
    A = schema.actors
    if not names:
        return []
    found: dict[str, int] = {r.name: r.pk for r in conn.execute(sa.select(A.c.name, A.c.pk).where(A.c.name.in_(names)))}
    for name in names:
        if name not in found:
            found[name] = conn.execute(A.insert().values(name=name, folded=fold(name))).inserted_primary_key[0]  # type: ignore[index]
    return [found[n] for n in names]


def write_event(conn: Connection, dialect: Dialect, record: EventRecord, *, now: dt.datetime) -> int:
    """Insert or update one event and replace its evidence, links, actors and search row."""
    values = event_values(record)
    pk = conn.execute(sa.select(E.c.pk).where(E.c.event_id_cnty == record.event_id_cnty)).scalar()
    if pk is None:
        pk = conn.execute(E.insert().values(created_at=now, updated_at=now, **values)).inserted_primary_key[0]  # type: ignore[index]
    else:
        conn.execute(E.update().where(E.c.pk == pk).values(updated_at=now, **values))
    for table in (schema.evidence, schema.event_articles, schema.event_actors):
        conn.execute(table.delete().where(table.c.event_pk == pk))
    if record.evidence:
        conn.execute(
            schema.evidence.insert(),
            [
                {
                    "event_pk": pk,
                    "article_id": e.article_id,
                    "field": e.field,
                    "span_start": e.start,
                    "span_end": e.end,
                    "text": e.text,
                }
                for e in record.evidence
            ],
        )
    ids = list(dict.fromkeys(record.article_ids))
    stored = (
        set(conn.execute(sa.select(schema.articles.c.id).where(schema.articles.c.id.in_(ids))).scalars())
        if ids
        else set()
    )
    links = [{"event_pk": pk, "article_id": a} for a in ids if a in stored]
    if links:
        conn.execute(schema.event_articles.insert(), links)
    actor_pks = list(dict.fromkeys(_actor_pks(conn, actor_names(record))))
    if actor_pks:
        conn.execute(schema.event_actors.insert(), [{"event_pk": pk, "actor_pk": a} for a in actor_pks])
    _write_search(conn, dialect, pk, search_body(record))
    _write_point(conn, dialect, pk, record)
    return int(pk)


def _write_point(conn: Connection, dialect: Dialect, pk: int, record: EventRecord) -> None:
    if dialect.name != "sqlite":
        return
    conn.execute(sa.text("DELETE FROM events_rtree WHERE id = :pk"), {"pk": pk})
    if record.latitude is not None and record.longitude is not None:
        conn.execute(
            sa.text(
                "INSERT INTO events_rtree (id, minlon, maxlon, minlat, maxlat, minday, maxday) "
                "VALUES (:pk, :lon, :lon, :lat, :lat, :day, :day)"
            ),
            {"pk": pk, "lon": record.longitude, "lat": record.latitude, "day": epoch_day(record.event_date)},
        )


def _write_search(conn: Connection, dialect: Dialect, pk: int, body: str) -> None:
    if dialect.name == "sqlite":
        conn.execute(sa.text("DELETE FROM events_fts WHERE rowid = :pk"), {"pk": pk})
        conn.execute(sa.text("INSERT INTO events_fts (rowid, body) VALUES (:pk, :body)"), {"pk": pk, "body": body})
    else:
        conn.execute(
            sa.text("UPDATE events SET search_tsv = to_tsvector('simple', :body) WHERE pk = :pk"),
            {"pk": pk, "body": fold(body)},
        )


def delete_events(conn: Connection, dialect: Dialect, pks: Sequence[int]) -> None:
    if not pks:
        return
    if dialect.name == "sqlite":
        fts = sa.table("events_fts", sa.column("rowid"))
        conn.execute(fts.delete().where(fts.c.rowid.in_(list(pks))))
        rtree = sa.table("events_rtree", sa.column("id"))
        conn.execute(rtree.delete().where(rtree.c.id.in_(list(pks))))
    for table in (schema.evidence, schema.event_articles, schema.event_actors, schema.reports):
        conn.execute(table.delete().where(table.c.event_pk.in_(list(pks))))
    conn.execute(E.delete().where(E.c.pk.in_(list(pks))))


def load_records(conn: Connection, where: sa.ColumnElement[bool]) -> list[tuple[int, EventRecord]]:
    columns = [E.c.pk, *(E.c[n] for n in schema.RECORD_COLUMNS), E.c.merge_reasons, E.c.article_ids]
    rows = conn.execute(sa.select(*columns).where(where).order_by(E.c.pk)).all()
    evidence = evidence_for(conn, [r.pk for r in rows])
    return [(r.pk, record_from_row(r, evidence[r.pk])) for r in rows]


def candidates(conn: Connection, records: Sequence[EventRecord], *, days: int) -> list[EventRecord]:
    """Stored events of the same country with dates within ``days`` of a new record's date."""
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for record in records:
        date = dt.date.fromisoformat(record.event_date)
        lo, hi = spans.get(record.country, (date, date))
        spans[record.country] = (min(lo, date), max(hi, date))
    if not spans:
        return []
    margin = dt.timedelta(days=days)
    clause = sa.or_(
        *(sa.and_(E.c.country == c, E.c.event_date.between(lo - margin, hi + margin)) for c, (lo, hi) in spans.items())
    )
    return [record for _, record in load_records(conn, clause)]


def _home(report: Report, results: Sequence[EventRecord]) -> int | None:
    """Which merged event a report belongs to: one citing its article, preferring its own id."""
    citing = [i for i, e in enumerate(results) if report.article_id in e.article_ids]
    if not citing:
        return None
    for test in (
        lambda e: e.event_id_cnty == report.record.event_id_cnty,
        lambda e: (e.event_date, e.sub_event_type) == (report.record.event_date, report.record.sub_event_type),
    ):
        for i in citing:
            if test(results[i]):
                return i
    return citing[0]


def _reports_of(conn: Connection, event_pks: Sequence[int]) -> list[Report]:
    R = schema.reports
    rows = conn.execute(sa.select(R.c.pk, R.c.article_id, R.c.record).where(R.c.event_pk.in_(list(event_pks))))
    return [Report(r.article_id, EventRecord.from_dict(json.loads(r.record)), r.pk) for r in rows]


def _attach(conn: Connection, reports: Sequence[Report], results: Sequence[EventRecord], pks: Sequence[int]) -> None:
    R = schema.reports
    for report in reports:
        home = _home(report, results)
        target = pks[home if home is not None else 0]
        if report.pk is None:
            record = json.dumps(report.record.as_dict(), ensure_ascii=False)
            conn.execute(R.insert().values(event_pk=target, article_id=report.article_id, record=record))
        else:
            conn.execute(R.update().where(R.c.pk == report.pk).values(event_pk=target))


def _pk_map(conn: Connection, event_ids: Sequence[str]) -> dict[str, int]:
    if not event_ids:
        return {}
    rows = conn.execute(sa.select(E.c.event_id_cnty, E.c.pk).where(E.c.event_id_cnty.in_(list(event_ids))))
    return {r.event_id_cnty: r.pk for r in rows}


def merge_new(
    conn: Connection, dialect: Dialect, merge: MergeFn, reports: Sequence[Report], *, days: int, now: dt.datetime
) -> Changes:
    """Merge one article's new reports into the stored events and write the result."""
    changes = Changes()
    if not reports:
        return changes
    existing = candidates(conn, [r.record for r in reports], days=days)
    result = merge([r.record for r in reports], existing)
    results = list(result.events)
    kept = {e.event_id_cnty for e in results}
    replaced_pks = [pk for eid, pk in _pk_map(conn, [i for i in result.replaced if i not in kept]).items()]
    moving = _reports_of(conn, replaced_pks)
    pks = [write_event(conn, dialect, e, now=now) for e in results]
    changes.written.extend(e.event_id_cnty for e in results)
    if results:
        _attach(conn, [*moving, *reports], results, pks)
    changes.deleted.extend(i for i in result.replaced if i not in kept)
    delete_events(conn, dialect, replaced_pks)
    return changes


def _fresh_id(event_id: str, taken: set[str]) -> str:
    n = 1
    while (candidate := hashlib.sha1(f"{event_id}:{n}".encode()).hexdigest()[:12]) in taken:
        n += 1
    return candidate


def remove_article_reports(
    conn: Connection, dialect: Dialect, merge: MergeFn, article_id: str, *, now: dt.datetime
) -> Changes:
    """Take one article's reports out of every event; rebuild (re-merge) what remains of each."""
    R, EA = schema.reports, schema.event_articles
    changes = Changes()
    affected = sorted(
        set(conn.execute(sa.select(R.c.event_pk).where(R.c.article_id == article_id)).scalars())
        | set(conn.execute(sa.select(EA.c.event_pk).where(EA.c.article_id == article_id)).scalars())
    )
    conn.execute(R.delete().where(R.c.article_id == article_id))
    for pk in affected:
        event_id = conn.execute(sa.select(E.c.event_id_cnty).where(E.c.pk == pk)).scalar_one()
        remaining = _reports_of(conn, [pk])
        if not remaining:
            delete_events(conn, dialect, [pk])
            changes.deleted.append(event_id)
            continue
        results = list(merge([r.record for r in remaining], []).events)
        if not results:
            delete_events(conn, dialect, [pk])
            changes.deleted.append(event_id)
            continue
        if all(e.event_id_cnty != event_id for e in results):
            results[0] = dataclasses.replace(results[0], event_id_cnty=event_id)  # keep the event's id stable
        clashes = _pk_map(conn, [e.event_id_cnty for e in results])
        taken = set(clashes)
        for i, e in enumerate(results):
            if clashes.get(e.event_id_cnty, pk) != pk:  # would overwrite another stored event
                results[i] = dataclasses.replace(e, event_id_cnty=_fresh_id(e.event_id_cnty, taken))
                taken.add(results[i].event_id_cnty)
        pks = [write_event(conn, dialect, e, now=now) for e in results]
        _attach(conn, remaining, results, pks)
        changes.written.extend(e.event_id_cnty for e in results)
    return changes
