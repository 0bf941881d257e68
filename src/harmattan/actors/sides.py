"""Coder's rules for an event's two sides once its type and country are known.

Pure helpers over ``ActorMention`` for the assemble step's ``group_sides``: which state force
leads when a host army and its foreign partners act together, who can be a side of a crowd
event, when an unidentified armed group is a communal militia, and the cue words that imply a
side the text leaves unnamed (the police a riot clashed with, the government that declared a
curfew, the government a coup acted on). Finding actors in text is ``matcher.py``'s job.
"""

from __future__ import annotations

import dataclasses
import re

from harmattan.actors.naming import actor_inter, actor_name
from harmattan.records import ActorMention, Span

# a riot that is a clash has a second side: the police ("clashes with security forces")
CLASH = re.compile(r"\bclash|\bscuffle|affrontement|\baffront|\bheurts?\b|[ée]chauffour[ée]e", re.I)
# a decree of the state: curfews, states of emergency, bans
DECREE = re.compile(
    r"\bcurfew|state of emergency|couvre-feu|[ée]tat d[’']urgence|\bbann?ed\b|\binterdi[ts]\b|\bsuspendu",
    re.I,
)
# a coup has the government as its second side when it acts on it, not when it is background
ACTED_ON = re.compile(
    r"\barrest|\bdetain|\bdismiss|\bdissol|\boverthr[eo]w|\bousted?\b|\bdeposed?\b|\bagainst\b|\bcontre\b|"
    r"\barr[êe]t[ée]|\bd[ée]tenu|\bs[ée]questr|\blimog|\bdissou|\brenvers|r[ée]sidence surveill[ée]e",
    re.I,
)
# communal violence: reprisals against a community, intercommunal clashes
_REPRISAL = re.compile(r"repr[ée]sailles|reprisal|retaliat|vengeance|revenge", re.I)
_COMMUNITY = re.compile(r"communaut|communit|ethni|\bpeulh?s?\b|\bfulanis?\b|\bdogons?\b", re.I)
_INTERCOMMUNAL = re.compile(r"inter-?communa|inter-?ethni", re.I)
# an air strike that hit these hit civilians, whoever it aimed at
_STRUCK_CIVILIANS = re.compile(
    r"\bchildren\b|\bcivilians?\b|\bwedding\b|\bfamily\b|\bfuneral\b|\benfants\b|\bcivils\b|\bmariage\b|\bfamille\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:no|not|without|aucune?|pas de|sans)\s+(?:\w+\s+)?$", re.I)

_HOST_ARMIES = ("Military Forces", "Mutiny of Military Forces")


def implied(name: str, inter: int) -> ActorMention:
    """A side the event's type or cue words imply, named from the event's country later."""
    return ActorMention(Span(0, 0, ""), name, inter, country="", generic=True)


def resolved(actor: ActorMention | None, country: str) -> str:
    """The name the actor takes in an event in ``country`` ("soldiers" -> Military Forces of Mali)."""
    return "" if actor is None else actor_name(actor, actor.country or country)


def host_army(actor: ActorMention | None, country: str) -> bool:
    """The event country's own army (named, or generic soldiers)."""
    if actor is None or actor_inter(actor, country) != 1:
        return False
    return any(resolved(actor, country) == resolved(implied(name, 1), country) for name in _HOST_ARMIES)


def foreign_force(actor: ActorMention | None, country: str) -> bool:
    """A foreign state's army, a peacekeeping mission or a private military company (inter 8)."""
    return actor is not None and actor.inter != 7 and actor_inter(actor, country) == 8


def host_leads(
    side1: ActorMention | None, side2: ActorMention | None, actors: list[ActorMention], country: str
) -> tuple[ActorMention | None, ActorMention | None]:
    """A host army and its foreign partners (Wagner, Rwandan troops, MINUSMA) on one side of a
    fight: the named host army is the side, the partner an associated actor. Generic "soldiers"
    next to a foreign force are usually that force's own soldiers."""
    sides = [side1, side2]
    foreign = [i for i, side in enumerate(sides) if foreign_force(side, country)]
    if not foreign:
        return side1, side2
    i = foreign[0]
    other = sides[1 - i]
    if host_army(other, country):  # the host army and its partner are not two sides
        if other is not None and other.generic:
            sides[1 - i] = None
        else:
            sides[i] = None
    elif other is None or other.inter in (2, 3, 4, 7):
        host = next((a for a in actors if host_army(a, country) and not a.generic), None)
        if host is not None:
            sides[i] = host
    return sides[0], sides[1]


def one_state(side1: ActorMention | None, side2: ActorMention | None, country: str) -> bool:
    """Whether both sides are the same state: its government and its army."""
    if side1 is None or side2 is None or side1.inter not in (1, 8) or side2.inter not in (1, 8):
        return False
    states = {resolved(a, country).split(" of ", 1)[-1] for a in (side1, side2)}
    prefixes = ("Government of ", "Military Forces of ", "Police Forces of ")
    return len(states) == 1 and all(resolved(a, country).startswith(prefixes) for a in (side1, side2))


def crowd_side(actor: ActorMention | None, sub: str) -> bool:
    """Whether an actor can be a side of a protest or riot: the crowd, the state or foreign forces
    facing it and, in mob violence, its victims. The armed group or coup a crowd protests
    about is not a side."""
    if actor is None or actor.name.startswith("Mutiny"):
        return False
    if actor.inter in (1, 5, 6, 8):
        return True
    return actor.inter == 7 and sub == "Mob violence"


def communal(actor: ActorMention | None, told: str) -> ActorMention | None:
    """An unidentified armed group that carries out reprisals against a community, or
    intercommunal violence, is a communal militia (inter 4)."""
    if actor is None or not actor.generic or actor.name != "Unidentified Armed Group":
        return actor
    if _INTERCOMMUNAL.search(told) or (_REPRISAL.search(told) and _COMMUNITY.search(told)):
        return dataclasses.replace(actor, name="Unidentified Communal Militia", inter=4)
    return actor


def struck_civilians(text: str) -> bool:
    """Whether the text says civilians were among those hit ("a wedding", "seven children"),
    not that none were ("no civilians were near the strike")."""
    return any(not _NEGATED.search(text[max(0, m.start() - 20) : m.start()]) for m in _STRUCK_CIVILIANS.finditer(text))
