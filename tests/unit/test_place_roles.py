"""Place roles in a sentence (container, source, directional region), on sentences written for these tests."""

from __future__ import annotations

import pytest

from harmattan.pipeline.place_roles import (
    _is_container_gap,
    directional_regions,
    mark_containers,
    mark_landmarks,
    mark_offices,
    mark_road_ends,
    mark_sources,
)
from harmattan.records import GazEntry, PlaceMention, Span

_EST = GazEntry(1, "Est", 12.06, 0.36, "A", "ADM1", "BF", "Burkina Faso", admin1="Est", admin1_code="78")
_BF = GazEntry(2, "Burkina Faso", 12.5, -1.7, "A", "PCLI", "BF", "Burkina Faso")


def _mentions(text: str, *names: str) -> list[PlaceMention]:
    out = []
    for name in names:
        start = text.index(name)
        out.append(PlaceMention(Span(start, start + len(name), name), None, kind="place", cue="at"))
    return out


@pytest.mark.parametrize(
    ("gap", "container"),
    [(" village, Dankurmi district in ", True), (" Local Government Area of ", True), (", dans la région de ", True),
     (" displacement camp in ", True), (", the capital of ", True), (" and ", False), (" village of ", False),
     (" LGA, 11 people died in ", False), (". Then ", False), (", un village de la commune de ", True),
     (", dans la commune de ", True), (", a village in ", True), (" et le village de ", False),
     (" (commune de ", True), (" (", False)],
)
def test_place_roles_container_gap(gap: str, container: bool) -> None:
    assert _is_container_gap(gap) is container


def test_place_roles_marks_the_area_after_a_village_as_its_container() -> None:
    text = "Bandits killed seven people in Kadaga village in Maru LGA."
    cues = [m.cue for m in mark_containers(text, _mentions(text, "Kadaga", "Maru"))]
    assert cues == ["at", "within"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("Two doctors in Mekele told reporters that the market was hit.", "Mekele"),
     ("The toll rose to 12, the police spokesman stated on Tuesday in Jos.", "Jos"),
     ("Des habitants de Kaya ont raconté que les assaillants étaient nombreux.", "Kaya"),
     ("The last French troops left amid tensions with the junta in Bamako.", "Bamako"),
     ("Les soldats sont partis, sur fond de crise avec le pouvoir à Niamey.", "Niamey"),
     ("Relations with the government in power in Niamey soured.", "Niamey"),
     ("Publié le dimanche 12 janvier 2020 à 21h29 à Niamey (NER)", "Niamey"),
     ("Posted on 3 May 2021 in Kano", "Kano")],
)
def test_place_roles_marks_where_a_source_spoke(text: str, name: str) -> None:
    marked = mark_sources(text, [Span(0, len(text), text)], _mentions(text, name))
    assert marked[0].cue == "source"


@pytest.mark.parametrize(
    ("text", "cues"),
    [("Des manifestations ont eu lieu à Alpha, Beta, Gamma et Delta.", ["at", "at", "at", "at"]),
     ("Protests took place in Alpha, Beta and Gamma.", ["at", "at", "at"]),
     ("Gunmen attacked Alpha, Beta on Monday.", ["at", "within"])],  # two names: the second may hold the first
)
def test_place_roles_places_listed_are_not_containers(text: str, cues: list[str]) -> None:
    names = [w.strip(",.") for w in text.split() if w[:1].isupper() and w.strip(",.") not in ("Des", "Protests",
                                                                                              "Gunmen", "Monday")]
    assert [m.cue for m in mark_containers(text, _mentions(text, *names))] == cues


@pytest.mark.parametrize(
    ("text", "name"),
    [("Comme à Alpha, il y a eu des manifestations à Beta.", "Alpha"),
     ("As in Alpha, protesters marched in Beta on Friday.", "Alpha")],
)
def test_place_roles_place_named_for_comparison_is_no_scene(text: str, name: str) -> None:
    assert mark_sources(text, [Span(0, len(text), text)], _mentions(text, name, "Beta"))[0].cue == "source"
    assert mark_sources(text, [Span(0, len(text), text)], _mentions(text, name, "Beta"))[1].cue == "at"


def test_place_roles_event_place_after_said_that_is_not_a_source() -> None:
    text = "The army said that gunmen attacked Kaya on Monday."
    assert mark_sources(text, [Span(0, len(text), text)], _mentions(text, "Kaya"))[0].cue == "at"


