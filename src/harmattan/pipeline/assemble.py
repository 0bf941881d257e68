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
import itertools
import re
import time
from collections.abc import Sequence

from harmattan.actors.naming import actor_name
from harmattan.actors.roles import choose_sides
from harmattan.actors.sides import (
    ACTED_ON,
    CIVILIAN_PLACES,
    CLASH,
    DECREE,
    PARTIES,
    agreement_parties,
    communal,
    crowd_side,
    departed,
    foreign_force,
    host_army,
    host_leads,
    implied,
    intercommunal,
    mediator,
    one_state,
    resolved,
    side_inter,
    sole_insurgency,
    struck_civilians,
)
from harmattan.gazetteer.naming import name_key
from harmattan.pipeline.dates import date_for_event
from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.events import attribution_spans, is_release, role_text
from harmattan.pipeline.fatalities import (
    fatalities_across_reports,
    mention_side,
    parse_number,
    recalls_past_event,
)
from harmattan.pipeline.lexicon import cue
from harmattan.pipeline.places import country_location, locate_event, places_in_sentence
from harmattan.pipeline.within_article import group_sub_event_type, merge_drafts, own_place
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
    deaths = [
        f
        for f in doc.fatalities
        if _within(f.span, mention.span) and not recalls_past_event(text[mention.span.start : f.span.start])
    ]
    wheres = places_in_sentence(doc, mention.span) if mention.event_type in _SPLIT_TYPES else []
    wheres = distinct_sites(doc.article.text, wheres)
    if len(wheres) < 2:
        wheres = [locate_event(doc, mention.span)]

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


_ANOTHER_PLACE = re.compile(r"(?:[,;]|\band\b|\bet\b)\s+(?:in|at|à)\s+(?-i:[A-Z])", re.I)
_PLACES_LISTED = re.compile(r"\s*(?:,\s*)?(?:and\s+|et\s+|&\s+)?(?:in\s+|at\s+|à\s+|the\s+)?", re.I)


def deaths_by_place(
    text: str, deaths: Sequence[FatalityMention], places: Sequence[Span | None], sentence: Span
) -> list[list[FatalityMention]]:
    """The counts of a sentence that names several places, place by place (``places`` in text order).

    "Seven were killed in Alpha, four in Beta": each count goes to the place it precedes; "in
    Alpha 70 died and in Beta 30": to the place it follows. One toll told for places listed
    together ("100 killed in Alpha and Beta") is divided evenly among them, the remainder to the
    first, as ACLED splits a total it cannot attribute (50 and 50).
    """
    spans = [p if p is not None else Span(sentence.end, sentence.end, "") for p in places]
    if deaths and all(f.span.start >= spans[0].end for f in deaths):  # place first, then its count
        out = []
        for i, place in enumerate(spans):
            end = spans[i + 1].start if i + 1 < len(spans) else sentence.end
            other = _ANOTHER_PLACE.search(text, place.end, end)  # "... et à Zaroumadareye 30 morts"
            end = other.start() if other is not None else end
            out.append([f for f in deaths if place.end <= f.span.start < end])
    else:
        out = []
        previous_end = sentence.start
        for place in spans:
            near = [f for f in deaths if previous_end <= f.span.start < place.end]
            if not near and place.end > place.start:
                listed = _listed_count(text, previous_end, place.start)
                near = [listed] if listed is not None else []
            out.append(near)
            previous_end = place.end
    told = [i for i, near in enumerate(out) if near]
    together = all(
        _PLACES_LISTED.fullmatch(text[a.end : b.start]) is not None for a, b in itertools.pairwise(spans)
    )
    if len(told) == 1 and together and told[0] in (0, len(out) - 1):
        toll = fatalities_across_reports([out[told[0]]])
        share, rest = divmod(toll[0], len(out))
        evidence = toll[3]
        if share and evidence is not None:
            return [
                [dataclasses.replace(evidence, count=share + (rest if i == 0 else 0), shared=True)]
                for i in range(len(out))
            ]
    return out


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


_COUNT_BEFORE_PLACE = re.compile(
    r"(?:^\s*|[,;]\s*|\s)(?:and\s+|et\s+)?(?P<num>\d+|[a-zà-ÿ-]+)\s+"
    r"(?:(?:people|persons|were killed|were shot dead|dead|killed|"
    r"morts|tués|tuées|personnes)\s+)*(?:in|at|à)\s+(?:the\s+village\s+of\s+|le\s+village\s+de\s+)?$",
    re.I,
)


