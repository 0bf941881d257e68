"""The event store: where merged events, their articles and evidence live.

``open_store(settings)`` returns an ``EventStore`` for ``settings.database_url`` (default: a
WAL SQLite file in ``settings.data_dir``); ``memory_store()`` is the in-memory SQLite store unit
tests use. Nothing connects at import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

from harmattan.config import Settings
from harmattan.errors import StoreError
from harmattan.store.base import (
    BBox,
    EventDetail,
    EventPage,
    EventQuery,
    EventStats,
    EventStore,
    FilterValues,
    IngestOutcome,
    MergeFn,
    StoredArticle,
    content_hash,
)
from harmattan.store.sql import SqlEventStore

__all__ = [
    "BBox",
    "EventDetail",
    "EventPage",
    "EventQuery",
    "EventStats",
    "EventStore",
    "FilterValues",
    "IngestOutcome",
    "MergeFn",
    "SqlEventStore",
    "StoredArticle",
    "content_hash",
    "memory_store",
    "open_store",
    "store_from_url",
]


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache per connection
    cursor.execute("PRAGMA mmap_size = 1073741824")  # read pages through the OS cache without copies
    cursor.execute("PRAGMA temp_store = MEMORY")  # sorts and IN-lists of a query stay in memory
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys and a busy timeout."""
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"invalid database_url {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        in_memory = database in ("", ":memory:")
        if not in_memory:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            parsed,
            connect_args={"check_same_thread": False},
            poolclass=StaticPool if in_memory else None,
        )
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(
            f"unsupported database_url {parsed.render_as_string(hide_password=True)!r}: "
            "use sqlite:///FILE or postgresql+psycopg://..."
        )
    try:
        return sa.create_engine(parsed, pool_pre_ping=True)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database_url {parsed.render_as_string(hide_password=True)!r}: {exc}") from exc


def store_from_url(url: str, *, merge: MergeFn | None = None) -> SqlEventStore:
    """Open (and migrate) the store at an SQLAlchemy URL."""
    return SqlEventStore(make_engine(url), merge=merge)


def open_store(settings: Settings, *, merge: MergeFn | None = None) -> SqlEventStore:
    """The store these settings name (default: ``data_dir / "harmattan.sqlite"``)."""
    return store_from_url(settings.resolved_database_url, merge=merge)


def memory_store(*, merge: MergeFn | None = None) -> SqlEventStore:
    """A private in-memory SQLite store: the cheap store for unit tests."""
    return store_from_url("sqlite://", merge=merge)
