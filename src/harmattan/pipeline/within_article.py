"""Merge the mentions of one event inside one article (headline, lead, later paragraphs).

Two drafts report the same event when their types are compatible, their explicit dates agree
(within a day) and their places do not contradict each other (different precise towns far
apart are different events; a region or country mention is compatible with a town in it).
Several incidents on different days or in different towns stay separate events.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from harmattan.geo import km_between
from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.events import protest_topic
from harmattan.pipeline.fatalities import mention_side
from harmattan.records import EventLocation

# Event types that reports of one incident mix freely (an attack on a camp killing soldiers
# and civilians; a bombing described as an attack).
_COMPATIBLE = {
    frozenset({"Battles", "Violence against civilians"}),
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Explosions/Remote violence", "Battles"}),
    frozenset({"Protests", "Riots"}),
}


def _km(a: EventLocation, b: EventLocation) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    return km_between((a.latitude, a.longitude), (b.latitude, b.longitude))  # type: ignore[arg-type]


def places_compatible(a: EventLocation, b: EventLocation) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if not a.location or not b.location or a.geo_precision == 3 or b.geo_precision == 3:
        if a.admin1 and b.admin1 and a.admin1 != b.admin1 and min(a.geo_precision, b.geo_precision) < 3:
            return (a.geo_precision == 3 and not a.admin1) or (b.geo_precision == 3 and not b.admin1)
        return True
    if a.location == b.location or _extends(a.location, b.location) or _extends(b.location, a.location):
        return True
    return _km(a, b) <= 25.0


def _extends(longer: str, shorter: str) -> bool:
    """A village named by a longer form of the other's name ("Yirgou-Foulbè", "Yirgou") is one place."""
    return longer.startswith(shorter) and longer[len(shorter) : len(shorter) + 1] in ("-", " ")


_VIOLENT = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"}


def types_compatible(a: Draft, b: Draft) -> bool:
    ta, tb = a.mention.event_type, b.mention.event_type
    subs = {a.mention.sub_event_type, b.mention.sub_event_type}
    if "Looting/property destruction" in subs and {ta, tb} & _VIOLENT:
        return True  # "they also burned houses": part of the attack
    if {ta, tb} & {"Protests", "Riots"} and "Attack" in subs:
        attack = a if a.mention.sub_event_type == "Attack" else b
        if not any(actor.inter in (2, 3, 4) for actor in attack.actors):
            return True  # "the toll is 50 dead" in a protest story: the protest's deaths
    if ta == tb:
        if ta == "Strategic developments":
            return a.mention.sub_event_type == b.mention.sub_event_type
        return True
    return frozenset({ta, tb}) in _COMPATIBLE


def dates_compatible(a: Draft, b: Draft) -> bool:
    if a.date_mention is None or b.date_mention is None:
        return abs((a.date - b.date).days) <= 31 if (a.date_mention or b.date_mention) else True
    for month, day in ((a, b), (b, a)):
        if month.time_precision == 3 and day.time_precision == 1:  # "In January" is not 10 February
            return (month.date.year, month.date.month) == (day.date.year, day.date.month)
    return abs((a.date - b.date).days) <= (1 if max(a.time_precision, b.time_precision) == 1 else 31)


def own_place(draft: Draft) -> bool:
    """Whether the draft's location was named in its own sentence (not borrowed from context)."""
    ev = draft.location.evidence
    span = draft.mention.span
    return ev is not None and span.start <= ev.start < span.end


def attackers_killed(draft: Draft) -> bool:
    """Whether the sentence tells deaths of attackers only ("three jihadists were shot dead")."""
    return bool(draft.fatalities) and all(f.attackers for f in draft.fatalities)


def _civilian_toll(draft: Draft) -> bool:
    return draft.mention.event_type == "Violence against civilians" and any(
        mention_side(f) in ("civilian", "total") for f in draft.fatalities
    )


def _separate_fight(draft: Draft, group: Sequence[Draft]) -> bool:
    """Whether ``draft`` and ``group`` are an attack that killed people, told with no battle, and
    the attackers shot dead: the forces' response, a battle of its own (either may come first)."""
    if attackers_killed(draft):
        return any(_civilian_toll(o) for o in group) and not any(o.mention.event_type == "Battles" for o in group)
    return _civilian_toll(draft) and all(attackers_killed(o) for o in group)