def _listed_count(text: str, start: int, place_start: int) -> FatalityMention | None:
    """The bare count a list of places gives each one ("seven in Sakkida, four in Farin Zare")."""
    match = _COUNT_BEFORE_PLACE.search(text[start:place_start])
    if match is None:
        return None
    count = parse_number(match.group("num"))
    if not count or count > 2000:
        return None
    s = start + match.start("num")
    return FatalityMention(Span(s, place_start, text[s:place_start]), count)


def event_id(article_id: str, draft: Draft) -> str:
    key = f"{article_id}:{draft.mention.span.start}:{draft.mention.sub_event_type}:{draft.location.location}"
    return "HMT" + hashlib.sha1(key.encode()).hexdigest()[:12]


_VIOLENT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence")


_COUP = re.compile(
    r"\bcoup\b|putsch|junta|junte|seized power|took power|pris le pouvoir|overthr|ousted|renvers|mutin|dissol|dissous",
    re.I,
)
def _near_spans(doc: Document, group: Sequence[Draft]) -> list[Span]:
    """The sentences of a group and the two before and after each."""
    index = {s.start: i for i, s in enumerate(doc.sentences)}
    out: list[Span] = []
    for draft in group:
        i = index.get(draft.mention.span.start)
        if i is not None:
            out.extend(doc.sentences[max(0, i - 2) : i + 3])
    return out


_BRANDS = {"Al Qaeda"}  # an umbrella name used to describe local groups ("al-Qaeda-linked JNIM")
_NONSTATE_GENERIC = {"Unidentified Armed Group"}
_REGIONAL_BRANDS = {"Islamic State"}  # named after the region it is told in: a rival candidate


def _named_armed(actor: ActorMention | None) -> bool:
    return actor is not None and not actor.generic and actor.inter in (2, 3, 4)


def article_group(doc: Document, group: Sequence[Draft] = ()) -> ActorMention | None:
    """The one named rebel group an article speaks of within two sentences of the event (a group
    named only far away is background, not the perpetrator), else the one identity militia the
    article names anywhere (communal violence is attributed at the article level)."""
    near = _near_spans(doc, group) if group else None
    close = [a for a in doc.actors if near is None or any(s.start <= a.span.start < s.end for s in near)]
    for inters, actors in (((2,), close), ((4,), list(doc.actors))):
        named = {a.name: a for a in actors if not a.generic and a.inter in inters and a.name not in _BRANDS}
        # "Boko Haram and Islamic State fighters roam the area": two candidates, no attribution
        rivals = {a.name for a in actors if a.name in _REGIONAL_BRANDS and a.inter in inters}
        if len(named) == 1 and not rivals:
            return next(iter(named.values()))
        if named:
            return None
    return None


