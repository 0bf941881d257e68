"""Final actor names and inter codes once the event's country is known.

``find_actors`` runs before places are resolved, so generic mentions ("gunmen", "Islamic
State") carry no country. Given the event's country, ``actor_name`` writes the gold guide's
form ("Unidentified Armed Group (Mali)", "Military Forces of Niger", "Islamic State (Sahel)")
and ``actor_inter`` turns a state force acting outside its own country into an external force
(inter 8: Kenyan troops in Somalia) and back (French police in France: inter 1).
"""

from __future__ import annotations

import dataclasses

from harmattan.records import ActorMention

SAHEL = {"Mali", "Burkina Faso", "Niger"}
LAKE_CHAD = {"Nigeria", "Chad", "Cameroon"}
UN_MISSIONS = {
    "Mali": "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
    "Democratic Republic of Congo": "MONUSCO: United Nations Organization Stabilization Mission in the "
    "Democratic Republic of Congo",
    "Central African Republic": "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the "
    "Central African Republic",
    "South Sudan": "UNMISS: United Nations Mission in South Sudan",
    "Somalia": "AMISOM: African Union Mission in Somalia",
}
STATE_PREFIXES = ("Military Forces of ", "Police Forces of ", "Government of ")
_OF_NAMES = {"Military Forces", "Police Forces", "Government", "Mutiny of Military Forces"}
_THE = {
    "United States",
    "Democratic Republic of Congo",
    "Republic of Congo",
    "United Kingdom",
    "Netherlands",
    "Czech Republic",
    "United Arab Emirates",
    "Central African Republic",
}


def _with_country(name: str, country: str) -> str:
    if not country:
        return name
    if name in _OF_NAMES:
        return f"{name} of {'the ' + country if country in _THE else country}"
    return f"{name} ({country})"


def actor_name(actor: ActorMention, country: str, *, event_type: str = "") -> str:
    """The actor's name for an event in ``country`` (generic names take that country).

    With the event's type, crowds follow it: protesters in a Riots event are Rioters and
    rioters in a Protests event are Protesters.
    """
    if actor.name == "Protesters" and event_type == "Riots":
        actor = dataclasses.replace(actor, name="Rioters", inter=5)
    elif actor.name == "Rioters" and event_type == "Protests":
        actor = dataclasses.replace(actor, name="Protesters", inter=6)
    if actor.name == "Islamic State" and country in SAHEL:
        return "Islamic State (Sahel)"
    if actor.name == "Islamic State" and country in LAKE_CHAD:
        return "ISWAP: Islamic State West Africa Province"
    if actor.name == "Islamic State" and country == "Democratic Republic of Congo":
        return "ADF: Allied Democratic Forces"
    if actor.name == "Al Shabaab" and country == "Mozambique":
        return "Islamic State (Mozambique)"
    if actor.name == "UN Peacekeepers" and country in UN_MISSIONS:
        return UN_MISSIONS[country]
    if actor.name == "Unidentified Rebel Group" and country == "Mali":
        return "Tuareg Rebels (Mali)"
    if not actor.generic:
        return actor.name
    return _with_country(actor.name, country)


def actor_inter(actor: ActorMention, country: str) -> int:
    """The inter code for an event in ``country``: state forces abroad are external (8)."""
    if not actor.name.startswith(STATE_PREFIXES) or not actor.country or not country:
        return actor.inter
    return 1 if actor.country == country else 8
