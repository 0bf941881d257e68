"""Group sides: who did what to whom in one merged event (actor1/actor2, associates).

The coder's side rules over the drafts of one event group: named actors in the group's own
sentences, the article's one attributed group, coups, crowds, decrees, agreements, foreign
partners of the host army. Split out of ``assemble`` (which calls ``group_sides``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    sole_insurgency,
    struck_civilians,
)
from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.events import is_release, role_text
from harmattan.pipeline.lexicon import cue
from harmattan.records import (
    ActorMention,
    Document,
    Span,
)
from harmattan.taxonomy import event_type_of

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
