"""One event's toll across its sentences: sides told apart (sentences written for these tests)."""

from __future__ import annotations

import pytest

from harmattan.pipeline.fatalities import fatalities_across_reports, find_fatalities, implied_deaths, is_vague
from harmattan.records import FatalityMention, Span


def _deaths(text: str, language: str) -> tuple[FatalityMention, ...]:
    """Stated counts and deaths told without a number, as an event's sentence reads them."""
    stated = find_fatalities(text, language)
    return tuple(sorted((*stated, *implied_deaths(text, stated, Span(0, len(text), text))), key=lambda f: f.span.start))


def _toll(language: str, *sentences: str) -> int:
    reports: list[tuple[FatalityMention, ...]] = [_deaths(s, language) for s in sentences]
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


@pytest.mark.parametrize(
    ("text", "language", "attackers"),
    [
        ("Gunmen stormed the house and killed his guards.", "en", False),
        ("Des militaires ont été tués ou capturés.", "fr", False),
        ("Les camions ont brûlé et des soldats tués.", "fr", False),
        ("Cette nuit, des rebelles ont tué des villageois à la machette.", "fr", False),
        ("Des terroristes ont été abattus lors de la riposte.", "fr", True),
    ],
)
def test_fatalities_plural_without_number_is_two(text: str, language: str, attackers: bool) -> None:
    assert find_fatalities(text, language) == ()  # no stated number: the sentence tells no toll
    (mention,) = _deaths(text, language)
    assert (mention.count, mention.attackers, is_vague(mention)) == (2, attackers, True)


def test_fatalities_plural_without_number_yields_to_a_stated_count() -> None:
    assert _toll("fr", "Des soldats ont été tués.", "Le bilan fait état de sept soldats tués.") == 7
    assert _toll("en", "The gunmen killed their hostages.") == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police said the bomber, who struck the busy market at noon, was dead.", "en"),
        ("The gunman was shot dead by a guard.", "en"),
        ("Le kamikaze a été tué sur le coup.", "fr"),
    ],
)
def test_fatalities_one_attacker_told_dead(text: str, language: str) -> None:
    (mention,) = _deaths(text, language)
    assert (mention.count, mention.attackers) == (1, True)


def test_fatalities_attacker_alive_is_no_death() -> None:
    assert _deaths("The attacker fled before the police arrived.", "en") == ()


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (("Le bilan s'élève désormais à une vingtaine de morts.", "Un premier bilan faisait état de trois morts."), 20),
        (("Un premier bilan faisait état de trois morts.",), 3),
        (("Officials now say 40 people died.", "An earlier toll said 12 people were killed."), 40),
    ],
)
def test_fatalities_reports_earlier_toll_is_superseded(sentences: tuple[str, ...], expected: int) -> None:
    assert _toll("fr", *sentences) == expected


@pytest.mark.parametrize(
    "later",
    ["Dans la soirée, 2 des 5 blessés ont succombé.", "Two of the wounded later died in hospital."],
)
def test_fatalities_reports_wounded_who_died_add(later: str) -> None:
    assert _toll("fr", "Le poste a été attaqué, faisant 1 mort et 5 blessés.", later) == 3


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("When the death of Marshal Okoro was announced, the army took power.", "en", 1),
        ("L'assassinat du président Mbeki a plongé le pays dans la crise.", "fr", 1),
        ("The junta took power after the death of President Okoro.", "en", 0),
        ("La junte a pris le pouvoir après la mort du président Mbeki.", "fr", 0),
        ("The death of civilians is never acceptable.", "en", 0),
    ],
)
def test_fatalities_one_person_named_dead(text: str, language: str, expected: int) -> None:
    assert _toll(language, text) == expected


def test_fatalities_named_death_yields_to_a_stated_count() -> None:
    assert _toll("en", "The killing of Chief Okoro sparked riots.", "Riots left 7 people dead.") == 7
