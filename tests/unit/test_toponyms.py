"""Toponyms: homonym ranking in the article's context (names here are made up or generic)."""

from __future__ import annotations

import pytest

from harmattan.gazetteer import InMemoryGazetteer
from harmattan.gazetteer.base import CountryInfo
from harmattan.pipeline.toponyms import build_context, match_toponyms, resolve_toponyms
from harmattan.records import GazEntry


def _e(gid: int, name: str, lat: float, lon: float, code: str, a1: str, a1_code: str) -> GazEntry:
    fclass = "A" if code.startswith(("ADM", "PCL")) else "P"
    return GazEntry(gid, name, lat, lon, fclass, code, "NE", "Niger", admin1=a1, admin1_code=a1_code)


NIGER = _e(1, "Niger", 17.0, 9.0, "PCLI", "", "")
# Three villages called Alpha: two in one region 80 km apart, one in another region.
ALPHA_WEST = _e(100, "Alpha", 13.3, 2.6, "PPL", "Tillaberi", "09")
ALPHA_EAST = _e(200, "Alpha", 14.0, 3.1, "PPL", "Tillaberi", "09")
ALPHA_SOUTH = _e(300, "Alpha", 13.0, 8.0, "PPL", "Zinder", "07")
BRAVO = _e(400, "Bravo", 13.5, 2.1, "PPL", "Tillaberi", "09")


def _resolve(text: str, entries: list[GazEntry]) -> dict[str, GazEntry | None]:
    info = CountryInfo("NE", "Niger", 562, "Western Africa", NIGER)
    gaz = InMemoryGazetteer([(e, []) for e in entries], countries=[info])
    toponyms = match_toponyms(text, gaz)
    return {t.span.text: e for t, e in resolve_toponyms(toponyms, build_context(toponyms))}


def test_toponyms_a_namesake_does_not_vouch_for_another_namesake() -> None:
    # Only Bravo, 55 km from the western Alpha, may pull the choice; the first choice of Alpha
    # must not make its eastern namesake (80 km away) look like a neighbour.
    text = "Gunmen attacked Alpha in Niger on Monday. Alpha lies some 60 km from Bravo."
    found = _resolve(text, [NIGER, ALPHA_EAST, ALPHA_WEST, BRAVO])
    assert found["Alpha"] == ALPHA_WEST


def test_toponyms_equal_namesakes_go_to_the_region_holding_most_of_them() -> None:
    text = "Gunmen attacked Alpha in Niger on Monday."
    found = _resolve(text, [NIGER, ALPHA_SOUTH, ALPHA_EAST, ALPHA_WEST])
    assert found["Alpha"] == ALPHA_WEST  # Tillaberi has two of the three; the lower geonameid first


def test_toponyms_equal_namesakes_pick_the_same_entry_in_any_order() -> None:
    text = "Gunmen attacked Alpha in Niger on Monday."
    one = _resolve(text, [NIGER, ALPHA_EAST, ALPHA_WEST])["Alpha"]
    other = _resolve(text, [NIGER, ALPHA_WEST, ALPHA_EAST])["Alpha"]
    assert one == other == ALPHA_WEST


BOUNGALO = _e(500, "Boungalo", 14.2, 1.5, "PPL", "Tillaberi", "09")
ZINDER = _e(600, "Zinder", 13.8, 8.99, "ADM1", "Zinder", "07")


def test_toponyms_a_spelling_variant_after_a_locative_cue_is_the_place() -> None:
    found = _resolve("Gunmen killed ten people in Bungalo, in Niger.", [NIGER, BOUNGALO])
    assert found["Bungalo"] == BOUNGALO


@pytest.mark.parametrize("text", ["Bungalo said the talks in Niger would resume.",  # no cue: a name, not a place
                                  "Gunmen killed ten people in Bungalo, in Niger's Zinder region."])  # another region
def test_toponyms_a_spelling_variant_needs_a_cue_and_the_article_s_region(text: str) -> None:
    assert _resolve(text, [NIGER, BOUNGALO, ZINDER]).get("Bungalo") is None


def test_toponyms_a_landmark_in_another_named_place_is_not_the_place() -> None:
    text = "A bomb went off at the Alpha fish market in Bravo, Niger."
    found = _resolve(text, [NIGER, ALPHA_WEST, BRAVO])
    assert "Alpha" not in found and found["Bravo"] == BRAVO


@pytest.mark.parametrize("text", [
    "Niger's interior minister Moussa Alpha spoke on Monday. Alpha added that the army would stay.",
    "The talks resumed in Niger on Monday, Alpha said.",
    "Selon le Niger, rien n'est réglé, Alpha a déclaré lundi.",
])
def test_toponyms_a_surname_or_a_speaker_is_no_place(text: str) -> None:
    assert "Alpha" not in _resolve(text, [NIGER, ALPHA_WEST])


def test_toponyms_a_surname_is_still_a_place_after_a_locative_cue() -> None:
    text = "Niger's interior minister Moussa Alpha spoke on Monday. Gunmen attacked Alpha overnight."
    assert _resolve(text, [NIGER, ALPHA_WEST])["Alpha"] == ALPHA_WEST


def test_toponyms_a_region_s_long_name_known_in_one_country_only_stays_open_to_the_context() -> None:
    other = GazEntry(700, "Zulu", 9.5, -5.5, "A", "ADM1", "CI", "Ivory Coast", admin1="Zulu", admin1_code="87")
    ours = _e(701, "Zulu", 10.9, 0.2, "ADM1", "Zulu", "26")
    info = CountryInfo("NE", "Niger", 562, "Western Africa", NIGER)
    gaz = InMemoryGazetteer([(other, ["Région des Zulu"]), (ours, [])], countries=[info])
    toponyms = match_toponyms("Des soldats ont été tués au Niger, dans la Région des Zulu.", gaz)
    found = {t.span.text: e for t, e in resolve_toponyms(toponyms, build_context(toponyms))}
    assert found["Région des Zulu"] == ours
