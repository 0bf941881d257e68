"""Assemble stage: event mentions + dates, actors, places, fatalities -> EventRecords.

For each event mention it builds a draft (date, location, actors, deaths, each with its
evidence span), merges drafts that report the same event inside the article
(``within_article.merge_drafts``), and turns each group into one EventRecord. Pure selection
over what earlier stages found: no new text matching beyond the implied-actor cues.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import time
from collections.abc import Sequence

from harmattan.pipeline.drafts import Draft, ImpliedActor
from harmattan.pipeline.lexicon import cue
from harmattan.pipeline.places import locate_event
from harmattan.pipeline.within_article import merge_drafts
from harmattan.records import ActorMention, DateMention, Document, Evidence, EventMention, EventRecord, Span
from harmattan.taxonomy import civilian_targeting, disorder_type, interaction

_GENERIC_STATE = ("Military Forces", "Police Forces", "Government")


def _within(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def actor_name(actor: ActorMention | ImpliedActor, country: str) -> str:
    """The full actor name, completing generic actors with the event's country."""
    if not actor.generic:
        return actor.name
    if not country:
        return actor.name
    if actor.name in _GENERIC_STATE:
        prefix = "the " if country in ("United States", "Democratic Republic of Congo", "Central African Republic") else ""
        return f"{actor.name} of {prefix}{country}"
    return f"{actor.name} ({country})"


def event_date_for(
    mention: EventMention, dates: Sequence[DateMention], previous: DateMention | None, doc: Document
) -> tuple[dt.date, int, DateMention | None]:
    """A date inside the sentence wins; else the last explicit date of the same paragraph; else
    the article's date."""
    inside = [d for d in dates if _within(d.span, mention.span)]
    if inside:
        best = min(inside, key=lambda d: (d.precision, d.span.start))
        return best.date, best.precision, best
    if previous is not None:
        text = doc.article.text
        if "\n" not in text[previous.span.end : mention.span.start]:
            return previous.date, previous.precision, None
    article_date = doc.article.date or dt.date.today()
    return article_date, doc.article.date_precision, None


def implied_actors(mention: EventMention, actors: Sequence[ActorMention]) -> list[ImpliedActor]:
    """Generic sides the sub-event type implies when the text names none ("protesters", victims)."""
    text = mention.span.text
    inters = {a.inter for a in actors}
    sub = mention.sub_event_type
    out: list[ImpliedActor] = []
    if mention.event_type == "Protests" and 6 not in inters:
        out.append(ImpliedActor("Protesters", 6))
    if mention.event_type == "Riots" and not inters & {5, 6}:
        out.append(ImpliedActor("Rioters", 5))
    if sub in ("Excessive force against protesters", "Protest with intervention") and 1 not in inters:
        out.append(ImpliedActor("Police Forces", 1))
    violent = mention.event_type in ("Violence against civilians", "Explosions/Remote violence") or sub == "Armed clash"
    if violent and not inters & {2, 3, 4} and sub != "Air/drone strike":
        out.append(ImpliedActor("Unidentified Armed Group", 3))
    if sub == "Armed clash" and 1 not in inters and 8 not in inters and cue("state_side").search(text):
        out.append(ImpliedActor("Military Forces", 1))
    if mention.event_type == "Violence against civilians" and 7 not in inters:
        out.append(ImpliedActor("Civilians", 7))
    if sub == "Air/drone strike" and 1 not in inters and 8 not in inters:
        out.append(ImpliedActor("Military Forces", 1))
    return out


def build_draft(doc: Document, mention: EventMention, previous_date: DateMention | None) -> Draft:
    """Everything one sentence says about its event."""
    date, precision, date_mention = event_date_for(mention, doc.dates, previous_date, doc)
    where = locate_event(doc, mention.span)
    actors = [a for a in doc.actors if _within(a.span, mention.span)]
    deaths = [f for f in doc.fatalities if _within(f.span, mention.span)]
    return Draft(
        mention=mention,
        date=date,
        time_precision=precision,
        date_mention=date_mention,
        location=where,
        actors=tuple(actors),
        implied=tuple(implied_actors(mention, actors)),
        fatalities=tuple(deaths),
    )


def event_id(article_id: str, draft: Draft) -> str:
    key = f"{article_id}:{draft.mention.span.start}:{draft.mention.sub_event_type}"
    return "HMT" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _actor_sides(group: Sequence[Draft], country: str) -> list[tuple[str, int, ActorMention | None]]:
    """Distinct actors of a group, named ones first, then implied ones."""
    seen: list[tuple[str, int, ActorMention | None]] = []
    for draft in group:
        for actor in draft.actors:
            name = actor_name(actor, actor.country or country)
            if name and name not in [s[0] for s in seen]:
                seen.append((name, actor.inter, actor))
    for draft in group:
        for implied in draft.implied:
            name = actor_name(implied, country)
            taken_inters = {s[1] for s in seen}
            if name not in [s[0] for s in seen] and implied.inter not in taken_inters:
                seen.append((name, implied.inter, None))
    return seen


