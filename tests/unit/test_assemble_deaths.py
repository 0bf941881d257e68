"""Assembling records: which counts of a sentence go to which of its places (sentences written here)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from harmattan.pipeline.assemble import deaths_by_place, group_fatalities
from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.fatalities import find_fatalities
from harmattan.records import EventLocation, EventMention, FatalityMention, Span


def _by_place(text: str, *places: str) -> list[list[int]]:
    spans = [Span(text.index(p), text.index(p) + len(p), p) for p in places]
    deaths = find_fatalities(text, "fr" if " à " in text else "en")
    return [[m.count for m in near] for near in deaths_by_place(text, deaths, spans, Span(0, len(text), text))]


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("Seven people were killed in Alpha, four in Beta.", ("Alpha", "Beta"), [[7], [4]]),
        ("A Alpha il y a eu 70 morts et à Beta 30 morts.", ("Alpha", "Beta"), [[70], [30]]),
        ("In Alpha 70 people died and in Beta 30 people died.", ("Alpha", "Beta"), [[70], [30]]),
    ],
)
def test_assemble_counts_go_to_their_own_place(text: str, places: tuple[str, ...], expected: list[list[int]]) -> None:
    assert _by_place(text, *places) == expected


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("Gunmen killed 100 people in attacks on Alpha and Beta.", ("Alpha", "Beta"), [[50], [50]]),
        ("Quinze tués jeudi à Alpha et Beta.", ("Alpha", "Beta"), [[8], [7]]),
        ("Raiders killed 15 villagers in Alpha, Beta and Gamma.", ("Alpha", "Beta", "Gamma"), [[5], [5], [5]]),
    ],
)
def test_assemble_one_toll_for_listed_places_is_divided(
    text: str, places: tuple[str, ...], expected: list[list[int]]
) -> None:
    assert _by_place(text, *places) == expected


def test_assemble_divided_toll_is_marked_shared() -> None:
    text = "Gunmen killed 100 people in attacks on Alpha and Beta."
    spans = [Span(text.index(p), text.index(p) + len(p), p) for p in ("Alpha", "Beta")]
    near = deaths_by_place(text, find_fatalities(text, "en"), spans, Span(0, len(text), text))
    assert all(m.shared for places in near for m in places)


def test_assemble_places_named_apart_do_not_share_a_toll() -> None:
    text = "Gunmen killed 10 people in Alpha, days after soldiers left their base in Beta."
    assert _by_place(text, "Alpha", "Beta") == [[10], []]


def _told(location: str, deaths: int, start: int) -> Draft:
    """A sentence at ``start`` naming ``location`` (a town, or the country itself) and a toll."""
    town = location != "Niger"
    where = EventLocation(
        country="Niger", admin1="Tillaberi" if town else "", location=location,
        geo_precision=1 if town else 3, evidence=Span(start + 5, start + 10, location),
    )
    return Draft(
        mention=EventMention(
            Span(start, start + 40, "x" * 40), Span(start, start + 5, "x"), "Violence against civilians", "Attack", 0.7
        ),
        date=dt.date(2024, 3, 9), time_precision=1, date_mention=None, location=where, actors=(),
        fatalities=(FatalityMention(Span(start + 30, start + 32, str(deaths)), deaths),),
    )


def test_assemble_town_toll_beats_a_toll_told_for_the_whole_country() -> None:
    # "100 killed in attacks in Niger" ... "In Alpha there were 70 dead": the record at Alpha gets 70
    group = [_told("Niger", 100, 0), _told("Alpha", 70, 100)]
    town = group[1].location
    assert group_fatalities(group, town)[0] == 70
    assert group_fatalities(group)[0] == 100  # without a town the first toll told stays


def test_assemble_first_town_toll_stays_first() -> None:
    group = [_told("Alpha", 22, 0), _told("Niger", 100, 100), _told("Alpha", 60, 200)]
    assert group_fatalities(group, group[0].location)[0] == 22


def _placeless(draft: Draft, sentence: str) -> Draft:
    """The draft told in ``sentence``, its place borrowed from context."""
    mention = dataclasses.replace(draft.mention, span=Span(0, len(sentence), sentence))
    return dataclasses.replace(draft, mention=mention, location=dataclasses.replace(draft.location, evidence=None))


def test_assemble_toll_of_several_attacks_yields_to_the_town_toll() -> None:
    # "These attacks left 96 dead." (no place of its own) ... "In Alpha, 17 were killed."
    several = _placeless(_told("Alpha", 96, 0), "These attacks left 96 dead.")
    town = _told("Alpha", 17, 100)
    assert group_fatalities([several, town], town.location)[0] == 17
    # one attack told without a place keeps its toll first ("Attack kills 100")
    one = _placeless(_told("Alpha", 96, 0), "An attack left 96 dead.")
    assert group_fatalities([one, town], town.location)[0] == 96


def test_assemble_later_toll_sentence_gives_the_event_its_toll() -> None:
    # "Gunmen attacked Alpha." ... "In Alpha the assessment found the loss of 79 lives."
    attack = dataclasses.replace(_told("Alpha", 0, 0), fatalities=())
    later = (FatalityMention(Span(130, 132, "79"), 79),)
    assert group_fatalities([attack], attack.location, later=[later])[0] == 79


def test_assemble_later_toll_sentence_comes_after_the_event_own_toll() -> None:
    attack = _told("Alpha", 12, 0)
    later = (FatalityMention(Span(130, 132, "30"), 30),)
    assert group_fatalities([attack], attack.location, later=[later])[0] == 12


def test_assemble_later_town_toll_beats_a_toll_of_several_attacks() -> None:
    # "100 killed in attacks on two villages." ... "In Alpha there were 70 deaths and in Beta 30."
    several = _placeless(_told("Alpha", 100, 0), "100 killed in attacks on two villages.")
    attack = dataclasses.replace(_told("Alpha", 0, 100), fatalities=())
    later = (FatalityMention(Span(230, 232, "70"), 70),)
    assert group_fatalities([several, attack], attack.location, later=[later])[0] == 70