def same_event(a: Draft, b: Draft) -> bool:
    if not (types_compatible(a, b) and dates_compatible(a, b)):
        return False
    if not (own_place(a) and own_place(b)):
        # a borrowed location says nothing against being the same event, unless countries differ
        return not (a.location.country and b.location.country and a.location.country != b.location.country)
    return places_compatible(a.location, b.location)


def _joins(anaphor: Draft, other: Draft) -> bool:
    """Whether an anaphoric draft that tells a toll may join a group holding ``other``: a
    compatible type, a compatible date (an event recalled in passing from last year, "the
    deadliest since the attack on Beta in May 2021", is not "this attack"), and a town of its own
    that is not another town far from the other's own town ("the attacks left 60 dead in Alpha"
    belongs to the attack on Alpha)."""
    if not (types_compatible(anaphor, other) and dates_compatible(anaphor, other)):
        return False
    towns = (anaphor.location.geo_precision < 3, other.location.geo_precision < 3)
    if anaphor.fatalities and own_place(anaphor) and own_place(other) and all(towns):
        return places_compatible(anaphor.location, other.location)
    return True


def merge_drafts(drafts: Sequence[Draft]) -> list[list[Draft]]:
    """Group drafts greedily in text order: each joins the first compatible earlier group."""
    groups: list[list[Draft]] = []
    for draft in drafts:
        if draft.mention.anaphoric:
            # "the attack was claimed by JNIM": joins the latest event of a compatible type
            # ("the attacks left 60 dead in Alpha" tells its own town: the event there, if any)
            target = next((g for g in reversed(groups) if all(_joins(draft, o) for o in g)), None) or next(
                (g for g in reversed(groups) if all(types_compatible(draft, o) for o in g)), None
            )
            if target is not None:
                target.append(draft)
                continue
        for group in groups:
            if all(same_event(draft, other) for other in group) and not _separate_fight(draft, group):
                group.append(draft)
                break
        else:
            groups.append([draft])
    return groups


def toll_target(toll: Draft, groups: Sequence[Sequence[Draft]], wheres: Sequence[EventLocation]) -> int | None:
    """The event a toll told at a town of its own in a sentence that reports no event ("in
    Alpha, the loss of 79 lives") belongs to: the latest violent event told before it at that
    town (``wheres``: each group's place); none when no event is told there."""
    if not (own_place(toll) and toll.location.geo_precision < 3):
        return None
    start = toll.mention.span.start
    latest: list[tuple[int, int]] = []  # (the group's latest sentence before the toll, group index)
    for i, group in enumerate(groups):
        starts = [d.mention.span.start for d in group if d.mention.span.start < start]
        if starts and any(d.mention.event_type in _VIOLENT for d in group):
            latest.append((max(starts), i))
    for _, i in sorted(latest, reverse=True):
        if wheres[i].geo_precision < 3 and places_compatible(toll.location, wheres[i]):
            return i
    return None


# When the drafts of one event disagree on its type, the most specific reading wins.
_GROUP_PRIORITY = (
    "Chemical weapon", "Disrupted weapons use", "Suicide bomb", "Air/drone strike",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Grenade", "Government regains territory", "Non-state actor overtakes territory",
    "Excessive force against protesters",
    "Violent demonstration", "Protest with intervention", "Peaceful protest", "Mob violence", "Armed clash",
    "Abduction/forced disappearance", "Sexual violence", "Attack",
)


def group_sub_event_type(group: Sequence[Draft]) -> str:
    """The sub-event type of a merged group of drafts."""
    subs = [d.mention.sub_event_type for d in group]
    if "Government regains territory" in subs and "Abduction/forced disappearance" in subs:
        # "gunmen seized seven workers at the mine ... forces regained control of the site": the
        # raid's end, not the retaking of territory a group held; the kidnapping is the event
        subs = [s for s in subs if s != "Government regains territory"]
    for sub in _GROUP_PRIORITY:
        if sub in subs:
            if sub == "Abduction/forced disappearance" and any(
                d.mention.sub_event_type == "Attack" and _civilian_toll(d) for d in group
            ):
                # a raid told as killing villagers and as kidnapping others ("killed seven ... also
                # abducted nine"): an abduction that comes with killings is an Attack
                return "Attack"
            if sub in ("Peaceful protest", "Protest with intervention") and any(
                d.fatalities and not protest_topic(d.mention.span.text) for d in group
            ):
                return "Violent demonstration"
            return sub
    return max(group, key=lambda d: d.mention.score).mention.sub_event_type
