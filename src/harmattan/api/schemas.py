"""Public API schemas: what clients see, separate from the internal records.

Built from ``harmattan.records`` / ``harmattan.store.base`` records with the ``from_*``
helpers; routes never hand internal dataclasses to FastAPI directly.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from harmattan.export import event_properties
from harmattan.records import EventRecord, Evidence
from harmattan.store.base import EventDetail, EventStats, FilterValues, StoredArticle


class EventOut(BaseModel):
    """One merged event: every ACLED column, then Harmattan's provenance columns."""

    event_id_cnty: str
    event_date: dt.date
    year: int
    time_precision: int = Field(description="1 day, 2 week, 3 month")
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    inter1: int
    actor2: str
    assoc_actor_2: str
    inter2: int
    interaction: int
    civilian_targeting: str
    iso: int
    region: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int = Field(description="1 the town, 2 near a town / part of a region, 3 a region or country")
    source: str
    source_scale: str
    notes: str
    fatalities: int = Field(description="the most conservative figure among the reports")
    tags: str
    timestamp: int
    article_ids: list[str] = Field(description="the articles (reports) merged into this event")
    confidence: float
    language: str
    fatalities_low: int | None
    fatalities_high: int | None
    merge_reasons: list[str] = Field(description="why the reports were merged into one event")

    @classmethod
    def from_record(cls, record: EventRecord) -> EventOut:
        return cls.model_validate(event_properties(record))


class EventListOut(BaseModel):
    total: int = Field(description="events matching the filters (all pages)")
    limit: int
    offset: int
    events: list[EventOut]


class EvidenceOut(BaseModel):
    """A span of an article's cleaned text (``GET /articles/{id}``) that justifies one field."""

    article_id: str
    field: str
    start: int
    end: int
    text: str

    @classmethod
    def from_evidence(cls, evidence: Evidence) -> EvidenceOut:
        return cls.model_validate(evidence.as_dict())


class ReportOut(BaseModel):
    """An article that reported the event."""

    id: str
    url: str | None
    title: str | None
    date: dt.date | None
    language: str | None
    source: str | None


class EventDetailOut(EventOut):
    evidence: list[EvidenceOut]
    reports: list[ReportOut]

    @classmethod
    def from_detail(cls, detail: EventDetail) -> EventDetailOut:
        return cls.model_validate(
            {
                **event_properties(detail.event),
                "evidence": [e.as_dict() for e in detail.evidence],
                "reports": [_report(a) for a in detail.reports],
            }
        )


def _report(article: StoredArticle) -> dict[str, object]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "date": article.date,
        "language": article.language,
        "source": article.source,
    }


class ArticleOut(ReportOut):
    text: str = Field(description="the cleaned text that evidence offsets point into")

    @classmethod
    def from_article(cls, article: StoredArticle) -> ArticleOut:
        return cls.model_validate({**_report(article), "text": article.text})


class WeekOut(BaseModel):
    week: dt.date = Field(description="the Monday of the week")
    event_type: str
    events: int
    fatalities: int


class EventTypeOut(BaseModel):
    event_type: str
    events: int
    fatalities: int


class Admin1Out(BaseModel):
    country: str
    admin1: str
    events: int
    fatalities: int


class ActorOut(BaseModel):
    actor: str
    events: int
    fatalities: int


class StatsOut(BaseModel):
    total_events: int
    total_fatalities: int
    by_week: list[WeekOut]
    by_event_type: list[EventTypeOut]
    by_admin1: list[Admin1Out] = Field(description="the 500 country/admin1 pairs with most events")
    by_actor: list[ActorOut] = Field(description="the 100 actors with most events")

    @classmethod
    def from_stats(cls, stats: EventStats) -> StatsOut:
        return cls(
            total_events=stats.total_events,
            total_fatalities=stats.total_fatalities,
            by_week=[
                WeekOut(week=w.week, event_type=w.event_type, events=w.events, fatalities=w.fatalities)
                for w in stats.by_week
            ],
            by_event_type=[
                EventTypeOut(event_type=t.event_type, events=t.events, fatalities=t.fatalities)
                for t in stats.by_event_type
            ],
            by_admin1=[
                Admin1Out(country=a.country, admin1=a.admin1, events=a.events, fatalities=a.fatalities)
                for a in stats.by_admin1
            ],
            by_actor=[ActorOut(actor=a.actor, events=a.events, fatalities=a.fatalities) for a in stats.by_actor],
        )


class CountryAdmin1Out(BaseModel):
    country: str
    admin1: str


class FiltersOut(BaseModel):
    countries: list[str]
    admin1: list[CountryAdmin1Out]
    event_types: list[str]
    sub_event_types: list[str]
    actors: list[str] = Field(description="the 200 actors with most events, most frequent first")

    @classmethod
    def from_values(cls, values: FilterValues) -> FiltersOut:
        return cls(
            countries=list(values.countries),
            admin1=[CountryAdmin1Out(country=c, admin1=a) for c, a in values.admin1],
            event_types=list(values.event_types),
            sub_event_types=list(values.sub_event_types),
            actors=list(values.actors),
        )


class HealthOut(BaseModel):
    status: str = Field(description="ok when the store answers")
    store: str = Field(description="the store's back-end: sqlite or postgresql")
