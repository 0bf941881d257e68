"""Site tolls: the counts of a sentence place by place, a toll shared among listed sites (sentences written here)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.fatalities import find_fatalities
from harmattan.pipeline.site_tolls import deaths_by_place, group_fatalities, share_toll_among_sites
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name between them the gazetteer did not find is a site too: 15 over three places
        ("Raiders killed 15 villagers in Alpha, Gamma Hills and Beta communities.", [[5], [5]]),
        ("Des assaillants ont tué 16 civils à Alpha, Gamma, Delta et Beta.", [[4], [4]]),
        ("Raiders killed 12 villagers in Alpha, where Gamma lives, and Beta.", [[12], []]),
    ],
)
def test_assemble_toll_is_divided_among_listed_names_not_found(text: str, expected: list[list[int]]) -> None:
    assert _by_place(text, "Alpha", "Beta") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aid workers put the toll at 57, with 32 civilians killed in Alpha and 25 in Beta.", [[32], [25]]),
        ("Le bilan est de 57 morts, dont 32 à Alpha et 25 à Beta.", [[32], [25]]),
        ("At least 10 people were killed: six in Alpha and four in Beta.", [[6], [4]]),
        # no sum: the count told before the list stays the first place's
        ("At least 12 people were killed: six in Alpha and four in Beta.", [[12], [4]]),
        ("Five people were killed in Alpha, including two children, and three in Beta.", [[5], [3]]),
    ],
)
def test_assemble_total_of_the_places_counts_is_no_place_own(text: str, expected: list[list[int]]) -> None:
    assert _by_place(text, "Alpha", "Beta") == expected


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


def _sites_story(second: str, *, first_toll: int = 100, site_toll: int = 0) -> tuple[list[int], list[int]]:
    """Counts of the events of a story: a toll told with no place ("Gunmen kill N in two villages"),
    then ``second`` naming two sites, Alpha and Beta, as separate events (its first draft, at Alpha,
    merged with the toll). Returns each event's count and what its later tolls add."""
    first = f"Gunmen kill {first_toll} in two villages."
    text = f"{first} {second}"
    s0, s1 = Span(0, len(first), first), Span(len(first) + 1, len(text), second)
    m0 = EventMention(s0, Span(7, 11, "kill"), "Violence against civilians", "Attack", 0.7)
    m1 = EventMention(s1, Span(s1.start, s1.start + 3, second[:3]), "Violence against civilians", "Attack", 0.7)

    def at(name: str) -> EventLocation:
        start = text.index(name, s1.start)
        return EventLocation(country="Niger", admin1="Tillaberi", location=name, geo_precision=1,
                             evidence=Span(start, start + len(name), name))

    toll = FatalityMention(Span(7, 11 + len(str(first_toll)), text[7 : 11 + len(str(first_toll))]), first_toll)
    own = (FatalityMention(Span(s1.start, s1.start + 3, "own"), site_toll),) if site_toll else ()
    d0 = Draft(m0, dt.date(2024, 3, 9), 1, None, EventLocation(country="Niger", location="Niger"), (), (toll,))
    alpha = Draft(m1, dt.date(2024, 3, 9), 1, None, at("Alpha"), (), ())
    beta = Draft(m1, dt.date(2024, 3, 9), 1, None, at("Beta"), (), own)
    groups = [[d0, alpha], [beta]]
    wheres = [alpha.location, beta.location]
    later: list[list[tuple[FatalityMention, ...]]] = [[], []]
    groups = share_toll_among_sites(text, groups, wheres, later)
    counts = [group_fatalities(g, w, later=t)[0] for g, w, t in zip(groups, wheres, later, strict=True)]
    return counts, [sum(m.count for t in told for m in t) for told in later]


@pytest.mark.parametrize(
    "second",
    [
        "The attacks on the villages of Alpha and Beta took place on Saturday.",
        "Les attaques ont visé les villages d'Alpha et Beta samedi.",
        "Des manifestations ont eu lieu à Alpha, la capitale, et à Beta.",
    ],
)
def test_assemble_placeless_toll_is_divided_among_listed_sites(second: str) -> None:
    assert _sites_story(second) == ([50, 50], [0, 50])


def test_assemble_placeless_toll_remainder_goes_to_the_first_site() -> None:
    assert _sites_story("The attacks on Alpha and Beta came at night.", first_toll=15)[0] == [8, 7]


@pytest.mark.parametrize(
    "second",
    [
        "The attack on Alpha, 60 km from Beta, came at night.",  # a landmark, not a second site
        "Gunmen attacked Alpha; the wounded were flown to Beta.",
    ],
)
def test_assemble_placeless_toll_stays_when_sites_are_not_listed_together(second: str) -> None:
    assert _sites_story(second)[0] == [100, 0]


def test_assemble_placeless_toll_stays_when_another_site_has_its_own_toll() -> None:
    assert _sites_story("The attacks on Alpha and Beta came at night.", site_toll=7)[0] == [100, 7]


def test_assemble_share_of_a_town_beats_a_toll_of_several_attacks() -> None:
    # "Raiders killed 15 in Alpha, Gamma and Beta" (5 at Alpha) ... "27 were killed in the attacks"
    share = dataclasses.replace(_told("Alpha", 5, 0), fatalities=(FatalityMention(Span(30, 32, "15"), 5, shared=True),))
    several = _placeless(_told("Alpha", 27, 100), "Villagers said 27 were killed in the attacks.")
    assert group_fatalities([share, several], share.location)[0] == 5
