"""Death counts read by the codebook (sentences written for these tests)."""

from __future__ import annotations

import pytest

from harmattan.pipeline.counts import parse_number
from harmattan.pipeline.fatalities import (
    fatalities_across_reports,
    fatalities_for_event,
    find_fatalities,
    recalls_past_event,
)
from harmattan.records import FatalityMention, Span


def _counts(text: str) -> list[int]:
    return [m.count for m in find_fatalities(text, "en")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked a camp, killing 14 soldiers.", [14]),
        ("Gunmen attacked a camp, killing at least 23 soldiers.", [23]),
        ("14 soldiers were killed in the ambush.", [14]),
        ("At least 30 dead after the market bombing.", [30]),
        ("The explosion left 12 people dead.", [12]),
        ("The death toll rose to 40 on Monday.", [40]),
        ("Fighting killed more than 1,200 people.", [1200]),
        ("Fighting killed 1 200 people.", [1200]),
        ("Fourteen villagers died in the fire set by the raiders.", [14]),
        ("Twenty-two civilians were massacred.", [22]),
        ("The militants beheaded three farmers.", [3]),
        ("Five hostages were executed.", [5]),
        ("A soldier was killed and two were wounded.", [1]),
        ("Gunmen killed six aid workers and two guides.", [8]),
        ("Two soldiers and three civilians were killed.", [5]),
        ("The strike killed 10 people, seven of them children.", [10]),
        ("Nine civilians, including four women, were killed.", [9]),
        ("Dozens of people were killed.", [12]),
        ("Tens of people were killed.", [10]),
        ("Hundreds of people were killed.", [100]),
        ("Several soldiers were killed.", [3]),
        ("A number of villagers were killed.", [3]),
        ("The bandits slaughtered scores of people.", [20]),
        ("Au moins 12 morts dans l'attaque.", [12]),
        ("Quatorze soldats ont été tués.", [14]),
        ("Vingt-deux civils ont perdu la vie.", [22]),
        ("Soixante-dix personnes ont été tuées.", [70]),
        ("Quatre-vingt-neuf soldats ont été tués.", [89]),
        ("L'attaque a fait 15 victimes.", [15]),
        ("L'attaque a fait une dizaine de morts.", [10]),
        ("Des dizaines de personnes ont été tuées.", [10]),
        ("L'attaque a fait une vingtaine de morts.", [20]),
        ("Le bilan s'élève à une trentaine de morts.", [30]),
        ("Une centaine de civils ont été tués.", [100]),
        ("Des centaines de personnes ont été tuées.", [100]),
        ("Plusieurs villageois ont été tués.", [3]),
        ("Trois d'entre eux ont été tués samedi.", [3]),
        ("Un soldat et cinq gardes ont été tués.", [6]),
        ("Les assaillants ont tué sept personnes.", [7]),
        ("The raid left at least a hundred deaths.", [100]),
        ("Some two dozen bodies were found after the raid.", [24]),
        ("Il y a quatre morts dans la cour de l'école.", [4]),
        ("The raid claimed up to 600 lives.", [600]),
        ("The ambush claimed the lives of “at least 11 soldiers”.", [11]),
    ],
)
def test_fatalities_reads_count(text: str, expected: list[int]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Twelve people were injured in the blast.",
        "Quarante personnes ont été blessées.",
        "Gunmen kidnapped 30 students.",
        "Des hommes armés ont enlevé 20 femmes.",
        "The fighters rode on about 14 vehicles.",
        "The attack destroyed 221 houses.",
        "He was kidnapped in October 2016 by men who later killed his guards.",
        "The strike may have killed a 43-year-old aid worker.",
        "Seven people were declared missing.",
    ],
)
def test_fatalities_ignores_non_deaths(text: str) -> None:
    assert all(m.count not in (12, 40, 30, 20, 14, 221, 2016, 43, 7) for m in find_fatalities(text, "en"))


@pytest.mark.parametrize(
    "text",
    [
        "The army said 20 terrorists were neutralised.",
        "20 terroristes ont été neutralisés par l'armée.",
        "Soldiers killed 15 militants in the clash.",
    ],
)
def test_fatalities_marks_attackers(text: str) -> None:
    (mention,) = find_fatalities(text, "en")
    assert mention.attackers


