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
from collections.abc import Collection, Sequence

from harmattan.actors.naming import actor_name
from harmattan.actors.sides import side_inter
from harmattan.gazetteer.naming import name_key
from harmattan.pipeline.dates import date_for_event
from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.events import attribution_spans
from harmattan.pipeline.fatalities import (
    implied_deaths,
    mention_side,
    recalls_past_event,
)
from harmattan.pipeline.lexicon import cue
from harmattan.pipeline.places import (
    country_location,
    locate_event,
    places_in_sentence,
    recalled_development_scope,
)
from harmattan.pipeline.sides import article_group, attack_on_armed_side, group_sides
from harmattan.pipeline.site_tolls import deaths_by_place, group_fatalities, share_toll_among_sites
from harmattan.pipeline.within_article import (
    attackers_killed,
    group_sub_event_type,
    merge_drafts,
    own_place,
    toll_target,
)
from harmattan.records import (
    ActorMention,
    DateMention,
    Document,
    EventLocation,
    EventMention,
    EventRecord,
    Evidence,
    FatalityMention,
    Span,
)
from harmattan.taxonomy import civilian_targeting, disorder_type, event_type_of, interaction


def _within(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def event_date_for(
    mention: EventMention, doc: Document, *, shared: bool = False
) -> tuple[dt.date, int, DateMention | None, bool]:
    """(date, time_precision, evidence, stated in the sentence itself) for one mention.

    When the sentence reports two events (``shared``), each takes the date nearest its trigger.
    """
    inside = [d for d in doc.dates if _within(d.span, mention.span)]
    if shared:
        # each of the sentence's events keeps only the dates nearer its own trigger
        others = [m.trigger.start for m in doc.event_mentions if m.span == mention.span and m is not mention]
        inside = [
            d for d in inside
            if all(abs(d.span.start - mention.trigger.start) <= abs(d.span.start - o) for o in others)
        ]
    before = sorted((d for d in doc.dates if d.span.end <= mention.span.start), key=lambda d: -d.span.start)
    article_date = doc.article.date or dt.date.today()
    date, precision, evidence = date_for_event(inside, before, article_date, doc.article.date_precision)
    return date, precision, evidence, evidence is not None and _within(evidence.span, mention.span)


def named_actors(doc: Document, mention: EventMention) -> tuple[ActorMention, ...]:
    """Actors inside the sentence, leaving out sources in its reporting frame ("police said")."""
    sentence = mention.span
    frames = [(sentence.start + a, sentence.start + b) for a, b in attribution_spans(sentence.text)]
    return tuple(
        a
        for a in doc.actors
        if _within(a.span, sentence) and not any(fs <= a.span.start < fe for fs, fe in frames)
    )


_SPLIT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Protests", "Riots")


def build_drafts(doc: Document, mention: EventMention) -> list[Draft]:
    """Everything one sentence says about its event(s): a violent or demonstration sentence that
    names several places ("killed in Sakkida and Gyadde villages", "à Dakar et Ziguinchor")
    reports one event per place, each with the death count told next to it."""
    shared = sum(m.span == mention.span for m in doc.event_mentions) > 1
    date, precision, date_evidence, explicit = event_date_for(mention, doc, shared=shared)
    actors = named_actors(doc, mention)
    text = doc.article.text
    told = [f for f in doc.fatalities if _within(f.span, mention.span)]
    deaths = [
        f
        for f in sorted((*told, *implied_deaths(text, told, mention.span)), key=lambda f: f.span.start)
        if not recalls_past_event(text[mention.span.start : f.span.start])
    ]
    wheres = places_in_sentence(doc, mention.span) if mention.event_type in _SPLIT_TYPES else []
    wheres = distinct_sites(doc.article.text, wheres)
    if len(wheres) < 2:
        wheres = [recalled_development_scope(locate_event(doc, mention.span), mention.span,
                                             event_type=mention.event_type, event_date=date,
                                             article_date=doc.article.date)]

    def draft(where: EventLocation, fatalities: Sequence[FatalityMention]) -> Draft:
        return Draft(
            mention=mention,
            date=date,
            time_precision=precision,
            date_mention=date_evidence if explicit else None,
            inherited_date=None if explicit else date_evidence,
            location=where,
            actors=actors,
            fatalities=tuple(fatalities),
        )

    if len(wheres) == 1:
        return [draft(wheres[0], deaths)]
    places = [w.evidence for w in wheres]
    by_place = deaths_by_place(doc.article.text, deaths, places, mention.span)
    return [draft(where, near) for where, near in zip(wheres, by_place, strict=True)]


_AREA_AFTER = re.compile(r"\s+(?:region|province|state)\b", re.I)
_ROAD_BETWEEN = re.compile(r"\b(?:between|entre)\s+(?:the\s+towns?\s+of\s+|les\s+localit[ée]s\s+de\s+)?$", re.I)
_AND = re.compile(r"^\s*(?:and|et)\s*$", re.I)
_INSIDE = re.compile(
    r"(?:\(\s*|\b(?:r[ée]gion|province|state|[ée]tat|d[ée]partement|department)\s+(?:de\s+|du\s+|d['’]\s*|of\s+)?)$",
    re.I,
)


def distinct_sites(text: str, wheres: Sequence[EventLocation]) -> list[EventLocation]:
    """The places of a sentence that are separate event sites: a road "between Kwala and
    Sebabougou" is one site, "Sikolo (Kafolo)" names one place twice, and "in the Kong region"
    is the area around the site, not another one."""
    out: list[EventLocation] = []
    for where in wheres:
        ev = where.evidence
        if ev is None or not out:
            out.append(where)
            continue
        before = text[max(0, ev.start - 40) : ev.start]
        last = out[-1].evidence
        if _INSIDE.search(before) or _AREA_AFTER.match(text[ev.end : ev.end + 12]):
            continue
        if last is not None and _AND.match(text[last.end : ev.start]) and _ROAD_BETWEEN.search(text[:last.start][-40:]):
            out[-1] = where  # the road's far end: the stretch is told toward it
            continue
        out.append(where)
    return out


def event_id(article_id: str, draft: Draft) -> str:
    key = f"{article_id}:{draft.mention.span.start}:{draft.mention.sub_event_type}:{draft.location.location}"
    return "HMT" + hashlib.sha1(key.encode()).hexdigest()[:12]


def event_date_draft(group: Sequence[Draft]) -> Draft:
    """The draft whose date the merged event takes: among the sentences that state a date, the
    earliest day at the best precision (later days of one event's reports are its aftermath: the
    toll, the claim, the statement, the dateline of the report); else the first draft."""
    dated = [d for d in group if d.date_mention is not None]
    if not dated:
        return group[0]
    return min(dated, key=lambda d: (d.time_precision, d.date, d.mention.span.start))


# an article telling of kidnapping or hostages: a detention no state force carried out is one
_CAPTIVE_STORY = re.compile(
    r"\b(?:kidnap\w*|abduct\w*|hostages?|captors?|captivity|otages?|enlev\w*|ravisseurs?|captivit[ée])\b", re.I
)


def record_from_group(
    doc: Document, group: Sequence[Draft], *, later_tolls: Sequence[Sequence[FatalityMention]] = ()
) -> EventRecord:
    """One EventRecord from the drafts that report one event (``later_tolls``: the counts of
    sentences that tell its toll without reporting an event of their own)."""
    article = doc.article
    aid = article.id
    sub = group_sub_event_type(group)
    if sub == "Attack" and any(mention_side(f) in ("state", "foreign") for d in group for f in d.fatalities):
        sub = "Armed clash"  # soldiers died: the attack was on an armed side, a battle
    if sub == "Attack" and all(attackers_killed(d) for d in group):
        sub = "Armed clash"  # told only as attackers killed ("three jihadists were shot dead"): a fight
    lead = max(group, key=lambda d: (d.mention.sub_event_type == sub, d.mention.score))
    trigger = lead.mention.trigger
    evidence = [Evidence(aid, "event_type", trigger.start, trigger.end, trigger.text)]

    date_draft = event_date_draft(group)
    dm = date_draft.date_mention or date_draft.inherited_date
    if dm is not None:
        evidence.append(Evidence(aid, "event_date", dm.span.start, dm.span.end, dm.span.text))

    mine = {d.mention.span for d in group}
    where = group_location(group, other_events=[m.span for m in doc.event_mentions if m.span not in mine],
                           passing=passing_places(doc))
    if not where.country:
        where = actor_country_location(doc, group) or where
    if where.evidence is not None:
        evidence.append(Evidence(aid, "location", where.evidence.start, where.evidence.end, where.evidence.text))

    article_actor = article_group(doc, group)

    def sides(sub: str) -> tuple[ActorMention | None, ActorMention | None, list[ActorMention]]:
        return group_sides(
            group, sub, where.country, text=doc.article.text, article_actor=article_actor, article_actors=doc.actors
        )

    side1, side2, associated = sides(sub)
    if attack_on_armed_side(sub, side1, side2):
        sub = "Armed clash"
        side1, side2, associated = sides(sub)
    if sub == "Arrests" and side1 is None and _CAPTIVE_STORY.search(doc.article.text):
        # "he was detained in October 2016" in a hostage story, no state force named: his captors took him
        sub = "Abduction/forced disappearance"
        side1, side2, associated = sides(sub)
    event_type = event_type_of(sub)

    def named(actor: ActorMention | None) -> tuple[str, int]:
        if actor is None:
            return "", 0
        country = actor.country or where.country
        inter = side_inter(actor, where.country, sub)
        if actor.name in ("Protesters", "Rioters") and event_type in ("Riots", "Protests"):
            inter = 5 if event_type == "Riots" else 6  # the crowd follows the event type
        return actor_name(actor, country, event_type=event_type), inter

    actor1, inter1 = named(side1)
    actor2, inter2 = named(side2)
    assoc = "; ".join(named(a)[0] for a in associated if named(a)[0] not in (actor1, actor2))
    for field, side in (("actor1", side1), ("actor2", side2)):
        if side is not None and side.span.end > side.span.start:
            evidence.append(Evidence(aid, field, side.span.start, side.span.end, side.span.text))

    count, low, high, fat_evidence = group_fatalities(group, where, later=later_tolls)
    fatalities = count
    if fat_evidence is not None:
        span = fat_evidence.span
        evidence.append(Evidence(aid, "fatalities", span.start, span.end, span.text))

    confidence = min(0.95, lead.mention.score + 0.05 * (len(group) - 1) + (0.05 if where.geo_precision < 3 else 0))
    return EventRecord(
        event_id_cnty=event_id(aid, group[0]),
        event_date=date_draft.date.isoformat(),
        year=date_draft.date.year,
        time_precision=date_draft.time_precision,
        disorder_type=disorder_type(sub),
        event_type=event_type_of(sub),
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
        notes=_notes(lead, date_draft),
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


#: Cues of a place named in passing, not as a scene: where people went or came from ("the convoy made
#: it to X", "vers X", "from X") and a landmark a distance is told from ("65 km from X").
_PASSING_CUES = ("origin", "landmark")


def passing_places(doc: Document) -> set[Span]:
    """The spans of the article's places named in passing (``_PASSING_CUES``)."""
    return {m.span for m in doc.places if m.cue in _PASSING_CUES}


def group_location(
    group: Sequence[Draft], *, other_events: Sequence[Span] = (), passing: Collection[Span] = ()
) -> EventLocation:
    """Where a merged event happened: a place named in its own sentences beats one borrowed
    from context; a town or village beats a region or a country; among towns, the one most of
    the sentences name, then the first told (a town named once in passing, "ambulances from
    Mekelle", does not displace the village the lead names twice).

    A country or a region is no scene of its own: when the event's sentences name only the
    country ("six killed in central Mali") or a region ("an airstrike in the Tigray region"), a
    town of that country or region borrowed from a sentence around them ("the village of X was
    hit") is the event's, unless that sentence tells another event (``other_events``: the
    sentences of the article's other events).

    A place its sentence names only in passing (``passing``: "the survivors made it to X", "vers
    X", "65 km from X") is no scene: that sentence's event keeps the place the others give."""
    def own(d: Draft) -> bool:
        return own_place(d) and d.location.evidence not in passing

    def votes(where: EventLocation) -> int:
        return sum(own(d) and name_key(d.location.location) == name_key(where.location) for d in group)

    def national(where: EventLocation) -> bool:
        return not where.location or name_key(where.location) == name_key(where.country)

    own_countries = {d.location.country for d in group if own(d) and national(d.location)}
    own_regions = {(d.location.country, d.location.admin1) for d in group if own(d)
                   and not national(d.location) and d.location.geo_precision == 3}

    def lent(d: Draft) -> bool:
        ev, where = d.location.evidence, d.location
        inside = where.country in own_countries or (
            (where.country, where.admin1) in own_regions and where.geo_precision < 3)
        return (not national(where) and inside and ev is not None and ev not in passing
                and not any(s.start <= ev.start < s.end for s in other_events))

    def trusted(d: Draft) -> bool:
        return own(d) or lent(d)

    def covers(where: EventLocation) -> bool:
        """Whether ``where`` is a district or province ("in the Tapoa province") that a town the
        event's sentences name lies in: the town is the more precise scene."""
        area = name_key(where.admin2)
        return bool(area) and name_key(where.location) == area and where.geo_precision == 2 and any(
            trusted(o) and name_key(o.location.admin2) == area and name_key(o.location.location) != area
            for o in group)

    def rank(item: tuple[int, Draft]) -> tuple[bool, bool, int, bool, bool, int, bool, int]:
        n, d = item
        where = d.location
        tier = 9 if not where.location else 1 if where.geo_precision < 3 else 3
        return (not trusted(d), national(where), tier, covers(where), not own(d), -votes(where), not where.country, n)

    return min(enumerate(group), key=rank)[1].location


def actor_country_location(doc: Document, group: Sequence[Draft]) -> EventLocation | None:
    """When no place names a country, the actors may: "Boko Haram", "Burkinabe soldiers"
    (the event's own actors first, then the article's)."""
    for actors in ([a for d in group for a in d.actors], list(doc.actors)):
        for actor in actors:
            if actor.country and actor.inter not in (8,):
                found = country_location(actor.country)
                if found is not None:
                    return found
    return None


# a toll over a period or a whole conflict, not one event's ("since 2015", "the war has claimed")
_WIDER_TOLL = re.compile(
    r"\b(?:since|depuis|over the (?:past|last)|in the (?:past|last)|au cours des|ces derni[èe]res)\b"
    r"|\b(?:war|conflict|insurgency|crisis|guerre|conflit|insurrection|crise)\b|\b(?:19|20)\d\d\b"
    r"|\b(?:thousands|milliers)\b",
    re.I,
)


def toll_drafts(doc: Document) -> list[Draft]:
    """The sentences that tell a death toll at a town of their own but report no event ("in
    Alpha, the assessment found the loss of 79 lives"), as drafts holding only their counts and
    that town; a sentence giving several towns their counts ("in Alpha 70 dead and in Beta 30")
    gives one per town. A toll recalling a past event or told over a period or a conflict is
    left out."""
    text = doc.article.text
    out = []
    for sentence in doc.sentences:
        if any(m.span.start < sentence.end and sentence.start < m.span.end for m in doc.event_mentions):
            continue
        deaths = tuple(
            f
            for f in doc.fatalities
            if _within(f.span, sentence) and not recalls_past_event(text[sentence.start : f.span.start])
        )
        if not deaths or _WIDER_TOLL.search(sentence.text):
            continue
        mention = EventMention(
            span=sentence, trigger=deaths[0].span, event_type="", sub_event_type="", score=0.0, anaphoric=True
        )
        wheres = distinct_sites(text, places_in_sentence(doc, sentence))
        if len(wheres) < 2:
            told = [(locate_event(doc, sentence), list(deaths))]
        else:
            told = list(zip(wheres, deaths_by_place(text, deaths, [w.evidence for w in wheres], sentence), strict=True))
        for where, near in told:
            draft = Draft(
                mention=mention,
                date=doc.article.date or dt.date.today(),
                time_precision=doc.article.date_precision,
                date_mention=None,
                location=where,
                actors=(),
                fatalities=tuple(near),
            )
            if near and own_place(draft) and where.geo_precision < 3:
                out.append(draft)
    return out


def _notes(draft: Draft, dated: Draft) -> str:
    text = re.sub(r"\s+", " ", draft.mention.span.text).strip()
    prefix = f"On {dated.date.isoformat()}" if dated.time_precision == 1 else f"Around {dated.date.isoformat()}"
    place = f", in {draft.location.location}" if draft.location.location else ""
    return f"{prefix}{place}: {text[:400]}"


_CROWD_TYPES = ("Protests", "Riots")
# political unrest named as such: riots, clashes of crowds, post-election violence
_UNREST = re.compile(
    r"\b(?:riots?|unrest|[ée]meutes?|heurts|[ée]chauffour[ée]es|troubles|violences|manifestations?|protests?)\b", re.I
)


def crowd_story_deaths(doc: Document, drafts: Sequence[Draft]) -> list[Draft]:
    """In a story of demonstrations or riots that names no armed group, deaths and clashes
    told without a perpetrator ("sixteen people were killed", "clashes broke out") belong to
    the crowd events: they take the type of the nearest crowd mention (a peaceful one becomes
    a violent demonstration, since people died)."""
    crowd = [m for m in doc.event_mentions if m.event_type in _CROWD_TYPES]
    if any(a.inter in (2, 3, 4) for a in doc.actors):
        return list(drafts)
    if any(cue("armed_group").search(m.span.text) for m in doc.event_mentions):
        return list(drafts)
    if not crowd and not (
        _UNREST.search(doc.article.text)
        and not cue("armed_group").search(doc.article.text)
        and not any(a.inter == 8 for a in doc.actors)
    ):
        return list(drafts)  # "les violences qui ont suivi la condamnation de l'opposant": unrest told, not typed
    out = []
    for draft in drafts:
        mention = draft.mention
        perpetrator = any(a.inter in (1, 2, 3, 4, 8) for a in draft.actors) if not crowd else False
        if mention.sub_event_type in ("Attack", "Armed clash") and not perpetrator:
            nearest = "Violent demonstration"
            if crowd:
                nearest = min(crowd, key=lambda m: abs(m.span.start - mention.span.start)).sub_event_type
            if nearest in ("Peaceful protest", "Protest with intervention"):
                nearest = "Violent demonstration"
            mention = dataclasses.replace(mention, sub_event_type=nearest, event_type=event_type_of(nearest))
            draft = dataclasses.replace(draft, mention=mention)
        out.append(draft)
    return out


def assemble_events(doc: Document) -> tuple[EventRecord, ...]:
    """Drafts for every mention, merged within the article, as records."""
    drafts = [d for mention in doc.event_mentions for d in build_drafts(doc, mention)]
    drafts = crowd_story_deaths(doc, drafts)
    groups = merge_drafts(drafts)
    passing = passing_places(doc)
    wheres = [group_location(group, passing=passing) for group in groups]
    later: list[list[tuple[FatalityMention, ...]]] = [[] for _ in groups]
    for toll in toll_drafts(doc):
        target = toll_target(toll, groups, wheres)
        if target is not None:
            later[target].append(toll.fatalities)
    groups = share_toll_among_sites(doc.article.text, groups, wheres, later)
    return tuple(record_from_group(doc, group, later_tolls=tolls) for group, tolls in zip(groups, later, strict=True))


class AssembleStage:
    """Sets ``doc.events``."""

    name = "assemble"
    requires: tuple[str, ...] = ("event_mentions", "dates", "actors", "places", "fatalities")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, events=assemble_events(doc))