def group_sides(
    group: Sequence[Draft],
    sub: str,
    country: str,
    *,
    text: str,
    article_actor: ActorMention | None = None,
    article_actors: Sequence[ActorMention] = (),
) -> tuple[ActorMention | None, ActorMention | None, list[ActorMention]]:
    """Side 1, side 2 and associated actors of a merged event, completing the sides its type
    implies when the text names none (the victims of an attack, the crowd of a protest).
    ``text`` is the article text the drafts' actor spans index."""
    event_type = event_type_of(sub)
    ordered = sorted(group, key=lambda d: -d.mention.score)
    side1: ActorMention | None = None
    side2: ActorMention | None = None

    def same(a: ActorMention | None, b: ActorMention | None) -> bool:
        return a is not None and b is not None and resolved(a, country) == resolved(b, country)

    for draft in ordered:
        s1, s2 = choose_sides(draft.actors, text, event_type=event_type)
        side1 = side1 or s1
        if side2 is None and s2 is not None and not same(s2, side1):
            side2 = s2
        if side1 and side2:
            break
    told = " ".join(d.mention.span.text for d in group)  # what the group's sentences say
    # the same without reporting frames ("the police said"): sources are not sides
    told_roles = " ".join(role_text(d.mention.span.text) for d in group)
    violent = event_type in _VIOLENT_TYPES
    crowd_event = event_type in ("Riots", "Protests")
    actors = [a for d in ordered for a in d.actors]

    def is_government(actor: ActorMention | None) -> bool:
        return actor is not None and actor.name.startswith("Government")

    def is_generic_civilians(actor: ActorMention | None) -> bool:
        return actor is not None and actor.generic and actor.inter == 7

    if violent or crowd_event:
        # governments speak about violence; they are rarely a side of it
        side1 = None if is_government(side1) else side1
        side2 = None if is_government(side2) else side2
    if crowd_event:
        # the crowd is "Rioters (Guinea)"; the movement that called it out is associated
        crowd = implied("Rioters", 5) if event_type == "Riots" else implied("Protesters", 6)
        side1, side2 = (
            (crowd if a is not None and not a.generic and a.inter in (5, 6) else a if crowd_side(a, sub) else None)
            for a in (side1, side2)
        )
    named_groups = [a for a in actors if not a.generic and a.inter == 2 and a.name not in _BRANDS]
    if named_groups:
        # "JNIM, al-Qaeda's affiliate": the affiliate is the side, not the brand
        group_side = named_groups[0]
        if side2 is not None and side2.name in _BRANDS and side1 is not None and side1.name in _NONSTATE_GENERIC:
            side1, side2 = group_side, None  # "attackers ... al-Qaeda's affiliate al-Shabab": one side
        if side1 is not None and side1.name in _BRANDS:
            side1 = group_side if not same(side2, group_side) else None
        if side2 is not None and side2.name in _BRANDS:
            side2 = group_side if not same(side1, group_side) else None
        if side1 is None and side2 is not None:
            side1, side2 = side2, None
    if event_type in ("Violence against civilians", "Explosions/Remote violence") and sub != "Air/drone strike":
        # one-sided violence: "attackers" in one sentence and the group named in another are one side
        for generic, named in ((side1, side2), (side2, side1)):
            if generic is not None and generic.name in _NONSTATE_GENERIC and _named_armed(named):
                side1, side2 = named, None
                break
    battle = event_type == "Battles" or (
        event_type == "Explosions/Remote violence"
        and sub != "Air/drone strike"
        and any(a is not None and a.inter in (1, 8) for a in (side1, side2))
    )
    # hostages set free (an Agreement when negotiated, else Other): their captors and the captives
    release = sub in ("Agreement", "Other") and any(is_release(d.mention.trigger.text) for d in group)
    if battle or (event_type == "Strategic developments" and sub not in ("Agreement", "Arrests") and not release):
        # civilians named beside soldiers in a fight or a bombing of soldiers are not its other side
        side1 = None if is_generic_civilians(side1) else side1
        side2 = None if is_generic_civilians(side2) else side2
    if event_type in ("Battles", "Violence against civilians"):
        side1, side2 = host_leads(side1, side2, actors, country)
    if event_type != "Battles" and host_army(side1, country) and host_army(side2, country):
        side2 = None  # the army and its mutineers in a coup: one side
    coup = _COUP.search(text if sub == "Arrests" else told)  # arrests in a coup story are the coup's
    if sub == "Other" and not coup and one_state(side1, side2, country):
        side2 = None  # "Macron announced the withdrawal of French troops": one state, one side
    if coup and sub in ("Other", "Arrests"):
        # a coup is the state's own affair: the jihadists it promises to fight are not a side; the
        # "civilian rule" or "political leaders" it arrests are the government
        side1, side2 = (a if a is not None and a.inter in (1, 8) else None for a in (side1, side2))
        if sub == "Other" and not ACTED_ON.search(told):
            # "the junta that took power", "the president's convoy": the army took power from no one named
            side1, side2 = (None if a is not None and a.name.startswith("Government") else a for a in (side1, side2))
    if sub == "Other" and DECREE.search(told):
        # a curfew or state of emergency: the state decrees it; the armed groups are its reason
        side1 = side1 if side1 is not None and side1.inter in (1, 8) else None
        side2 = side2 if side2 is not None and side2.inter in (1, 8) else None
        if side1 is None and side2 is None:
            side1 = implied("Government", 1)
    if side1 is None and side2 is not None:
        side1, side2 = side2, None
    if sub == "Air/drone strike" and (side1 is None or side1.inter not in (1, 8)):
        # only states fly strike aircraft here: the state actor is side 1, the other is the target
        state = next((a for d in ordered for a in d.actors if a.inter in (1, 8) and a.name != "Government"), None)
        if state is not None:
            side1, side2 = state, side1 if side1 is not None and side1.name != state.name else side2
    if sub == "Air/drone strike" and side2 is not None and side2.inter in (2, 3, 4) and struck_civilians(told):
        side2 = None  # the strike hit a wedding, a family: civilians, whoever it aimed at
    if sub == "Non-violent transfer of territory":
        # the mission that left the base is not a side of the group that took it over
        side1, side2 = (None if departed(a, told) else a for a in (side1, side2))
    if sub == "Agreement" and not release:
        parties = [a for a in (side1, side2) if a is not None and not mediator(a, told)]
        if PARTIES.search(told):  # "the two sides agreed": the article names them
            parties = agreement_parties(parties, list(article_actors), country)
        side1, side2 = [*parties, None, None][:2]
    if (
        sub == "Attack"
        and side1 is not None
        and side1.inter in (1, 8)
        and (side1.generic or foreign_force(side1, country))
        and cue("armed_group").search(told)
    ):
        side1 = None  # soldiers who came to help, while gunmen did the killing
        if side2 is not None:
            side1, side2 = side2, None
    kinds = {a.inter for a in (side1, side2) if a is not None}
    wanted: list[ActorMention] = []
    if event_type == "Protests" and not kinds & {5, 6}:
        wanted.append(implied("Protesters", 6))
    elif event_type == "Riots" and not kinds & {5, 6}:
        wanted.append(implied("Rioters", 5))
    intervened = sub in ("Excessive force against protesters", "Protest with intervention")
    clashed = crowd_event and (cue("state_side").search(told_roles) or CLASH.search(told))
    if not kinds & {1, 8} and (intervened or clashed):
        wanted.append(implied("Police Forces", 1))
    if sub in ("Other", "Arrests") and coup:
        if not any(a is not None and "Military Forces" in a.name for a in (side1, side2)):
            if side2 is not None and side1 is not None and side2.name.startswith("Government"):
                side1 = None  # the soldiers who took power, and the government they took it from
            wanted.insert(0, implied("Military Forces", 1))
        acted_on = sub == "Arrests" or ACTED_ON.search(told)
        if acted_on and not any(a is not None and a.name.startswith("Government") for a in (side1, side2)):
            wanted.append(implied("Government", 1))
    if event_type == "Violence against civilians":
        if not kinds & {1, 2, 3, 4, 8}:
            wanted.append(implied("Unidentified Armed Group", 3))
        if 7 not in kinds:
            wanted.append(implied("Civilians", 7))
    if release:
        if not kinds & {2, 3, 4}:
            wanted.append(implied("Unidentified Armed Group", 3))
        if 7 not in kinds:
            wanted.append(implied("Civilians", 7))
    if sub == "Armed clash":
        if not kinds & {2, 3, 4}:
            wanted.append(implied("Unidentified Armed Group", 3))
        if not kinds & {1, 8}:
            wanted.append(implied("Military Forces", 1))
    if sub == "Government regains territory":
        if not kinds & {1, 8}:
            wanted.insert(0, implied("Military Forces", 1))
        if not kinds & {2, 3, 4}:
            wanted.append(implied("Unidentified Armed Group", 3))
    if sub == "Non-state actor overtakes territory" and not kinds & {1, 8}:
        wanted.append(implied("Military Forces", 1))
    if event_type == "Explosions/Remote violence":
        if sub == "Air/drone strike":
            if not kinds & {1, 8}:
                wanted.insert(0, implied("Military Forces", 1))
        elif not kinds & {2, 3, 4}:
            wanted.insert(0, implied("Unidentified Armed Group", 3))
        civilian_target = (cue("civilian_target").search(told) or CIVILIAN_PLACES.search(told)) and not cue(
            "state_side"
        ).search(told_roles)
        if 7 not in kinds and (civilian_target or (sub == "Air/drone strike" and struck_civilians(told))):
            wanted.append(implied("Civilians", 7))
        elif sub != "Air/drone strike" and not kinds & {1, 7, 8} and cue("state_side").search(told_roles):
            wanted.append(implied("Military Forces", 1))  # a bomb at an army camp or patrol
    for actor in wanted:
        if side1 is None:
            side1 = actor
        elif side2 is None and not same(actor, side1):
            side2 = actor
    if article_actor is not None and event_type in _VIOLENT_TYPES:
        # "gunmen" in a story whose only named armed group is JNIM: JNIM (claims come later)
        if side1 is not None and side1.generic and side1.name == "Unidentified Armed Group":
            side1 = article_actor
        elif side2 is not None and side2.generic and side2.name == "Unidentified Armed Group":
            side2 = article_actor
    if event_type == "Violence against civilians":
        side1, side2 = communal(side1, told), communal(side2, told)
    side1, side2 = sole_insurgency(side1, country, told), sole_insurgency(side2, country, told)
    if same(side1, side2):
        side2 = None
    if sub == "Mob violence" and intercommunal(told) and side1 is not None and side1.inter == 5:
        side2 = side1  # clashes between two communities: rioters on both sides
    if side1 is not None and side2 is not None and sub in ("Violence against civilians", "Attack") and side1.inter == 7:
        side1, side2 = side2, side1
    assoc: list[ActorMention] = []
    taken = {resolved(a, country) for a in (side1, side2) if a is not None}
    for actor in actors:
        if resolved(actor, country) not in taken and not actor.generic and actor.inter in (2, 3, 4, 8, 1, 6):
            assoc.append(actor)
            taken.add(resolved(actor, country))
    return side1, side2, assoc[:2]


