"""The EventStore protocol and the typed records that cross it.

Owns the shapes of queries and answers only; SQL lives in ``sql.py`` / ``queries.py``.
Callers (API, CLI, export) depend on this protocol, never on a database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from harmattan.records import Article, EventRecord, Evidence

SORTS: tuple[str, ...] = ("event_date", "-event_date", "fatalities", "-fatalities")
Sort = Literal["event_date", "-event_date", "fatalities", "-fatalities"]
MAX_LIMIT = 5000


@dataclass(frozen=True)
class BBox:
    """A lon/lat box: ``minlon, minlat, maxlon, maxlat``."""

    minlon: float
    minlat: float
    maxlon: float
    maxlat: float


@dataclass(frozen=True)
class EventQuery:
    """ACLED-style filters, shared by GET /events, GET /stats and ``harmattan export``.

    String filters match exactly, except ``actor`` (case-insensitive substring of actor1,
    actor2 or the associated actors) and ``q`` (full text in notes and evidence).
    """

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    interaction: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    bbox: BBox | None = None
    q: str | None = None
    updated_since: dt.datetime | None = None
    limit: int = 100
    offset: int = 0
    sort: Sort = "-event_date"


@dataclass(frozen=True)
class EventPage:
    """One page of events and the number matching the filters."""

    total: int
    events: tuple[EventRecord, ...]


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored: ``text`` is the cleaned text evidence offsets point into."""

    id: str
    url: str | None
    title: str | None
    date: dt.date | None
    language: str | None
    source: str | None
    text: str
    content_hash: str
    ingested_at: dt.datetime


@dataclass(frozen=True)
class EventDetail:
    """An event with its evidence spans and the articles that reported it."""

    event: EventRecord
    evidence: tuple[Evidence, ...]
    reports: tuple[StoredArticle, ...]


@dataclass(frozen=True)
class WeekCount:
    week: dt.date  # the Monday
    event_type: str
    events: int
    fatalities: int


@dataclass(frozen=True)
class TypeCount:
    event_type: str
    events: int
    fatalities: int


@dataclass(frozen=True)
class Admin1Count:
    country: str
    admin1: str
    events: int
    fatalities: int


@dataclass(frozen=True)
class ActorCount:
    actor: str
    events: int
    fatalities: int


@dataclass(frozen=True)
class EventStats:
    """Counts and fatalities of the events matching a query."""

    total_events: int
    total_fatalities: int
    by_week: tuple[WeekCount, ...] = ()
    by_event_type: tuple[TypeCount, ...] = ()
    by_admin1: tuple[Admin1Count, ...] = ()
    by_actor: tuple[ActorCount, ...] = ()


@dataclass(frozen=True)
class FilterValues:
    """Distinct values for the dashboard's dropdowns."""

    countries: tuple[str, ...] = ()
    admin1: tuple[tuple[str, str], ...] = ()  # (country, admin1)
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # the most frequent first


@dataclass(frozen=True)
class IngestOutcome:
    """What storing one article did: ``added``, ``unchanged`` or ``updated`` (re-coded)."""

    status: Literal["added", "unchanged", "updated"]
    written: tuple[str, ...] = ()  # event_id_cnty inserted or updated
    deleted: tuple[str, ...] = ()  # event_id_cnty removed (absorbed or left without reports)


class MergeOutput(Protocol):
    """What a merge function returns (``harmattan.dedup.MergeResult``)."""

    @property
    def events(self) -> tuple[EventRecord, ...]: ...

    @property
    def replaced(self) -> tuple[str, ...]: ...


MergeFn = Callable[[Sequence[EventRecord], Sequence[EventRecord]], MergeOutput]


def content_hash(article: Article) -> str:
    """The hash that decides whether an article changed: its cleaned text and date."""
    key = f"{article.date.isoformat() if article.date else ''}\n{article.text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class EventStore(Protocol):
    """Where coded events live. Every write is one transaction."""

    def ingest(self, article: Article, events: Sequence[EventRecord], *, merge: MergeFn | None = None) -> IngestOutcome:
        """Store an article and merge its events into the stored ones; idempotent."""
        ...

    def is_unchanged(self, article: Article) -> bool:
        """True when this article is stored with the same content (nothing to re-code)."""
        ...

    def candidates(self, events: Sequence[EventRecord], *, days: int = 3) -> list[EventRecord]:
        """Stored events that new events might merge with: same country, dates within ``days``."""
        ...

    def query_events(self, query: EventQuery) -> EventPage: ...

    def iter_events(self, query: EventQuery, *, with_evidence: bool = False) -> Iterator[EventRecord]:
        """Every event matching the filters (limit/offset ignored), in the query's sort order."""
        ...

    def get_event(self, event_id: str) -> EventDetail | None: ...

    def get_article(self, article_id: str) -> StoredArticle | None: ...

    def stats(self, query: EventQuery) -> EventStats: ...

    def filter_values(self) -> FilterValues: ...

    def ping(self) -> bool: ...

    def close(self) -> None: ...