def test_fatalities_wounded_after_dead_is_not_counted() -> None:
    assert _counts("L'attaque a fait au moins 37 morts et 60 blessés.") == [37]


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("fourteen", 14), ("twenty-two", 22), ("one hundred and twenty", 120), ("quatorze", 14),
        ("vingt-deux", 22), ("soixante-dix", 70), ("quatre-vingt-neuf", 89), ("deux cents", 200),
        ("vingt et un", 21), ("1,200", 1200), ("une centaine", 100), ("dozens", 12),
    ],
)  # fmt: skip
def test_fatalities_parses_number(token: str, value: int) -> None:
    assert parse_number(token) == value


def test_fatalities_event_sums_distinct_sides() -> None:
    mentions = find_fatalities("Gunmen attacked the base, killing 10 soldiers; 20 attackers were also killed.", "en")
    count, low, high, _ = fatalities_for_event(mentions)
    assert (count, low, high) == (30, 30, 30)


def test_fatalities_event_keeps_most_conservative_of_conflicting_reports() -> None:
    mentions = find_fatalities("At least 30 people were killed. Local sources said 50 people died.", "en")
    count, low, high, evidence = fatalities_for_event(mentions)
    assert (count, low, high) == (30, 30, 50)
    assert evidence is not None and evidence.count == 30


def test_fatalities_event_adds_counts_marked_additional() -> None:
    mentions = find_fatalities("The bandits killed 4 people in one village and killed another 6 people nearby.", "en")
    assert fatalities_for_event(mentions)[0] == 10


def test_fatalities_event_prefers_total_over_partial_sides() -> None:
    mentions = find_fatalities("The death toll rose to 57, with 32 civilians killed in the camp.", "en")
    assert fatalities_for_event(mentions)[0] == 57


def test_fatalities_event_without_mentions_is_zero() -> None:
    assert fatalities_for_event([]) == (0, 0, 0, None)


def test_fatalities_event_side_conflict_uses_minimum() -> None:
    a = FatalityMention(Span(0, 10, "14 soldiers"), 14)
    b = FatalityMention(Span(20, 30, "16 soldiers"), 16)
    assert fatalities_for_event([a, b])[:3] == (14, 14, 16)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Islamic militants killed a minimum of 54 troopers near the border.", 54),
        ("4 French tourists, 2 guides killed by gunmen at a wildlife park", 6),
    ],
)
def test_fatalities_minimum_and_comma_lists(text: str, count: int) -> None:
    assert [m.count for m in find_fatalities(text, "en")] == [count]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seven of the eight people killed in the park were aid workers.", [8]),
        ("Sept des huit personnes tuées étaient des humanitaires.", [8]),
        ("The strike killed 22 people, 19 of whom died on the spot.", [22]),
        ("Three of the dead were soldiers.", []),
        ("Nine were abducted on Monday. Three of them were later killed.", [3]),
    ],
)
def test_fatalities_part_of_a_toll_is_not_a_toll(text: str, expected: list[int]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gunmen killed six aid workers, their driver and guide near the park.", 8),
        ("Six aid workers, their driver and their guide were killed.", 8),
        ("The blast killed four rangers, one soldier and a French trainer.", 6),
    ],
)
def test_fatalities_victim_list_counts_each_person(text: str, count: int) -> None:
    assert _counts(text) == [count]


def _reports(*sentences: str) -> list[tuple[FatalityMention, ...]]:
    return [find_fatalities(s, "en") for s in sentences]


def test_fatalities_across_reports_keeps_first_toll_told() -> None:
    reports = _reports("Gunmen killed 10 villagers.", "", "Officials said nine people had been killed.")
    assert fatalities_across_reports(reports)[:3] == (10, 9, 10)


def test_fatalities_across_reports_prefers_number_to_vague_word() -> None:
    reports = _reports("Air raid kills dozens in the market.", "The strike killed at least 80 people.")
    count, _, _, evidence = fatalities_across_reports(reports)
    assert count == 80
    assert evidence is not None and evidence.count == 80


def test_fatalities_across_reports_adds_later_deaths_told_as_more() -> None:
    reports = _reports("Douze militaires ont péri dans l'attaque.", "Un assaillant a également été tué.")
    assert fatalities_across_reports(reports)[0] == 13


def test_fatalities_across_reports_without_counts_is_zero() -> None:
    assert fatalities_across_reports([(), ()]) == (0, 0, 0, None)


def test_fatalities_french_a_is_a_verb_not_one() -> None:
    assert [m.count for m in find_fatalities("Une attaque qui a causé la mort de douze soldats.", "fr")] == [12]


