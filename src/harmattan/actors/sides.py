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
    r"\btoppl|\bderail|\bin the hands of|\barrest|\bdetain|\bdismiss|\bdissol|\boverthr[eo]w|\bousted?\b|"
    r"\bdeposed?\b|\b(?:coup|putsch)(?: d.[ée]tat)?(?: (?!fight|lutt|combat)\w+){0,3} (?:against|contre)\b|"
    r"\baux mains d|\bdestitu|\bd[ée]chu|"
    r"\barr[êe]t[ée]|\bd[ée]tenu|"
    r"\bs[ée]questr|\blimog|\bdissou|\brenvers|r[ée]sidence surveill[ée]e",
    re.I,
)
# communal violence: reprisals against a community, intercommunal clashes
_REPRISAL = re.compile(r"repr[ée]sailles|reprisal|retaliat|vengeance|revenge", re.I)
_COMMUNITY = re.compile(r"communaut|communit|ethni|\bpeulh?s?\b|\bfulanis?\b|\bdogons?\b", re.I)
_INTERCOMMUNAL = re.compile(r"inter-?communa|inter-?ethni", re.I)
# places where a bomb hits civilians, beside the markets, churches and schools of the lexicon
CIVILIAN_PLACES = re.compile(
    r"\bhotels?\b|\brestaurants?\b|\bcaf[ée]s?\b|\bstadium|\bbus (?:station|park)|\bgare routi", re.I
)
# an air strike that hit these hit civilians, whoever it aimed at
_STRUCK_CIVILIANS = re.compile(
    r"\bchildren\b|\bcivilians?\b|\bwedding\b|\bfamily\b|\bfuneral\b|\benfants\b|\bcivils\b|\bmariage\b|\bfamille\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:no|not|without|aucune?|pas de|sans)\s+(?:\w+\s+)?$", re.I)

_HOST_ARMIES = ("Military Forces", "Mutiny of Military Forces")
# theatres with a single insurgency, whose "insurgents" ACLED codes as that group
_SOLE_INSURGENCY = {"Mozambique": "Islamic State (Mozambique)"}
_INSURGENT = re.compile(r"insurg|islamis|jihad|djihad|terror|militant", re.I)
# a side that left the place another took over ("a base vacated by the departing mission")
_DEPARTED = re.compile(
    r"vacated|departing|withdr[ae]w|evacuated|abandoned|quitt[ée]|[ée]vacu[ée]|retrait|d[ée]part", re.I
)
# the parties to a deal, told without their names; the organisations that only hosted it
PARTIES = re.compile(r"\b(?:both|two|the) (?:sides|parties)\b|\bles deux (?:parties|camps)\b", re.I)
_MEDIATED = re.compile(r"mediat|brokered|sponsored|facilitat|m[ée]diat|parrain|sous l'[ée]gide|talks", re.I)
_STATE_PREFIXES = ("Government of ", "Military Forces of ", "Police Forces of ")


def implied(name: str, inter: int) -> ActorMention:
    """A side the event's type or cue words imply, named from the event's country later."""
    return ActorMention(Span(0, 0, ""), name, inter, country="", generic=True)


def resolved(actor: ActorMention | None, country: str) -> str:
    """The name the actor takes in an event in ``country`` ("soldiers" -> Military Forces of Mali)."""
    return "" if actor is None else actor_name(actor, actor.country or country)


def side_inter(actor: ActorMention, country: str, sub: str) -> int:
    """A side's inter code in an event in ``country``: state forces abroad are external (8), but
    governments signing a deal at a foreign venue keep their own code."""
    if sub == "Agreement" and actor.name.startswith("Government of "):
        return actor.inter
    return actor_inter(actor, country)


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


def intercommunal(told: str) -> bool:
    """Whether the text tells violence between communities ("affrontements intercommunautaires")."""
    return bool(_INTERCOMMUNAL.search(told))


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


def sole_insurgency(actor: ActorMention | None, country: str, told: str) -> ActorMention | None:
    """Insurgents in a country with a single insurgency are that group ("insurgents" in
    Mozambique: Islamic State (Mozambique)); a side the event only implies takes the name when
    its sentences speak of insurgents."""
    if actor is None or actor.name != "Unidentified Armed Group" or country not in _SOLE_INSURGENCY:
        return actor
    if not _INSURGENT.search(actor.span.text or told):
        return actor
    return dataclasses.replace(actor, name=_SOLE_INSURGENCY[country], inter=2, generic=False)


def departed(actor: ActorMention | None, told: str) -> bool:
    """Whether a state or foreign force is the one that left a place another side took over."""
    return actor is not None and actor.inter in (1, 8) and bool(_DEPARTED.search(told))


def mediator(actor: ActorMention | None, told: str) -> bool:
    """An international organisation hosting or mediating a deal between two parties (the
    African Union in "AU-mediated talks"): associated with the agreement, not a side of it."""
    if actor is None or actor.inter != 8 or actor.name.startswith(_STATE_PREFIXES):
        return False
    return bool(PARTIES.search(told) or _MEDIATED.search(told))


def agreement_parties(
    sides: list[ActorMention], article_actors: list[ActorMention], country: str
) -> list[ActorMention]:
    """Complete the parties of a deal told as "the two sides agreed" from the article: its most
    named government and its most named armed group."""

    def most_named(pool: list[ActorMention]) -> ActorMention | None:
        counts: dict[str, int] = {}
        for a in pool:
            counts[a.name] = counts.get(a.name, 0) + 1
        return max(pool, key=lambda a: (counts[a.name], -article_actors.index(a))) if pool else None

    kinds = {"state" if a.inter in (1, 8) else "group" for a in sides}
    out = list(sides)
    governments = [a for a in article_actors if a.name.startswith("Government of ")]
    groups = [a for a in article_actors if not a.generic and a.inter in (2, 3, 4)]
    for kind, pool in (("state", governments), ("group", groups)):
        chosen = most_named(pool)
        if len(out) < 2 and kind not in kinds and chosen is not None:
            out.append(chosen)
    return out