def _order_sides(sides: list[tuple[str, int, ActorMention | None]], sub: str) -> list[tuple[str, int, ActorMention | None]]:
    """Actor1 is the side that acts: armed groups and state forces before civilians/protesters."""
    rank = {2: 0, 3: 0, 4: 0, 8: 1, 1: 1, 5: 2, 6: 2, 7: 3}
    if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration"):
        rank = {6: 0, 5: 0, 1: 1, 8: 1, 2: 2, 3: 2, 4: 2, 7: 3}
    return sorted(sides, key=lambda s: rank.get(s[1], 4))


def record_from_group(doc: Document, group: Sequence[Draft]) -> EventRecord:
    """One EventRecord from the drafts that report one event."""
    article = doc.article
    aid = article.id
    lead = max(group, key=lambda d: d.mention.score)
    sub = lead.mention.sub_event_type
    evidence = [Evidence(aid, "event_type", lead.mention.trigger.start, lead.mention.trigger.end, lead.mention.trigger.text)]

    dated = [d for d in group if d.date_mention is not None]
    date_draft = min(dated, key=lambda d: d.time_precision) if dated else group[0]
    if date_draft.date_mention is not None:
        dm = date_draft.date_mention
        evidence.append(Evidence(aid, "event_date", dm.span.start, dm.span.end, dm.span.text))

    where = min((d.location for d in group), key=lambda w: (w.geo_precision if w.location else 9, not w.country))
    if where.evidence is not None:
        evidence.append(Evidence(aid, "location", where.evidence.start, where.evidence.end, where.evidence.text))

    sides = _order_sides(_actor_sides(group, where.country), sub)
    actor1, inter1 = (sides[0][0], sides[0][1]) if sides else ("", 0)
    actor2, inter2 = (sides[1][0], sides[1][1]) if len(sides) > 1 else ("", 0)
    assoc = "; ".join(s[0] for s in sides[2:4])
    for field, side in zip(("actor1", "actor2"), sides[:2], strict=False):
        if side[2] is not None:
            evidence.append(Evidence(aid, field, side[2].span.start, side[2].span.end, side[2].span.text))

    counts = [(sum(f.count for f in d.fatalities), d) for d in group if d.fatalities]
    fatalities, low, high = 0, None, None
    if counts:
        fatalities = counts[0][0]
        low, high = min(c for c, _ in counts), max(c for c, _ in counts)
        for f in counts[0][1].fatalities:
            evidence.append(Evidence(aid, "fatalities", f.span.start, f.span.end, f.span.text))

    confidence = min(0.95, lead.mention.score + 0.05 * (len(group) - 1) + (0.05 if where.geo_precision < 3 else 0))
    return EventRecord(
        event_id_cnty=event_id(aid, group[0]),
        event_date=date_draft.date.isoformat(),
        year=date_draft.date.year,
        time_precision=date_draft.time_precision,
        disorder_type=disorder_type(sub),
        event_type=lead.mention.event_type,
        sub_event_type=sub,
        actor1=actor1,
        assoc_actor_1=assoc,
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
        notes=_notes(lead),
        fatalities=fatalities,
        tags="",
        timestamp=int(time.time()),
        article_ids=(aid,),
        evidence=tuple(evidence),
        confidence=round(confidence, 2),
        language=doc.language,
        fatalities_low=low if low != high else None,
        fatalities_high=high if low != high else None,
    )


def _notes(draft: Draft) -> str:
    text = re.sub(r"\s+", " ", draft.mention.span.text).strip()
    prefix = f"On {draft.date.isoformat()}" if draft.time_precision == 1 else f"Around {draft.date.isoformat()}"
    place = f", in {draft.location.location}" if draft.location.location else ""
    return f"{prefix}{place}: {text[:400]}"


def assemble_events(doc: Document) -> tuple[EventRecord, ...]:
    """Drafts for every mention, merged within the article, as records."""
    drafts: list[Draft] = []
    previous: DateMention | None = None
    for mention in doc.event_mentions:
        draft = build_draft(doc, mention, previous)
        if draft.date_mention is not None:
            previous = draft.date_mention
        drafts.append(draft)
    return tuple(record_from_group(doc, group) for group in merge_drafts(drafts))


class AssembleStage:
    """Sets ``doc.events``."""

    name = "assemble"
    requires: tuple[str, ...] = ("event_mentions", "dates", "actors", "places", "fatalities")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, events=assemble_events(doc))