@pytest.mark.parametrize(
    ("before", "past"),
    [
        ("Residents marked the first anniversary of the truck bombing that ", True),
        ("Ce nouvel incident survient quatre ans après l'attaque qui avait ", True),
        ("Gunmen stormed the village on Sunday, ", False),
    ],
)
def test_fatalities_recalled_past_event(before: str, past: bool) -> None:
    assert recalls_past_event(before) is past


def test_fatalities_across_reports_prefers_own_toll_to_shared_one() -> None:
    shared = FatalityMention(Span(0, 10, "100 killed"), 50, shared=True)
    own = FatalityMention(Span(50, 60, "70 killed"), 70)
    assert fatalities_across_reports([(shared,), (own,)])[0] == 70


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the end, somewhere between 170 and 200 people died.", [170]),
        ("Les bilans parlent de 50 à 150 morts.", [50]),
        ("Gunmen killed 10 to 15 people in the raid.", [10]),
        ("Le bilan a été revu à la hausse, passant de 13 à 46 morts.", [46]),
        ("The death toll rose from 13 to 46 people.", [46]),
        ("Gunmen killed 7 and wounded 20 people.", [7]),
    ],
)
def test_fatalities_ranges_and_revised_tolls(text: str, expected: list[int]) -> None:
    assert [m.count for m in find_fatalities(text, "fr" if "bilan" in text else "en")] == expected


def test_fatalities_across_reports_keeps_smaller_report_of_same_victims() -> None:
    reports = _reports("The strike killed ten people.", "Residents said nine people had been killed.")
    assert fatalities_across_reports(reports)[0] == 9


@pytest.mark.parametrize(
    "later",
    [
        "Two private soldiers were killed in the first minutes.",  # a part, with other words
        "Two soldiers were killed at the gate.",  # under a third of the toll
    ],
)
def test_fatalities_across_reports_part_of_toll_does_not_replace_it(later: str) -> None:
    reports = _reports("Insurgents stormed the base, killing seven soldiers.", later)
    assert fatalities_across_reports(reports)[0] == 7


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Over 85 killed as an army drone struck a crowd.", "en", [85]),
        ("Twelve members of the village militia had died by dawn.", "en", [12]),
        ("Six residents of the hamlet and its farms were executed by the soldiers.", "en", [6]),
        ("Cinquante habitants du village et des hameaux voisins ont été exécutés.", "fr", [50]),
        ("L'armée affirme que ces 8 présumés jihadistes ont été abattus.", "fr", [8]),
        ("Le syndicat déplore la mort par balles de deux jeunes du quartier.", "fr", [2]),
        ("L'attaque a causé la mort d'une quinzaine de soldats.", "fr", [15]),
        ("Le camp a enregistré quelques pertes en vies humaines.", "fr", [3]),
        ("On déplore trois (03) morts et douze (12) blessés.", "fr", [3]),
        ("Le bilan s'élève à une « vingtaine » de morts.", "fr", [20]),
        ("A farmer from the next village said that four people had been killed.", "en", [4]),
        ("Eleven villagers, including the four children, were killed.", "en", [11]),
        ("Gunmen kill 40 in two villages of the north.", "en", [40]),
        ("Several pupils and guards have been confirmed dead.", "en", [3]),
        ("Twelve soldiers and civilians were killed in the raid.", "en", [12]),
        ("The strike killed 9 civilians and 2 “fighters” at the market.", "en", [11]),
        ("L'armée a tué 6 civils et 4 « terroristes » selon l'enquête.", "fr", [10]),
    ],
)
def test_fatalities_reads_count_told_with_more_words(text: str, language: str, expected: list[int]) -> None:
    assert [m.count for m in find_fatalities(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The gunmen torched homes, leaving at least 19 people injured.", "en"),
        ("The blast left 25 people wounded.", "en"),
        ("L'explosion a fait 14 blessés parmi les passants.", "fr"),
        ("Selon le maire, au moins 40\" le nombre de civils tués reste inconnu.", "fr"),
    ],
)
def test_fatalities_people_hurt_are_not_deaths(text: str, language: str) -> None:
    assert find_fatalities(text, language) == ()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Il a démenti de « fausses informations » selon lesquelles l'armée aurait tué des dizaines de civils.", "fr"),
        ("The army dismissed rumours that 30 soldiers had been killed at the base.", "en"),
    ],
)
def test_fatalities_count_told_as_rumour_is_no_toll(text: str, language: str) -> None:
    assert find_fatalities(text, language) == ()


def test_fatalities_rumour_in_an_earlier_sentence_does_not_hide_a_toll() -> None:
    assert _counts("Rumours spread through the town. Then 12 people were killed.") == [12]