def test_place_roles_report_published_on_a_killing_keeps_its_scene() -> None:
    text = "Les Nations unies ont publié leur rapport sur la tuerie survenue à Moura."
    assert mark_sources(text, [Span(0, len(text), text)], _mentions(text, "Moura"))[0].cue != "source"


@pytest.mark.parametrize(
    "text",
    ["Thousands marched against the government in Bamako on Friday.",
     "Des milliers de personnes ont manifesté contre le pouvoir à Niamey."],
)
def test_place_roles_protest_against_a_government_is_at_its_seat(text: str) -> None:
    name = "Bamako" if "Bamako" in text else "Niamey"
    assert mark_sources(text, [Span(0, len(text), text)], _mentions(text, name))[0].cue != "source"


def test_place_roles_directional_region_of_a_country() -> None:
    text = "Une attaque a visé un convoi dans l'est du Burkina Faso."
    start = text.index("Burkina")
    country = PlaceMention(Span(start, start + 12, "Burkina Faso"), _BF, precision=3, kind="country")
    found = directional_regions(text, [country], lambda cc, words: _EST if (cc, words.lower()) == ("BF", "est")
                                else None, "BF")
    assert [(m.span.text, m.entry, m.precision) for m in found] == [("est", _EST, 3)]


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [("Le maire de Kobi, commune qui administre ces hameaux, a donné le bilan.", "Kobi", "office"),
     ("Selon le préfet de la ville de Dori, le marché a brûlé.", "Dori", "office"),
     ("The governor of Kano State visited the wounded.", "Kano", "office"),
     ("The chairman of Maru Local Government Area said five died.", "Maru", "office"),
     ("Kobi, la commune qui administre le hameau, compte 9 morts.", "Kobi", "office"),
     ("Les assaillants ont attaqué la mairie de Kobi.", "Kobi", "at"),
     ("Gunmen attacked the governor's convoy in Kano.", "Kano", "at")],
)
def test_place_roles_marks_an_officials_jurisdiction(text: str, name: str, cue: str) -> None:
    assert mark_offices(text, _mentions(text, name))[0].cue == cue


@pytest.mark.parametrize(
    ("text", "cue"),
    [("Gunmen killed six people in Kobi, 60 km (40 miles) east of Dori, on Sunday.", "landmark"),
     ("Des heurts ont eu lieu à Kobi, à une centaine de kilomètres au nord de Dori.", "landmark"),
     ("Jets bombed Kobi town about 550 km (340 miles) west of Dori.", "landmark"),
     ("Gunmen killed six people in Kobi and an ambush 60 km east of Dori killed two.", "near")],
)
def test_place_roles_marks_a_landmark_that_locates_the_place_before(text: str, cue: str) -> None:
    mentions = _mentions(text, "Kobi", "Dori")
    mentions[1] = PlaceMention(mentions[1].span, None, kind="place", cue="near")
    assert [m.cue for m in mark_landmarks(text, mentions)] == ["at", cue]


@pytest.mark.parametrize(
    ("text", "cues"),
    [("Un convoi a été attaqué entre Kobi et Dori dimanche.", ["road", "at"]),
     ("A convoy was ambushed between the towns of Kobi and Dori.", ["road", "at"]),
     ("Des civils ont été tués à Kobi et à Dori.", ["at", "at"])],
)
def test_place_roles_marks_the_near_end_of_a_road(text: str, cues: list[str]) -> None:
    assert [m.cue for m in mark_road_ends(text, _mentions(text, "Kobi", "Dori"))] == cues


@pytest.mark.parametrize(
    "text",
    ["The envoy speaks during a news conference in Dori, Wednesday. (AP Photo/Jane Doe)",
     "FILE PHOTO: Soldiers patrol in Dori, March 3, 2019."],
)
def test_place_roles_a_photo_captions_place_is_no_scene(text: str) -> None:
    assert mark_sources(text, [Span(0, len(text), text)], _mentions(text, "Dori"))[0].cue == "source"


def test_place_roles_a_distance_from_a_region_named_place_is_a_landmark() -> None:
    text = "The camp lies near Kobi, which is in the Alpha region, about 380km (240 miles) west of Dori."
    mentions = _mentions(text, "Alpha", "Dori")
    mentions[0] = PlaceMention(mentions[0].span, None, kind="admin1", cue="at")
    mentions[1] = PlaceMention(mentions[1].span, None, kind="place", cue="near")
    assert [m.cue for m in mark_landmarks(text, mentions)] == ["at", "landmark"]