def attack_on_armed_side(sub: str, side1: ActorMention | None, side2: ActorMention | None) -> bool:
    """An attack by an armed group whose victim is a state or foreign force ("the president,
    killed by rebels on his way to the front") is a battle, not violence against civilians."""
    return (
        sub == "Attack"
        and side1 is not None
        and side1.inter in (2, 3, 4)
        and side2 is not None
        and side2.inter in (1, 8)
    )


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


def record_from_group(doc: Document, group: Sequence[Draft]) -> EventRecord:
    """One EventRecord from the drafts that report one event."""
    article = doc.article
    aid = article.id
    sub = group_sub_event_type(group)
    if sub == "Attack" and any(mention_side(f) in ("state", "foreign") for d in group for f in d.fatalities):
        sub = "Armed clash"  # soldiers died: the attack was on an armed side, a battle
    lead = max(group, key=lambda d: (d.mention.sub_event_type == sub, d.mention.score))
    trigger = lead.mention.trigger
    evidence = [Evidence(aid, "event_type", trigger.start, trigger.end, trigger.text)]

    date_draft = event_date_draft(group)
    dm = date_draft.date_mention or date_draft.inherited_date
    if dm is not None:
        evidence.append(Evidence(aid, "event_date", dm.span.start, dm.span.end, dm.span.text))

    where = group_location(group)
    if not where.country:
        where = actor_country_location(doc, group) or where
    if where.evidence is not None:
        evidence.append(Evidence(aid, "location", where.evidence.start, where.evidence.end, where.evidence.text))

    side1, side2, associated = group_sides(
        group, sub, where.country, text=doc.article.text, article_actor=article_group(doc, group),
        article_actors=doc.actors,
    )
    if attack_on_armed_side(sub, side1, side2):
        sub = "Armed clash"
        side1, side2, associated = group_sides(
            group, sub, where.country, text=doc.article.text, article_actor=article_group(doc, group),
        article_actors=doc.actors,
        )
    if sub == "Arrests" and side1 is None and _CAPTIVE_STORY.search(doc.article.text):
        # "he was detained in October 2016" in a hostage story, no state force named: his captors took him
        sub = "Abduction/forced disappearance"
        side1, side2, associated = group_sides(
            group, sub, where.country, text=doc.article.text, article_actor=article_group(doc, group),
            article_actors=doc.actors,
        )
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

    count, low, high, fat_evidence = group_fatalities(group, where)
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


