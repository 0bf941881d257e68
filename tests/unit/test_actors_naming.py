"""Final names and inter codes once the event's country is known."""

from __future__ import annotations

import pytest

from harmattan.actors.naming import actor_inter, actor_name
from harmattan.records import ActorMention, Span


def _actor(name: str, inter: int, *, country: str = "", generic: bool = False) -> ActorMention:
    return ActorMention(Span(0, 1, "x"), name, inter, country, generic)


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Unidentified Armed Group", "Mali", "Unidentified Armed Group (Mali)"),
        ("Military Forces", "Niger", "Military Forces of Niger"),
        ("Government", "United States", "Government of the United States"),
        ("Civilians", "", "Civilians"),
        ("Islamic State", "Burkina Faso", "Islamic State (Sahel)"),
        ("Islamic State", "Somalia", "Islamic State (Somalia)"),
    ],
)
def test_naming_generic_actor_takes_event_country(name: str, country: str, expected: str) -> None:
    assert actor_name(_actor(name, 3, generic=True), country) == expected


def test_naming_specific_actor_keeps_its_name() -> None:
    assert actor_name(_actor("Military Forces of Mali", 1, country="Mali"), "Niger") == "Military Forces of Mali"


@pytest.mark.parametrize(
    ("name", "own", "inter", "event_country", "expected"),
    [
        ("Military Forces of Kenya", "Kenya", 1, "Somalia", 8),
        ("Military Forces of Kenya", "Kenya", 1, "Kenya", 1),
        ("Government of France", "France", 8, "France", 1),
        ("Wagner Group", "Russia", 8, "Mali", 8),
        ("Military Forces of Mali", "Mali", 1, "", 1),
    ],
)
def test_naming_state_forces_abroad_are_external(
    name: str, own: str, inter: int, event_country: str, expected: int
) -> None:
    assert actor_inter(_actor(name, inter, country=own), event_country) == expected
