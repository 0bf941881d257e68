"""Frozen records that cross every boundary of the pipeline.

Data flows one way: ``Article -> Document -> EventRecord``. Stages never mutate a record:
they return ``dataclasses.replace(doc, field=...)``. This module owns the shapes only; it
must not import any stage, store or model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

#: ACLED's public column order, used for CSV export.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: Harmattan's columns after the ACLED ones.
EXTRA_COLUMNS: tuple[str, ...] = (
    "article_ids",
    "evidence",
    "confidence",
    "language",
    "fatalities_low",
    "fatalities_high",
    "merge_reasons",
)


@dataclass(frozen=True)
class Span:
    """A character span into an article's cleaned text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news report after ingest and cleaning.

    ``text`` is the cleaned body; every offset in the pipeline points into it.
    ``dateline`` is the agency dateline ("BAMAKO, Mali —") kept as a location hint.
    """

    id: str
    text: str
    date: dt.date | None
    url: str | None = None
    title: str | None = None
    language: str | None = None
    source: str | None = None
    dateline: Span | None = None
    date_precision: int = 1  # 1 day known, 3 only the month known (" date 2024-09 ")
    origin: str = ""  # file (and line) it was read from, for error messages


@dataclass(frozen=True)
class Evidence:
    """The text that justifies one field of one event."""

    article_id: str
    field: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class GazEntry:
    """One gazetteer row (a GeoNames place or administrative area)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country_code: str
    country: str
    admin1: str = ""
    admin2: str = ""
    admin1_code: str = ""
    admin2_code: str = ""
    population: int = 0


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in the text, resolved (or not) to a gazetteer entry.

    ``precision`` is the geo_precision this mention gives an event placed at it:
    1 the town itself, 2 near a town / part of a region, 3 a region or country.
    """

    span: Span
    entry: GazEntry | None
    precision: int = 1
    kind: str = "place"  # place | admin1 | admin2 | country | dateline | demonym
    cue: str = ""  # the words before it: at ("in", "à") | near ("near", "près de") | origin ("from") | ""


@dataclass(frozen=True)
class ActorMention:
    """An actor named or described in the text, normalised to a dictionary actor."""

    span: Span
    name: str  # e.g. "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali"
    inter: int  # ACLED inter code 1-8
    country: str = ""  # country the actor belongs to, if known
    generic: bool = False  # "gunmen", "soldiers": filled in with the event's country


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved against the article's date."""

    span: Span
    date: dt.date
    precision: int  # 1 day, 2 week, 3 month
    role: str = "event"  # "report": when a statement was made ("said on Monday"); "bound": "since May"; "until"


@dataclass(frozen=True)
class FatalityMention:
    """A death count stated in the text ("killing 14 soldiers" -> 14)."""

    span: Span
    count: int
    attackers: bool = False  # deaths on the attackers' side ("20 terrorists neutralised")
    shared: bool = False  # a share of one toll told for several places ("100 killed in two villages": 50 each)


@dataclass(frozen=True)
class EventMention:
    """One sentence-level report of an event, before merging within the article."""

    span: Span  # the trigger sentence
    trigger: Span  # the word that made it an event
    event_type: str
    sub_event_type: str
    score: float
    anaphoric: bool = False  # "the attack", "cette attaque": refers back to an event already told


@dataclass(frozen=True)
class Document:
    """An article and everything the stages have found in it so far."""

    article: Article
    language: str = ""
    sentences: tuple[Span, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    fatalities: tuple[FatalityMention, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
    events: tuple[EventRecord, ...] = ()
    nlp: Any = None  # the spaCy Doc when a model ran; never serialised


@dataclass(frozen=True)
class EventRecord:
    """One coded event: every ACLED column plus evidence, provenance and confidence."""

    event_id_cnty: str
    event_date: str
    year: int
    time_precision: int
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
    geo_precision: int
    source: str
    source_scale: str
    notes: str
    fatalities: int
    tags: str
    timestamp: int
    article_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    language: str = ""
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    merge_reasons: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with ACLED column names first."""
        out: dict[str, Any] = {name: getattr(self, name) for name in ACLED_COLUMNS}
        out["article_ids"] = list(self.article_ids)
        out["evidence"] = [e.as_dict() for e in self.evidence]
        out["confidence"] = self.confidence
        out["language"] = self.language
        out["fatalities_low"] = self.fatalities_low
        out["fatalities_high"] = self.fatalities_high
        out["merge_reasons"] = list(self.merge_reasons)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRecord:
        """Rebuild a record from ``as_dict`` output (JSONL, store rows)."""
        kwargs: dict[str, Any] = {f.name: data.get(f.name) for f in dataclasses.fields(cls) if f.name in data}
        kwargs["article_ids"] = tuple(data.get("article_ids") or ())
        kwargs["evidence"] = tuple(Evidence(**e) for e in data.get("evidence") or ())
        kwargs["merge_reasons"] = tuple(data.get("merge_reasons") or ())
        return cls(**kwargs)


@dataclass(frozen=True)
class EventLocation:
    """Where an event happened, in ACLED's geography columns, with the span that said so."""

    country: str
    iso: int = 0
    region: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    evidence: Span | None = None
