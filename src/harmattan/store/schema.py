"""The store's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

These definitions describe the schema as migration ``0001`` creates it; a later change to the
schema is a new registered migration in ``migrations.py``, not an edit here alone.
Dialect-specific objects (SQLite FTS5 table, PostgreSQL tsvector column, PostGIS geometry)
are created by the migrations, not declared here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

metadata = sa.MetaData()


class UTCDateTime(sa.types.TypeDecorator[dt.datetime]):
    """Stored as naive UTC on every back-end, returned timezone-aware (UTC)."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)  # type: ignore[no-any-return]


articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("date", sa.Date),
    sa.Column("language", sa.String(8)),
    sa.Column("source", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("ingested_at", UTCDateTime, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id_cnty", sa.String, nullable=False, unique=True),
    sa.Column("event_date", sa.Date, nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("time_precision", sa.Integer, nullable=False),
    sa.Column("disorder_type", sa.String, nullable=False),
    sa.Column("event_type", sa.String, nullable=False),
    sa.Column("sub_event_type", sa.String, nullable=False),
    sa.Column("actor1", sa.String, nullable=False),
    sa.Column("assoc_actor_1", sa.String, nullable=False),
    sa.Column("inter1", sa.Integer, nullable=False),
    sa.Column("actor2", sa.String, nullable=False),
    sa.Column("assoc_actor_2", sa.String, nullable=False),
    sa.Column("inter2", sa.Integer, nullable=False),
    sa.Column("interaction", sa.Integer, nullable=False),
    sa.Column("civilian_targeting", sa.String, nullable=False),
    sa.Column("iso", sa.Integer, nullable=False),
    sa.Column("region", sa.String, nullable=False),
    sa.Column("country", sa.String, nullable=False),
    sa.Column("admin1", sa.String, nullable=False),
    sa.Column("admin2", sa.String, nullable=False),
    sa.Column("admin3", sa.String, nullable=False),
    sa.Column("location", sa.String, nullable=False),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("source_scale", sa.String, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("fatalities", sa.Integer, nullable=False),
    sa.Column("tags", sa.Text, nullable=False),
    sa.Column("timestamp", sa.BigInteger, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("merge_reasons", sa.Text, nullable=False),  # JSON list
    sa.Column("article_ids", sa.Text, nullable=False),  # JSON list, denormalised for listing
    sa.Column("event_week", sa.Date, nullable=False),  # the Monday of event_date, for /stats
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Index("ix_events_date", "event_date", "pk"),
    sa.Index("ix_events_country_date", "country", "event_date"),
    sa.Index("ix_events_country_admin1_date", "country", "admin1", "event_date"),
    sa.Index("ix_events_type_date", "event_type", "event_date"),
    sa.Index("ix_events_subtype_date", "sub_event_type", "event_date"),
    sa.Index("ix_events_interaction_date", "interaction", "event_date"),
    sa.Index("ix_events_fatalities", "fatalities"),
    sa.Index("ix_events_updated", "updated_at"),  # replaced by ix_events_updated_date in 0005
    sa.Index("ix_events_lat_lon", "latitude", "longitude"),
)

# The per-article event records behind each stored event, kept so that an event can be
# rebuilt (re-merged) when one of its articles changes or is removed.
reports = sa.Table(
    "reports",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("record", sa.Text, nullable=False),  # EventRecord.as_dict() as JSON
    sa.Index("ix_reports_event", "event_pk"),
    sa.Index("ix_reports_article", "article_id"),
)

event_articles = sa.Table(
    "event_articles",
    metadata,
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Index("ix_event_articles_article", "article_id"),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.String, nullable=False),
    sa.Column("field", sa.String, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Index("ix_evidence_event", "event_pk"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String, nullable=False, unique=True),
    sa.Column("folded", sa.String, nullable=False),  # casefolded, diacritics removed: substring search
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    sa.Column("actor_pk", sa.Integer, sa.ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True),
    sa.Index("ix_event_actors_actor", "actor_pk", "event_pk"),
)

migrations = sa.Table(
    "harmattan_migrations",
    metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("applied_at", UTCDateTime, nullable=False),
)

# Columns of ``events`` that hold an EventRecord field under the same name.
RECORD_COLUMNS: tuple[str, ...] = tuple(
    c.name
    for c in events.columns
    if c.name not in {"pk", "merge_reasons", "article_ids", "event_week", "created_at", "updated_at"}
)
