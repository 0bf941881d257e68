"""Decisions the assemble stage takes on drafts: event types once the sides are known, the location of
a merged event."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from harmattan.pipeline.assemble import (
    crowd_story_deaths,
    distinct_sites,
    group_location,
    record_from_group,
)
from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.sides import attack_on_armed_side
from harmattan.records import ActorMention, Article, Document, EventLocation, EventMention, FatalityMention, Span
from harmattan.taxonomy import event_type_of


def actor(name: str, inter: int) -> ActorMention:
    return ActorMention(Span(0, len(name), name), name, inter)


@pytest.mark.parametrize(
    ("sub", "side1", "side2", "battle"),
    [
        ("Attack", actor("rebels", 2), actor("soldiers", 1), True),
        ("Attack", actor("gunmen", 3), actor("peacekeepers", 8), True),
        ("Attack", actor("gunmen", 3), actor("villagers", 7), False),
        ("Attack", actor("soldiers", 1), actor("villagers", 7), False),
        ("Attack", actor("rebels", 2), None, False),
        ("Abduction/forced disappearance", actor("rebels", 2), actor("soldiers", 1), False),
    ],
)
def test_assemble_attack_on_armed_side_is_a_battle(
    sub: str, side1: ActorMention, side2: ActorMention | None, battle: bool
) -> None:
    assert attack_on_armed_side(sub, side1, side2) is battle


def _crowd_story(second: str, *, actors: tuple[ActorMention, ...] = ()) -> list[str]:
    """Types of the drafts of a two-sentence story: a riot, then ``second`` (typed as an attack)."""
    first = "Rioters burned tyres and threw stones in the capital on Friday."
    text = f"{first} {second}"
    spans = [Span(0, len(first), first), Span(len(first) + 1, len(text), second)]
    mentions = (
        EventMention(spans[0], Span(8, 14, "burned"), "Riots", "Violent demonstration", 0.7),
        EventMention(spans[1], Span(spans[1].start, spans[1].start + 3, second[:3]), "Violence against civilians",
                     "Attack", 0.7),
    )
    doc = Document(Article("a1", text, dt.date(2024, 3, 9)), sentences=tuple(spans), actors=actors,
                   event_mentions=mentions)
    where = EventLocation(country="Senegal")
    drafts = [Draft(m, dt.date(2024, 3, 8), 1, None, where, (), ()) for m in mentions]
    return [d.mention.sub_event_type for d in crowd_story_deaths(doc, drafts)]


def test_assemble_unattributed_deaths_in_a_riot_story_are_the_riot() -> None:
    assert _crowd_story("Sixteen people were killed, officials said.") == ["Violent demonstration"] * 2


def test_assemble_deaths_with_a_perpetrator_keep_their_type() -> None:
    assert _crowd_story("Gunmen killed sixteen people in a village.") == ["Violent demonstration", "Attack"]
    rebels = (ActorMention(Span(0, 6, "Rebels"), "Unidentified Rebel Group", 2),)
    assert _crowd_story("Sixteen people were killed.", actors=rebels) == ["Violent demonstration", "Attack"]


def _sites(sentence: str, names: list[str]) -> list[str]:
    wheres = []
    for name in names:
        start = sentence.index(name)
        wheres.append(EventLocation(country="Mali", location=name, geo_precision=1,
                                    evidence=Span(start, start + len(name), name)))
    return [w.location for w in distinct_sites(sentence, wheres)]


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        ("The convoy was attacked on the road between Kati and Kolokani.", ["Kati", "Kolokani"], ["Kolokani"]),
        ("Le convoi a été attaqué entre Kati et Kolokani.", ["Kati", "Kolokani"], ["Kolokani"]),
        ("Le poste de Sikolo (Kafolo) a été attaqué.", ["Sikolo", "Kafolo"], ["Sikolo"]),
        ("Gunmen attacked Boni in the Mopti region on Sunday.", ["Boni", "Mopti"], ["Boni"]),
        ("Des hommes armés ont attaqué Boni, dans la région de Mopti.", ["Boni", "Mopti"], ["Boni"]),
        ("Seven were killed in Sakkida and four in Gyadde.", ["Sakkida", "Gyadde"], ["Sakkida", "Gyadde"]),
    ],
)
def test_assemble_distinct_sites_of_a_sentence(sentence: str, names: list[str], expected: list[str]) -> None:
    assert _sites(sentence, names) == expected


def _placed(start: int, location: str, precision: int, *, own: bool = True) -> Draft:
    sentence = Span(start, start + 60, "x" * 60)
    named = Span(start + 5, start + 10, location) if own else Span(start + 500, start + 505, location)
    where = EventLocation(country="Ethiopia", admin1="Tigray", location=location, geo_precision=precision,
                          evidence=named)
    mention = EventMention(sentence, Span(start, start + 5, "x"), event_type_of("Attack"), "Attack", 0.7, False)
    return Draft(mention=mention, date=dt.date(2021, 6, 22), time_precision=1, date_mention=None, location=where,
                 actors=(), fatalities=())


def test_assemble_village_named_by_most_sentences_beats_a_town_named_once() -> None:
    group = [_placed(0, "Tigray", 3), _placed(100, "Togoga", 2), _placed(200, "Togoga", 2), _placed(300, "Mekele", 1)]
    assert group_location(group).location == "Togoga"


def test_assemble_first_told_town_wins_a_tie() -> None:
    group = [_placed(0, "Lisham", 2), _placed(100, "Bokkos", 1)]
    assert group_location(group).location == "Lisham"


def test_assemble_own_place_beats_a_borrowed_one_and_a_town_beats_a_region() -> None:
    group = [_placed(0, "Gao", 1, own=False), _placed(100, "Tigray", 3), _placed(200, "Mekele", 1)]
    assert group_location(group).location == "Mekele"


def _national(start: int, country: str = "Ethiopia") -> Draft:
    """A draft whose own sentence names only the country ("killed in central Ethiopia")."""
    d = _placed(start, country, 3)
    where = EventLocation(country=country, location=country, geo_precision=3, evidence=d.location.evidence)
    return Draft(d.mention, d.date, d.time_precision, None, where, (), ())


def test_assemble_borrowed_village_beats_a_country_named_in_the_own_sentence() -> None:
    group = [_national(0), _placed(100, "Togoga", 2, own=False)]
    assert group_location(group).location == "Togoga"


def test_assemble_village_of_another_event_or_country_does_not_beat_the_country() -> None:
    group = [_national(0), _placed(100, "Togoga", 2, own=False)]
    other = Span(600, 700, "x" * 100)  # the sentence naming Togoga tells another event
    assert group_location(group, other_events=[other]).location == "Ethiopia"
    assert group_location([_national(0, "Chad"), _placed(100, "Togoga", 2, own=False)]).location == "Chad"


def test_assemble_borrowed_village_of_the_region_beats_the_region() -> None:
    assert group_location([_placed(0, "Tigray", 3), _placed(100, "Togoga", 2, own=False)]).location == "Togoga"
    d = _placed(100, "Bati", 2, own=False)
    elsewhere = Draft(d.mention, d.date, 1, None, dataclasses.replace(d.location, admin1="Amhara"), (), ())
    assert group_location([_placed(0, "Tigray", 3), elsewhere]).location == "Tigray"


def _unrest_story(text: str, *, actors: tuple[ActorMention, ...] = ()) -> str:
    """Type of the one draft of a story whose only event sentence is its last one (an attack)."""
    sentence = text.rsplit(". ", 1)[-1]
    span = Span(len(text) - len(sentence), len(text), sentence)
    mention = EventMention(span, Span(span.start, span.start + 3, sentence[:3]), "Violence against civilians",
                           "Attack", 0.7)
    doc = Document(Article("a2", text, dt.date(2024, 3, 9)), sentences=(span,), actors=actors,
                   event_mentions=(mention,))
    draft = Draft(mention, dt.date(2024, 3, 8), 1, None, EventLocation(country="Senegal"), actors, ())
    return crowd_story_deaths(doc, [draft])[0].mention.sub_event_type


def test_assemble_unattributed_deaths_in_told_unrest_are_a_riot() -> None:
    story = "Calm returned after the riots that followed the verdict. Sixteen people were killed."
    assert _unrest_story(story) == "Violent demonstration"
    wagner = (ActorMention(Span(0, 6, "Wagner"), "Wagner Group", 8),)
    assert _unrest_story(story, actors=wagner) == "Attack"
    assert _unrest_story("The harvest was poor this year. Sixteen people were killed.") == "Attack"


def _detention(text: str) -> str:
    """Sub-event type of a record from the last sentence of ``text``, a detention told without its agent."""
    sentence = text.rsplit(". ", 1)[-1]
    span = Span(len(text) - len(sentence), len(text), sentence)
    start = span.start + sentence.index("detained")
    mention = EventMention(span, Span(start, start + 8, "detained"), "Strategic developments", "Arrests", 0.65)
    doc = Document(Article("a3", text, dt.date(2024, 3, 9)), sentences=(span,), event_mentions=(mention,))
    draft = Draft(mention, dt.date(2023, 10, 15), 3, None, EventLocation(country="Niger"), (), ())
    return record_from_group(doc, [draft]).sub_event_type


def test_assemble_detention_in_a_hostage_story_is_an_abduction() -> None:
    assert _detention("The aid worker held hostage for years is free. He was detained in October 2023.") == (
        "Abduction/forced disappearance"
    )
    assert _detention("The mayor was questioned about the funds. He was detained in October 2023.") == "Arrests"


def test_assemble_event_told_only_as_attackers_killed_is_a_battle() -> None:
    text = "Three jihadists were shot dead on Saturday."
    span = Span(0, len(text), text)
    mention = EventMention(span, Span(25, 29, "shot"), "Violence against civilians", "Attack", 0.6)
    doc = Document(Article("a4", text, dt.date(2024, 3, 9)), sentences=(span,), event_mentions=(mention,))
    death = FatalityMention(Span(0, 15, "Three jihadists"), 3, attackers=True)
    draft = Draft(mention, dt.date(2024, 3, 9), 1, None, EventLocation(country="Mali"), (), (death,))
    assert record_from_group(doc, [draft]).sub_event_type == "Armed clash"


def test_assemble_a_place_named_in_passing_is_no_scene() -> None:
    destination = _placed(200, "Mekele", 1)  # "the survivors made it to Mekele"
    group = [_national(0), _placed(100, "Togoga", 2, own=False), destination]
    assert group_location(group).location == "Mekele"
    assert destination.location.evidence is not None
    assert group_location(group, passing={destination.location.evidence}).location == "Togoga"


def test_assemble_town_inside_the_named_district_beats_the_district() -> None:
    def in_district(d: Draft) -> Draft:
        return dataclasses.replace(d, location=dataclasses.replace(d.location, admin2="Alpha Province"))

    district = in_district(_placed(0, "Alpha Province", 2))
    town = in_district(_placed(100, "Bravo", 1))
    assert group_location([district, town]).location == "Bravo"
    elsewhere = _placed(100, "Charlie", 1)  # a town of another district does not displace it
    assert group_location([district, elsewhere]).location == "Alpha Province"