def group_location(group: Sequence[Draft]) -> EventLocation:
    """Where a merged event happened: a place named in its own sentences beats one borrowed
    from context; a town or village beats a region or a country; among towns, the one most of
    the sentences name, then the first told (a town named once in passing, "ambulances from
    Mekelle", does not displace the village the lead names twice)."""
    def votes(where: EventLocation) -> int:
        return sum(own_place(d) and name_key(d.location.location) == name_key(where.location) for d in group)

    def rank(item: tuple[int, Draft]) -> tuple[bool, int, int, bool, int]:
        n, d = item
        where = d.location
        tier = 9 if not where.location else 1 if where.geo_precision < 3 else 3
        return (not own_place(d), tier, -votes(where), not where.country, n)

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


_SEVERAL_SITES = re.compile(
    r"\b(?:attacks|raids|communities|villages|attaques|communautés|localités)\b", re.I
)


def group_fatalities(
    group: Sequence[Draft], where: EventLocation | None = None
) -> tuple[int, int, int, FatalityMention | None]:
    """Deaths of a merged event from the counts its sentences tell (``fatalities_across_reports``).

    When the event has a town, a toll told in a sentence that names only the country or the
    province ("100 killed in Niger"), or names no place but tells of several attacks or
    villages ("these attacks left 96 dead"), is read after the others: that wider toll may
    cover several sites, and the town's own count ("in Alpha, 70 died") is this event's."""
    ordered = list(group)
    if where is not None and where.location and where.geo_precision < 3:

        def wide(d: Draft) -> bool:
            loc = d.location
            if not own_place(d):
                return _SEVERAL_SITES.search(d.mention.span.text) is not None
            return bool(loc.location) and loc.location in (loc.country, loc.admin1)

        ordered.sort(key=wide)
    return fatalities_across_reports([d.fatalities for d in ordered])


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
    return tuple(record_from_group(doc, group) for group in merge_drafts(drafts))


class AssembleStage:
    """Sets ``doc.events``."""

    name = "assemble"
    requires: tuple[str, ...] = ("event_mentions", "dates", "actors", "places", "fatalities")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, events=assemble_events(doc))
