"""Which actor mention is side 1 (the initiator) and which side 2, for one event sentence.

A heuristic helper for the events step, not a stage: it only orders mentions that
``find_actors`` found in the sentence. Rules, in order:

- redundancy: a generic word is dropped when a named actor of the same kind is present
  ("jihadists" next to "JNIM", "soldiers" next to "FAMa");
- cues: an actor after "by"/"par" is the initiator ("killed by gunmen", "tués par des
  hommes armés"); an actor followed by a passive death/injury verb is the target
  ("16 soldiers were killed");
- event type: protests and riots start with the crowd; violence against civilians ends with
  the civilians; battles need two armed sides; governments come last unless the event is a
  strategic development.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from harmattan.actors.matcher import fold
from harmattan.records import ActorMention

_BY = re.compile(
    r"(?:\bby|\bpar|\bde la part|\bclaimed by|\brevendiquee? par)\s+(?:the |des |les |le |la |l'|un |une |d'|de )*$"
)
_VICTIM = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,2}?(?:were|was|have been|had been|ont ete|a ete|sont|est|died|dead|killed|wounded|injured|"
    r"tues|tuee?s?|blesses|morts|perished|lost their lives|abducted|kidnapped|enleves|enlevees)\b"
)
_CROWD = (5, 6)
_STATE_GENERIC = {"Military Forces", "Police Forces"}
_NONSTATE_GENERIC = {"Unidentified Armed Group", "Unidentified Rebel Group", "Unidentified Communal Militia"}


def _kind(actor: ActorMention) -> str:
    if actor.inter in _CROWD:
        return "crowd"
    if actor.inter == 7:
        return "civilians"
    if actor.name == "Government" or actor.name.startswith("Government of"):
        return "government"
    return "armed"


def _redundant(actor: ActorMention, others: Sequence[ActorMention], victims: Sequence[ActorMention] = ()) -> bool:
    if not actor.generic:
        return False
    # a named group told as the victims ("a Koglweogo member was killed by gunmen") names no gunmen
    named = [o for o in others if (not o.generic or o.name in ("Islamic State", "Tuareg Rebels")) and o not in victims]
    if actor.name in _NONSTATE_GENERIC:
        return any(o.inter in (2, 3, 4) for o in named)
    if actor.name in _STATE_GENERIC:
        prefix = actor.name + " of "
        return any(o.name.startswith(prefix) for o in named)
    if actor.name == "Government":
        return any(o.name.startswith("Government of ") for o in named)
    return False


def _distinct(mentions: Sequence[ActorMention], victims: Sequence[ActorMention] = ()) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.name and m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return [m for m in out if not _redundant(m, out, victims)]


def choose_sides(
    mentions: Sequence[ActorMention], text: str, *, event_type: str = ""
) -> tuple[ActorMention | None, ActorMention | None]:
    """(side 1, side 2) among the mentions of one sentence; ``text`` is what their spans index."""
    folded = fold(text).lower()
    ordered = sorted(mentions, key=lambda m: m.span.start)
    victims = [a for a in ordered if _VICTIM.match(folded[a.span.end : a.span.end + 40])]
    actors = _distinct(ordered, victims)
    if not actors:
        return None, None
    initiators = [a for a in actors if _BY.search(folded[max(0, a.span.start - 30) : a.span.start])]

    def first(kinds: tuple[str, ...], *, exclude: ActorMention | None = None) -> ActorMention | None:
        pool = [a for a in actors if _kind(a) in kinds and a is not exclude]
        if exclude is None:  # side 1: initiators, then anyone not described as a victim
            preferred = [a for a in initiators if a in pool] + [a for a in pool if a not in victims] + pool
        else:  # side 2: victims, then anyone not described as an initiator
            preferred = [a for a in victims if a in pool] + [a for a in pool if a not in initiators] + pool
        return preferred[0] if preferred else None

    if event_type in ("Protests", "Riots"):
        side1 = first(("crowd",)) or first(("civilians",))
        side2 = first(("armed",), exclude=side1) or first(("civilians", "government"), exclude=side1)
        return side1, side2
    if event_type == "Strategic developments":
        side1 = first(("armed", "government", "crowd"))
        side2 = first(("armed", "government", "crowd", "civilians"), exclude=side1)
        return side1, side2
    side1 = first(("armed",)) or first(("crowd", "government"))
    if event_type == "Violence against civilians":
        side2 = first(("civilians",), exclude=side1) or first(("crowd",), exclude=side1)
    elif event_type == "Battles":
        side2 = first(("armed",), exclude=side1)
    else:
        side2 = first(("armed", "civilians", "crowd"), exclude=side1)
    if side2 is None:
        side2 = first(("armed", "civilians", "crowd"), exclude=side1)
    return side1, side2
