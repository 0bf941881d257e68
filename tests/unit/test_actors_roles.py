"""Choosing side 1 and side 2 among one sentence's actor mentions (texts written for these tests)."""

from __future__ import annotations

import pytest

from harmattan.actors.roles import choose_sides
from harmattan.pipeline.actors import find_actors


def _sides(text: str, language: str, event_type: str) -> tuple[str, str]:
    one, two = choose_sides(find_actors(text, language), text, event_type=event_type)
    return (one.name if one else "", two.name if two else "")


@pytest.mark.parametrize(
    ("language", "text", "event_type", "expected"),
    [
        (
            "en",
            "Gunmen killed five villagers.",
            "Violence against civilians",
            ("Unidentified Armed Group", "Civilians"),
        ),
        (
            "en",
            "Five villagers were killed by gunmen.",
            "Violence against civilians",
            ("Unidentified Armed Group", "Civilians"),
        ),
        (
            "en",
            "Ten soldiers were killed when militants attacked.",
            "Battles",
            ("Unidentified Armed Group", "Military Forces"),
        ),
        (
            "fr",
            "Des soldats ont été tués par des jihadistes du JNIM.",
            "Battles",
            ("JNIM: Group for Support of Islam and Muslims", "Military Forces"),
        ),
        ("en", "Police fired tear gas at protesters.", "Protests", ("Protesters", "Police Forces")),
        (
            "en",
            "The government said gunmen killed 12 people.",
            "Violence against civilians",
            ("Unidentified Armed Group", "Civilians"),
        ),
    ],
)
def test_roles_choose_initiator_and_target(
    language: str, text: str, event_type: str, expected: tuple[str, str]
) -> None:
    assert _sides(text, language, event_type) == expected


def test_roles_named_group_makes_generic_word_redundant() -> None:
    text = "JNIM claimed the attack in which jihadists killed Malian soldiers."
    assert _sides(text, "en", "Battles") == ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali")


def test_roles_no_mentions_no_sides() -> None:
    assert choose_sides((), "Nothing here.", event_type="Battles") == (None, None)


def test_roles_named_group_told_as_victim_leaves_the_gunmen() -> None:
    text = "A Koglweogo member was killed by gunmen in the village."
    assert _sides(text, "en", "Violence against civilians")[0] == "Unidentified Armed Group"
