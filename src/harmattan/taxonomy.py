"""The public ACLED codebook's label set: event types, sub-event types, inter codes.

Owns the labels and the derived columns (disorder_type, interaction, civilian_targeting);
knows nothing of text.
"""

from __future__ import annotations

SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))

INTER_CODES: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

_DEMONSTRATION_VIOLENCE = {"Excessive force against protesters"}
_POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def event_type_of(sub_event_type: str) -> str:
    """The event type of a sub-event type; KeyError for an unknown label."""
    return SUB_EVENT_TYPES[sub_event_type]


def disorder_type(sub_event_type: str) -> str:
    """ACLED's disorder_type column for a sub-event type."""
    event_type = SUB_EVENT_TYPES[sub_event_type]
    if sub_event_type in _DEMONSTRATION_VIOLENCE:
        return "Political violence; Demonstrations"
    if event_type in _POLITICAL_VIOLENCE or sub_event_type == "Mob violence":
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments"


def interaction(inter1: int, inter2: int) -> int:
    """Two-digit interaction code, lower inter first; a sole actor gives ``X0``."""
    if not inter1 and not inter2:
        return 0
    if not inter1 or not inter2:
        return 10 * (inter1 or inter2)
    low, high = sorted((inter1, inter2))
    return 10 * low + high


def civilian_targeting(sub_event_type: str, inter1: int, inter2: int) -> str:
    """"Civilian targeting" when political violence is aimed at civilians, else ""."""
    event_type = SUB_EVENT_TYPES[sub_event_type]
    demonstration_violence = sub_event_type in ("Mob violence", "Excessive force against protesters")
    violent = event_type in _POLITICAL_VIOLENCE or demonstration_violence
    return "Civilian targeting" if violent and 7 in (inter1, inter2) else ""
