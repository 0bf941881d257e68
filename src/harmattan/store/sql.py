"""The SQLAlchemy EventStore, one class for SQLite and PostgreSQL.

Opening a store applies pending migrations. Every public write is one transaction; database
errors leave as StoreError. Query building lives in ``queries.py``, writing in ``writes.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from harmattan.errors import StoreError
from harmattan.records import Article, EventRecord
from harmattan.store import index_pages, queries, schema, writes
from harmattan.store.base import (
    EventDetail,
    EventPage,
    EventQuery,
    EventStats,
    FilterValues,
    IngestOutcome,
    MergeFn,
    MergeOutput,
    StoredArticle,
    content_hash,
)
from harmattan.store.migrations import apply_migrations, postgis_schema
from harmattan.store.migrations import has_geometry as has_geometry_column

CANDIDATE_DAYS = 3
STREAM_CHUNK = 1000


def default_merge(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> MergeOutput:
    """``harmattan.dedup.merge_reports``, imported when first needed."""
    from harmattan.dedup import merge_reports

    return merge_reports(new, existing)


def _safe_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


class SqlEventStore:
    """EventStore over an SQLAlchemy engine (``sqlite`` or ``postgresql+psycopg``)."""

    def __init__(
        self, engine: Engine, *, merge: MergeFn | None = None, clock: Callable[[], dt.datetime] | None = None
    ) -> None:
        self.engine = engine
        self._merge: MergeFn = merge or default_merge
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        with self._errors("migrate"):
            apply_migrations(engine)
            with engine.connect() as conn:
                gis_schema = postgis_schema(conn) if has_geometry_column(conn) else None
        self.dialect = queries.Dialect(engine.dialect.name, postgis=gis_schema is not None,
                                       postgis_schema=gis_schema or "public")

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                f"cannot {action} the event store at {_safe_url(self.engine)}: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}"
            ) from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors("read"), self.engine.connect() as conn:
            yield conn

    # -- writes ---------------------------------------------------------------------------

    def is_unchanged(self, article: Article) -> bool:
        with self._read() as conn:
            stored = conn.execute(
                sa.select(schema.articles.c.content_hash).where(schema.articles.c.id == article.id)
            ).scalar()
        return stored == content_hash(article)

    def ingest(self, article: Article, events: Sequence[EventRecord], *, merge: MergeFn | None = None) -> IngestOutcome:
        """Store an article and merge its events; the same content again changes nothing.

        A changed article (same id, new content) first loses its old reports: events it alone
        reported are deleted, events shared with other articles are rebuilt from theirs.
        """
        merge_fn = merge or self._merge
        digest = content_hash(article)
        now = self._clock()
        with self._errors("write"), self.engine.begin() as conn:
            stored = conn.execute(
                sa.select(schema.articles.c.content_hash).where(schema.articles.c.id == article.id)
            ).scalar()
            if stored == digest:
                return IngestOutcome("unchanged")
            changes = writes.Changes()
            if stored is not None:
                changes = writes.remove_article_reports(conn, self.dialect, merge_fn, article.id, now=now)
            writes.upsert_article(conn, article, content_hash=digest, exists=stored is not None, now=now)
            reports = [writes.Report(article.id, e) for e in events]
            added = writes.merge_new(conn, self.dialect, merge_fn, reports, days=CANDIDATE_DAYS, now=now)
        deleted = [i for i in dict.fromkeys(changes.deleted + added.deleted) if i not in added.written]
        written = list(dict.fromkeys(changes.written + added.written))
        return IngestOutcome("updated" if stored is not None else "added", tuple(written), tuple(deleted))

    def candidates(self, events: Sequence[EventRecord], *, days: int = CANDIDATE_DAYS) -> list[EventRecord]:
        with self._read() as conn:
            return writes.candidates(conn, events, days=days)

    # -- reads ----------------------------------------------------------------------------

    def query_events(self, query: EventQuery) -> EventPage:
        with self._read() as conn:
            answer = index_pages.answer(conn, query, self.dialect)
            if answer is not None:
                total, keys = answer
                return EventPage(total=total, events=tuple(map(queries.record_from_row, queries.rows_of(conn, keys))))
            counted = index_pages.count(conn, query, self.dialect)
            total = counted if counted is not None else queries.count_events(conn, query, self.dialect)
            if total == 0 or query.offset >= total:
                return EventPage(total=total, events=())
            rows = queries.page_rows(conn, query, self.dialect, total=total)
        return EventPage(total=total, events=tuple(queries.record_from_row(r) for r in rows))

    def iter_events(self, query: EventQuery, *, with_evidence: bool = False) -> Iterator[EventRecord]:
        with self._read() as conn:
            result = conn.execution_options(stream_results=True, yield_per=STREAM_CHUNK).execute(
                queries.events_select(query, self.dialect)
            )
            for chunk in result.partitions(STREAM_CHUNK):
                evidence: dict[int, Any] = queries.evidence_for(conn, [r.pk for r in chunk]) if with_evidence else {}
                for row in chunk:
                    yield queries.record_from_row(row, evidence.get(row.pk, ()))

    def get_event(self, event_id: str) -> EventDetail | None:
        E, A, EA = schema.events, schema.articles, schema.event_articles
        with self._read() as conn:
            loaded = writes.load_records(conn, E.c.event_id_cnty == event_id)
            if not loaded:
                return None
            pk, record = loaded[0]
            rows = conn.execute(
                sa.select(A).join(EA, EA.c.article_id == A.c.id).where(EA.c.event_pk == pk).order_by(A.c.date, A.c.id)
            ).all()
        return EventDetail(
            event=record, evidence=record.evidence, reports=tuple(queries.article_from_row(r) for r in rows)
        )

    def get_article(self, article_id: str) -> StoredArticle | None:
        with self._read() as conn:
            row = conn.execute(sa.select(schema.articles).where(schema.articles.c.id == article_id)).first()
        return queries.article_from_row(row) if row is not None else None

    def stats(self, query: EventQuery) -> EventStats:
        with self._read() as conn:
            return queries.compute_stats(conn, query, self.dialect)

    def filter_values(self) -> FilterValues:
        with self._read() as conn:
            return queries.compute_filter_values(conn)

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError:
            return False
        return True

    def close(self) -> None:
        self.engine.dispose()
