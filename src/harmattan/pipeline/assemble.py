"""Assemble stage: event mentions + dates, actors, places, fatalities -> EventRecords.

For each event mention it picks, from what earlier stages found, the date, actors, location
and death count that belong to it, with the evidence span of each field. Pure selection: no
text matching happens here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import time

from harmattan.pipeline.places import locate_event
from harmattan.records import (
    ActorMention,
    Document,
    Evidence,
    EventMention,
    EventRecord,
    Span,
)
from harmattan.taxonomy import civilian_targeting, disorder_type, interaction


def _within(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _actor_name(actor: ActorMention, country: str) -> str:
    if not actor.generic:
        return actor.name
    if actor.name in ("Military Forces", "Police Forces", "Government"):
        return f"{actor.name} of {country}" if country else actor.name
    return f"{actor.name} ({country})" if country else actor.name


def event_id(article_id: str, mention: EventMention) -> str:
    digest = hashlib.sha1(f"{article_id}:{mention.span.start}:{mention.sub_event_type}".encode()).hexdigest()
    return digest[:12]


def assemble_event(doc: Document, mention: EventMention) -> EventRecord:
    """One EventRecord for one event mention."""
    article = doc.article
    aid = article.id
    evidence = [Evidence(aid, "event_type", mention.trigger.start, mention.trigger.end, mention.trigger.text)]

    dates = [d for d in doc.dates if _within(d.span, mention.span)]
    if dates:
        date, precision = dates[0].date, dates[0].precision
        evidence.append(Evidence(aid, "event_date", dates[0].span.start, dates[0].span.end, dates[0].span.text))
    else:
        date = article.date or dt.date.today()
        precision = article.date_precision

    where = locate_event(doc, mention.span)
    if where.evidence is not None:
        evidence.append(Evidence(aid, "location", where.evidence.start, where.evidence.end, where.evidence.text))

    actors = [a for a in doc.actors if _within(a.span, mention.span)]
    names: list[tuple[str, int, ActorMention]] = []
    for actor in actors:
        name = _actor_name(actor, where.country)
        if name not in [n for n, _, _ in names]:
            names.append((name, actor.inter, actor))
    actor1, inter1 = (names[0][0], names[0][1]) if names else ("", 0)
    actor2, inter2 = (names[1][0], names[1][1]) if len(names) > 1 else ("", 0)
    for field, entry in zip(("actor1", "actor2"), names[:2], strict=False):
        evidence.append(Evidence(aid, field, entry[2].span.start, entry[2].span.end, entry[2].span.text))

    deaths = [f for f in doc.fatalities if _within(f.span, mention.span)]
    fatalities = min((f.count for f in deaths), default=0)
    for f in deaths[:1]:
        evidence.append(Evidence(aid, "fatalities", f.span.start, f.span.end, f.span.text))

    sub = mention.sub_event_type
    return EventRecord(
        event_id_cnty=event_id(aid, mention),
        event_date=date.isoformat(),
        year=date.year,
        time_precision=precision,
        disorder_type=disorder_type(sub),
        event_type=mention.event_type,
        sub_event_type=sub,
        actor1=actor1,
        assoc_actor_1="",
        inter1=inter1,
        actor2=actor2,
        assoc_actor_2="",
        inter2=inter2,
        interaction=interaction(inter1, inter2),
        civilian_targeting=civilian_targeting(sub, inter1, inter2),
        iso=where.iso,
        region=where.region,
        country=where.country,
        admin1=where.admin1,
        admin2=where.admin2,
        admin3=where.admin3,
        location=where.location,
        latitude=where.latitude,
        longitude=where.longitude,
        geo_precision=where.geo_precision,
        source=article.source or "",
        source_scale="",
        notes=mention.span.text[:500],
        fatalities=fatalities,
        tags="",
        timestamp=int(time.time()),
        article_ids=(aid,),
        evidence=tuple(evidence),
        confidence=mention.score,
        language=doc.language,
    )


class AssembleStage:
    name = "assemble"
    requires: tuple[str, ...] = ("event_mentions", "dates", "actors", "places", "fatalities")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, events=tuple(assemble_event(doc, m) for m in doc.event_mentions))
