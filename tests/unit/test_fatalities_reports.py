"""One event's toll across its sentences: sides told apart (sentences written for these tests)."""

from __future__ import annotations

import pytest

from harmattan.pipeline.fatalities import fatalities_across_reports, find_fatalities
from harmattan.records import FatalityMention


def _toll(language: str, *sentences: str) -> int:
    reports: list[tuple[FatalityMention, ...]] = [find_fatalities(s, language) for s in sentences]
    return fatalities_across_reports(reports)[0]


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        # the forces' dead, then the attackers' own: every death of the event
        ("en", ("Twelve soldiers were killed in the raid on the base.", "The army said 20 militants were killed."), 32),
        ("fr", ("Trente soldats ont été tués dans l'attaque du poste.", "Côté ennemi : 41 morts."), 71),
        # a total may already hold the attackers
        ("fr", ("L'attaque a fait au moins une quinzaine de morts.", "Deux assaillants auraient été abattus."), 15),
        ("en", ("At least 25 people died in the assault.", "Four gunmen were shot dead."), 25),
        # civilians and militants are often the same dead told by two sides
        ("en", ("The air strike killed 19 civilians.", "The army said it killed 30 militants."), 19),
        # attackers told as more add to any toll
        ("en", ("At least 25 people died in the assault.", "Four gunmen were also killed."), 29),
    ],
)
def test_fatalities_reports_attackers_told_apart(language: str, sentences: tuple[str, ...], expected: int) -> None:
    assert _toll(language, *sentences) == expected


def test_fatalities_reports_smaller_count_of_other_side_does_not_replace_toll() -> None:
    sentences = ("Cinquante soldats ont été tués.", "Côté ami : 50 morts.", "Côté ennemi : 40 morts.")
    assert _toll("fr", *sentences) == 90


@pytest.mark.parametrize(
    ("text", "attackers"),
    [
        ("Côté ennemi : 77 morts, selon le communiqué.", True),
        ("Du côté des assaillants, 12 morts.", True),
        ("On the enemy side, 30 dead were counted.", True),
        ("Côté ami : 12 morts.", False),
    ],
)
def test_fatalities_enemy_side_marks_attackers(text: str, attackers: bool) -> None:
    (mention,) = find_fatalities(text, "fr")
    assert mention.attackers is attackers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le bilan fait état de 7 militaires et un policier blessés.", []),
        ("The toll stands at 12 soldiers, and 30 were wounded.", [12]),
        ("Le bilan est de 5 soldats tués et 10 blessés.", [5]),
    ],
)
def test_fatalities_toll_of_the_wounded_is_no_death_count(text: str, expected: list[int]) -> None:
    assert [m.count for m in find_fatalities(text, "fr")] == expected
