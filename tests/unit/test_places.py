"""Places stage rules, on sentences written for these tests and a tiny in-memory gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.gazetteer import InMemoryGazetteer
from harmattan.gazetteer.base import CountryInfo
from harmattan.pipeline.places import (
    PlacesStage,
    find_places,
    locate_event,
    places_in_sentence,
    recalled_development_scope,
    unresolved_places,
)
from harmattan.pipeline.segment import load_nlp, split_sentences
from harmattan.pipeline.toponyms import match_toponyms
from harmattan.records import Document, EventLocation, GazEntry, Span
from harmattan.testing import make_article


def _e(gid: int, name: str, lat: float, lon: float, code: str, cc: str, a1: str, *, pop: int = 0,
       a1_code: str = "") -> GazEntry:
    country = {"ML": "Mali", "NE": "Niger", "NG": "Nigeria", "BF": "Burkina Faso"}[cc]
    return GazEntry(gid, name, lat, lon, "A" if code.startswith(("ADM", "PCL")) else "P", code, cc, country,
                    admin1=a1, admin1_code=a1_code, population=pop)


MALI = _e(1, "Mali", 17.0, -4.0, "PCLI", "ML", "")
NIGER = _e(2, "Niger", 18.0, 9.0, "PCLI", "NE", "")
NIGERIA = _e(3, "Nigeria", 9.0, 7.5, "PCLI", "NG", "")
BURKINA = _e(4, "Burkina Faso", 12.5, -1.7, "PCLI", "BF", "")
BONI = _e(10, "Boni", 15.08, -2.22, "PPL", "ML", "Mopti", a1_code="04")
BONI_BF = _e(11, "Boni", 11.5, -3.4, "PPL", "BF", "Hauts-Bassins", a1_code="09")
MOPTI_TOWN = _e(12, "Mopti", 14.48, -4.18, "PPLA", "ML", "Mopti", pop=186_000, a1_code="04")
MOPTI = _e(13, "Mopti", 14.48, -4.18, "ADM1", "ML", "Mopti", a1_code="04")
TILLABERI = _e(14, "Tillaberi", 14.21, 1.45, "ADM1", "NE", "Tillaberi", a1_code="09")
MENAKA = _e(15, "Ménaka", 15.92, 2.40, "PPLA", "ML", "Menaka", pop=9_000, a1_code="12")
TIMBUKTU = _e(16, "Timbuktu", 16.77, -3.01, "PPLA", "ML", "Tombouctou", pop=84_000, a1_code="08")
NIGER_STATE = _e(17, "Niger", 9.6, 6.55, "ADM1", "NG", "Niger", a1_code="31")
SAY = _e(18, "Say", 13.10, 2.37, "PPLA2", "NE", "Tillaberi", pop=18_000, a1_code="09")
BAMAKO = _e(19, "Bamako", 12.65, -8.0, "PPLC", "ML", "Bamako", pop=1_300_000, a1_code="01")
NIAMEY = _e(20, "Niamey", 13.51, 2.11, "PPLC", "NE", "Niamey", pop=1_000_000, a1_code="08")
ZAMFARA = _e(21, "Zamfara", 12.17, 6.66, "ADM1", "NG", "Zamfara", a1_code="57")
YOBE = _e(22, "Yobe", 12.0, 11.5, "ADM1", "NG", "Yobe", a1_code="44")
MARU = _e(23, "Maru", 12.33, 6.40, "PPLA2", "NG", "Zamfara", pop=11_000, a1_code="57")
SABON_GARI_NG = _e(24, "Sabon Garin Nangere", 11.85, 11.07, "PPLA2", "NG", "Yobe", a1_code="44")
SABON_GARI_NE = _e(25, "Sabon Gari", 13.9, 2.0, "PPL", "NE", "Tillaberi", a1_code="09")
EST = _e(26, "Est", 12.06, 0.36, "ADM1", "BF", "Est", a1_code="78")
CENTRE_NORD = _e(27, "Centre-Nord", 13.09, -1.08, "ADM1", "BF", "Centre-Nord", a1_code="69")
BIDEN = _e(28, "Biden", 14.0, 1.0, "PPL", "NE", "Tillaberi", a1_code="09")
EL_FASHER = _e(29, "El Fasher", 16.0, 1.0, "PPLA", "ML", "Gao", pop=200_000, a1_code="07")


def _info(entry: GazEntry, iso: int, capital: GazEntry | None = None) -> CountryInfo:
    return CountryInfo(entry.country_code, entry.name, iso, "Western Africa", entry, capital)


@pytest.fixture(scope="module")
def gaz() -> InMemoryGazetteer:
    entries = [(BONI, []), (BONI_BF, []), (MOPTI_TOWN, []), (MOPTI, []), (TILLABERI, ["Tillabéri"]),
               (MENAKA, ["Menaka"]), (TIMBUKTU, ["Tombouctou"]), (NIGER_STATE, ["Niger State"]), (SAY, []),
               (BAMAKO, []), (NIAMEY, []), (ZAMFARA, ["Zamfara State"]), (YOBE, []), (MARU, []),
               (SABON_GARI_NG, ["Sabon Gari"]), (SABON_GARI_NE, []), (EST, []), (CENTRE_NORD, ["Centre Nord"]),
               (BIDEN, []), (EL_FASHER, ["El-Fasher"])]
    countries = [_info(MALI, 466, BAMAKO), _info(NIGER, 562, NIAMEY), _info(NIGERIA, 566), _info(BURKINA, 854)]
    return InMemoryGazetteer(entries, countries=countries)


def _doc(text: str, gaz: InMemoryGazetteer, *, language: str = "en", dateline: Span | None = None) -> Document:
    article = make_article(text, language=language)
    if dateline is not None:
        article = type(article)(**{**article.__dict__, "dateline": dateline})
    nlp_doc = load_nlp(language, use_models=False)(text)
    doc = Document(article=article, language=language, sentences=split_sentences(nlp_doc), nlp=nlp_doc)
    return PlacesStage(gaz)(doc)


def _where(text: str, gaz: InMemoryGazetteer, *, sentence: int = -1, language: str = "en"):  # type: ignore[no-untyped-def]
    doc = _doc(text, gaz, language=language)
    return locate_event(doc, doc.sentences[sentence], gazetteer=gaz)


@pytest.mark.parametrize(
    ("text", "location", "precision"),
    [
        ("Gunmen killed five villagers in Boni in central Mali on Sunday.", "Boni", 1),
        ("Gunmen killed five villagers near Boni in central Mali on Sunday.", "Boni", 2),
        ("Des hommes armés ont tué cinq civils à Boni, au Mali.", "Boni", 1),
        ("Des hommes armés ont tué cinq civils près de Boni, au Mali.", "Boni", 2),
    ],
)
def test_places_town_is_precision_1_and_near_a_town_is_2(text: str, location: str, precision: int,
                                                          gaz: InMemoryGazetteer) -> None:
    where = _where(text, gaz, language="fr" if " à " in text or "près" in text else "en")
    assert (where.country, where.admin1, where.location, where.geo_precision) == ("Mali", "Mopti", location,
                                                                                  precision)
    assert where.latitude == pytest.approx(15.08)


@pytest.mark.parametrize(
    ("text", "language"),
    [("Soldiers were ambushed in the Mopti region of Mali on Friday.", "en"),
     ("Des soldats ont été tués dans la région de Mopti, au Mali.", "fr")],
)
def test_places_region_phrase_gives_the_region_at_its_capital(text: str, language: str,
                                                              gaz: InMemoryGazetteer) -> None:
    where = _where(text, gaz, language=language)
    assert (where.admin1, where.location, where.geo_precision) == ("Mopti", "Mopti", 3)
    assert (where.latitude, where.longitude) == (14.48, -4.18)


def test_places_country_only_gives_country_at_precision_3(gaz: InMemoryGazetteer) -> None:
    where = _where("Jihadists attacked an army post in Mali on Monday.", gaz)
    assert (where.country, where.iso, where.location, where.geo_precision, where.admin1) == ("Mali", 466, "Mali",
                                                                                            3, "")


def test_places_niger_alone_is_the_country(gaz: InMemoryGazetteer) -> None:
    where = _where("Gunmen killed ten people in Niger on Monday.", gaz)
    assert (where.country, where.admin1) == ("Niger", "")


def test_places_niger_state_is_the_nigerian_state(gaz: InMemoryGazetteer) -> None:
    where = _where("Bandits abducted 20 pupils in Niger State, Nigeria, on Monday.", gaz)
    assert (where.country, where.admin1, where.geo_precision) == ("Nigeria", "Niger", 3)


def test_places_niger_river_is_not_a_place(gaz: InMemoryGazetteer) -> None:
    doc = _doc("Fishermen crossed the Niger River at dawn.", gaz)
    assert [m.span.text for m in doc.places] == []


@pytest.mark.parametrize("spelling", ["Tombouctou", "Timbuktu"])
def test_places_french_and_english_spellings_resolve_alike(spelling: str, gaz: InMemoryGazetteer) -> None:
    where = _where(f"Une attaque a visé le camp militaire de {spelling} mardi.", gaz, language="fr")
    assert (where.location, where.admin1) == ("Timbuktu", "Tombouctou")


def test_places_accents_are_optional(gaz: InMemoryGazetteer) -> None:
    assert _where("Rockets hit Menaka on Friday.", gaz).location == "Ménaka"


def test_places_context_country_picks_between_homonyms(gaz: InMemoryGazetteer) -> None:
    text = "Burkinabe troops pursued the attackers. The army said gunmen had attacked Boni on Friday."
    assert _where(text, gaz).country == "Burkina Faso"


@pytest.mark.parametrize(
    "text",
    ["Say what you will, the talks in Bamako failed.", "Boni Yayi met the delegation in Bamako on Monday."],
)
def test_places_common_words_and_person_names_are_not_places(text: str, gaz: InMemoryGazetteer) -> None:
    doc = _doc(text, gaz)
    assert [m.span.text for m in doc.places if m.entry is not None] == ["Bamako"]


def test_places_say_after_in_is_the_town(gaz: InMemoryGazetteer) -> None:
    where = _where("Nigerien soldiers were ambushed in Say on Tuesday.", gaz)
    assert (where.country, where.location) == ("Niger", "Say")


def test_places_demonym_sets_the_country_when_no_place_is_named(gaz: InMemoryGazetteer) -> None:
    where = _where("Malian soldiers were killed on Tuesday.", gaz)
    assert (where.country, where.geo_precision) == ("Mali", 3)


def test_places_borrows_the_place_of_the_previous_sentence(gaz: InMemoryGazetteer) -> None:
    text = "Fighting broke out in Boni in central Mali on Sunday. Twelve soldiers were killed, the army said."
    where = _where(text, gaz, sentence=1)
    assert (where.country, where.location) == ("Mali", "Boni")


def test_places_dateline_gives_the_country_but_not_the_place(gaz: InMemoryGazetteer) -> None:
    text = "NIAMEY (Reuters) - Gunmen killed twelve soldiers on Sunday, the defence ministry said."
    doc = _doc(text, gaz, dateline=Span(0, 6, "NIAMEY"))
    where = locate_event(doc, doc.sentences[0], gazetteer=gaz)
    assert (where.country, where.location, where.geo_precision) == ("Niger", "Niger", 3)
    assert [m.kind for m in doc.places] == ["dateline"]


def test_places_unknown_village_keeps_its_name_without_coordinates(gaz: InMemoryGazetteer) -> None:
    text = "Gunmen stormed the village of Zanfaraba in the Mopti region of Mali."
    doc = _doc(text, gaz)
    where = locate_event(doc, doc.sentences[0], gazetteer=gaz)
    assert (where.location, where.admin1, where.latitude, where.geo_precision) == ("Zanfaraba", "Mopti", None, 2)
    assert unresolved_places(doc) == ("Zanfaraba",)


def test_places_find_places_returns_spans_into_the_text(gaz: InMemoryGazetteer) -> None:
    doc = _doc("Clashes in Ménaka and Tillabéri.", gaz)
    text = doc.article.text
    assert all(text[m.span.start : m.span.end] == m.span.text for m in find_places(doc, gazetteer=gaz))


def test_places_village_before_its_lga_and_state_is_the_location(gaz: InMemoryGazetteer) -> None:
    text = ("Gunmen killed seven people in Kadaga village, Dunka district in Maru Local Government Area of "
            "Zamfara State, Nigeria.")
    where = _where(text, gaz)
    assert (where.country, where.admin1, where.location, where.latitude) == ("Nigeria", "Zamfara", "Kadaga", None)


def test_places_homonym_outside_the_named_state_is_kept_by_name(gaz: InMemoryGazetteer) -> None:
    text = ("Zamfara State police in Nigeria confirmed the raid. Bandits killed four people in Sabon Gari on "
            "Friday.")
    where = _where(text, gaz, sentence=1)
    assert (where.country, where.admin1, where.location, where.latitude) == ("Nigeria", "Zamfara", "Sabon Gari",
                                                                             None)


def test_places_longer_unknown_name_swallows_the_known_one_inside(gaz: InMemoryGazetteer) -> None:
    where = _where("Gunmen besieged Mopti Kanta village in central Mali on Friday.", gaz)
    assert (where.location, where.latitude) == ("Mopti Kanta", None)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [("Des hommes armés ont attaqué un convoi dans l'est du Burkina Faso mercredi.", "Est"),
     ("Six personnes ont été tuées à Kalsaka, dans la région du Centre nord, au Burkina Faso.", "Centre-Nord")],
)
def test_places_french_directional_region_is_the_admin1(text: str, admin1: str, gaz: InMemoryGazetteer) -> None:
    where = _where(text, gaz, language="fr")
    assert (where.country, where.admin1) == ("Burkina Faso", admin1)


def test_places_name_seen_twice_in_another_country_is_not_a_place(gaz: InMemoryGazetteer) -> None:
    text = "Biden aides said jihadists attacked Boni in Mali. Biden aides later said the toll rose."
    doc = _doc(text, gaz)
    assert [m.span.text for m in doc.places if m.entry is not None] == ["Boni", "Mali"]


@pytest.mark.parametrize(
    "text",
    ["Les manifestants ont bloqué l'avenue Niamey à Bamako.", "Police arrested Musa “Boni” Traoré in Bamako."],
)
def test_places_streets_and_nicknames_are_not_places(text: str, gaz: InMemoryGazetteer) -> None:
    doc = _doc(text, gaz, language="fr" if "avenue" in text else "en")
    assert [m.span.text for m in doc.places if m.entry is not None] == ["Bamako"]


def test_places_arabic_article_names_match_in_lower_case(gaz: InMemoryGazetteer) -> None:
    where = _where("The army repelled an attack in el-Fasher on Friday, in Mali.", gaz)
    assert where.location == "El Fasher"


def test_places_dateline_country_does_not_place_an_unknown_village(gaz: InMemoryGazetteer) -> None:
    text = "NIAMEY, Niger (AP) — Gunmen attacked the village of Zanfaraba in Mali's Mopti region."
    doc = _doc(text, gaz, dateline=Span(0, 6, "NIAMEY"))
    where = locate_event(doc, doc.sentences[0], gazetteer=gaz)
    assert (where.country, where.admin1, where.location) == ("Mali", "Mopti", "Zanfaraba")


@pytest.mark.parametrize(
    ("text", "locations"),
    [("Gunmen killed seven people in Kadaga and Gyalla villages of Zamfara State, Nigeria.", ["Kadaga", "Gyalla"]),
     ("Rockets hit Ménaka and Timbuktu in Mali on Friday.", ["Ménaka", "Timbuktu"]),
     ("Gunmen killed five villagers in Boni, in the Mopti region of Mali.", ["Boni"])],
)
def test_places_in_sentence_lists_each_event_place(text: str, locations: list[str], gaz: InMemoryGazetteer) -> None:
    doc = _doc(text, gaz)
    assert [w.location for w in places_in_sentence(doc, doc.sentences[0], gazetteer=gaz)] == locations


def test_places_the_mayors_commune_is_not_the_scene_of_a_toll_told_by_village(gaz: InMemoryGazetteer) -> None:
    text = ("« À Kolbanga il y a eu 40 morts et à Dourou 12 morts », a déclaré le maire de Say, commune qui "
            "administre les deux villages.")
    doc = _doc(text, gaz, language="fr")
    assert [w.location for w in places_in_sentence(doc, doc.sentences[0], gazetteer=gaz)] == ["Kolbanga", "Dourou"]
    assert locate_event(doc, doc.sentences[0], gazetteer=gaz).location == "Kolbanga"


@pytest.mark.parametrize(
    "text",
    ["Gunmen killed 40 people in two villages in western Niger, Kolbanga and Dourou, the mayor said.",
     "Des jihadistes ont attaqué dans les préfectures de Kolbanga et Dourou, au Niger.",
     "The attacks on the villages of Kolbanga and Dourou in Niger occurred on Saturday.",
     "Des hommes armés ont tué 40 personnes dans deux villages de l'ouest du Niger, Kolbanga et Dourou."],
)
def test_places_unknown_villages_named_as_a_list_are_each_a_place(text: str, gaz: InMemoryGazetteer) -> None:
    doc = _doc(text, gaz, language="fr" if text.startswith("Des ") else "en")
    assert [w.location for w in places_in_sentence(doc, doc.sentences[0], gazetteer=gaz)] == ["Kolbanga", "Dourou"]


def test_places_unknown_village_after_a_capitalised_in_is_a_place(gaz: InMemoryGazetteer) -> None:
    where = _where("In Kolbanga there were 40 deaths, Niger's army said.", gaz)
    assert (where.country, where.location) == ("Niger", "Kolbanga")


@pytest.mark.parametrize(
    "text",
    ["Au Mali, les assaillants se sont enfuis vers la commune de Boni.",
     "Au Mali, le convoi allait en direction de Boni.",
     "Au Mali, un camion en provenance de Boni a été brûlé.", "In Mali, the trucks were bound for Boni."],
)
def test_places_a_destination_or_an_origin_is_no_scene(text: str, gaz: InMemoryGazetteer) -> None:
    doc = _doc(text, gaz, language="en" if "bound" in text else "fr")
    assert [(m.span.text, m.cue) for m in doc.places if m.kind == "place"] == [("Boni", "origin")]


def test_places_a_country_the_convoy_came_from_is_not_the_events(gaz: InMemoryGazetteer) -> None:
    text = "Les jihadistes sévissent au Mali. Un convoi en provenance du Niger a été attaqué entre Boni et Mopti."
    where = _where(text, gaz, sentence=1, language="fr")
    assert (where.country, where.location) == ("Mali", "Mopti")


@pytest.mark.parametrize(
    ("text", "locations"),
    [("Le bilan dépasse celui de la double attaque de Kolbanga et Dourou, au Niger.", ["Kolbanga", "Dourou"]),
     ("L'attaque d'Inazagh, au Niger, a fait 20 morts.", ["Inazagh"])],
)
def test_places_the_place_of_an_attack_named_after_it_is_a_place(text: str, locations: list[str],
                                                                 gaz: InMemoryGazetteer) -> None:
    doc = _doc(text, gaz, language="fr")
    assert [w.location for w in places_in_sentence(doc, doc.sentences[0], gazetteer=gaz)] == locations


def test_places_an_attack_of_a_known_town_or_on_a_hashtag_is_at_it(gaz: InMemoryGazetteer) -> None:
    doc = _doc("Au Mali, l'attaque de Boni a été repoussée. Un camp a été visé à #Mopti, hier.", gaz, language="fr")
    assert [(m.span.text, m.cue) for m in doc.places if m.kind == "place"] == [("Boni", "at"), ("Mopti", "at")]


def test_places_a_landmark_of_the_village_is_neither_its_location_nor_a_second_scene(gaz: InMemoryGazetteer) -> None:
    doc = _doc("Gunmen killed six people in the village of Kolbanga, 40 km from Mopti, in Mali.", gaz)
    assert [w.location for w in places_in_sentence(doc, doc.sentences[0], gazetteer=gaz)] == ["Kolbanga"]


def test_places_a_road_between_two_towns_is_placed_at_its_far_end(gaz: InMemoryGazetteer) -> None:
    where = _where("Au Mali, un convoi a été attaqué entre Boni et Ménaka dimanche.", gaz, language="fr")
    assert (where.location, where.geo_precision) == ("Ménaka", 1)


def test_places_an_unknown_district_takes_the_admin1_of_its_region_not_of_its_landmark(gaz: InMemoryGazetteer
                                                                                       ) -> None:
    where = _where("Gunmen stormed a base in Kolbanga district, 80 km southwest of Niamey in the Tillaberi region.",
                   gaz)
    assert (where.country, where.admin1, where.location) == ("Niger", "Tillaberi", "Kolbanga")


def test_places_where_people_were_heading_yields_to_where_they_were(gaz: InMemoryGazetteer) -> None:
    text = ("Le convoi s'est arrêté hier soir à Say, au Niger. Ce matin, en reprenant sa route vers Niamey, "
            "il a été bloqué par des manifestants.")
    assert _where(text, gaz, sentence=1, language="fr").location == "Say"


@pytest.mark.parametrize(
    ("text", "name"),
    [("L'attaque visait le poste opérationnel avancé de Kolbanga, au Niger.", "Kolbanga"),
     ("Les soldats ont été attaqués sur le site de Dourou, au Niger.", "Dourou")],
)
def test_places_unknown_army_post_or_site_is_a_place(text: str, name: str, gaz: InMemoryGazetteer) -> None:
    assert _where(text, gaz, language="fr").location == name


def test_places_a_region_named_again_bare_is_the_region_not_its_town(gaz: InMemoryGazetteer) -> None:
    doc = _doc("Jihadists are active in the Mopti region of Mali. Mopti has become a hotspot. Gunmen attacked "
               "in Mopti on Friday.", gaz)
    assert [(m.span.text, m.kind) for m in doc.places if m.span.text == "Mopti"] == [
        ("Mopti", "admin1"), ("Mopti", "admin1"), ("Mopti", "place")]


def test_places_dateline_with_bars_gives_the_country_but_not_the_place(gaz: InMemoryGazetteer) -> None:
    text = "Bamako, Mali | AFP | Six civilians were killed in central Mali on Wednesday, officials said."
    where = _where(text, gaz, sentence=0)
    assert (where.country, where.location, where.geo_precision) == ("Mali", "Mali", 3)


def test_places_borrows_the_place_two_sentences_on(gaz: InMemoryGazetteer) -> None:
    text = ("Gunmen killed thirty civilians in Burkina Faso on Friday. Jihadists were blamed. "
            "The killings took place in Boni, in the west.")
    where = _where(text, gaz, sentence=0)
    assert (where.country, where.location, where.admin1) == ("Burkina Faso", "Boni", "Hauts-Bassins")


def test_places_region_is_narrowed_to_a_village_of_it_named_next(gaz: InMemoryGazetteer) -> None:
    text = ("An airstrike hit a market in the Mopti region of Mali on Tuesday. "
            "Witnesses said the bomb fell on the village of Zanfaraba.")
    where = _where(text, gaz, sentence=0)
    assert (where.admin1, where.location, where.geo_precision) == ("Mopti", "Zanfaraba", 2)


def test_places_region_is_not_narrowed_to_a_town_of_another_region(gaz: InMemoryGazetteer) -> None:
    text = "An airstrike hit a market in the Mopti region of Mali on Tuesday. The wounded were flown to Ménaka."
    where = _where(text, gaz, sentence=0)
    assert (where.admin1, where.location) == ("Mopti", "Mopti")


def test_places_two_sentences_on_only_a_place_of_the_articles_country_is_borrowed(gaz: InMemoryGazetteer) -> None:
    text = ("Burkina Faso mourns its dead. Burkinabe officials and Burkinabe troops spoke. Gunmen killed thirty "
            "villagers on Friday. Jihadists were blamed. A similar raid hit Ménaka in Mali last year.")
    where = _where(text, gaz, sentence=2)
    assert (where.country, where.geo_precision) == ("Burkina Faso", 3)


@pytest.mark.parametrize(
    ("text", "language", "location"),
    [("Supporters of the junta in Niger marched through the capital on Sunday.", "en", "Niamey"),
     ("Des manifestants ont été dispersés dans la capitale malienne samedi.", "fr", "Bamako"),
     ("Gunmen raided a market in Niger's capital on Friday.", "en", "Niamey"),
     ("Gunmen raided a market in the capital of Mali on Friday.", "en", "Bamako")],
)
def test_places_the_capital_is_the_capital_city_of_its_country(text: str, language: str, location: str,
                                                               gaz: InMemoryGazetteer) -> None:
    where = _where(text, gaz, language=language)
    assert (where.location, where.geo_precision) == (location, 1)


@pytest.mark.parametrize(
    "text",
    ["Gunmen killed six aid workers 60 km from Niger's capital on Sunday.",
     "Soldiers reinforced the regional capital in Niger on Sunday.",
     "Thousands of villagers in Niger fled to the capital on Sunday."],
)
def test_places_a_capital_as_landmark_or_a_regional_capital_is_no_scene(text: str, gaz: InMemoryGazetteer) -> None:
    where = _where(text, gaz)
    assert (where.country, where.geo_precision) == ("Niger", 3)


def test_places_a_university_named_after_its_town_is_in_that_town(gaz: InMemoryGazetteer) -> None:
    where = _where("Gunmen killed forty students at Mopti University in Mali on Friday.", gaz)
    assert (where.location, where.admin1, where.geo_precision) == ("Mopti", "Mopti", 1)


@pytest.mark.parametrize(
    ("text", "location"),
    [("An airstrike hit a busy market in Zanfaraba’s main square in Mali on Tuesday.", "Zanfaraba"),
     ("The bandits also stopped at Kadaga Mai Fara in Zamfara State, Nigeria, and killed ten people.",
      "Kadaga Mai Fara")],
)
def test_places_unknown_village_before_a_possessive_or_with_a_month_word_inside(text: str, location: str,
                                                                                 gaz: InMemoryGazetteer) -> None:
    assert _where(text, gaz).location == location


@pytest.mark.parametrize(
    "text",
    [
        "Des soldats ont été tués dans le Parc national W, près du fleuve.",
        "Une position de l'armée au cœur du parc W a été attaquée.",
        "L'embuscade s'est produite dans le parc national du W, à la frontière.",
        "Rangers were ambushed in W National Park on Tuesday.",
    ],
)
def test_places_protected_area_named_in_lower_case_or_by_one_letter(text: str) -> None:
    park = _e(90, "W National Park", 12.3, 2.4, "PRK", "NE", "Tillaberi", a1_code="09")
    small = InMemoryGazetteer([(park, ["Parc W", "Parc national W", "Parc national du W"])],
                              countries=[_info(NIGER, 562, NIAMEY)])
    found = match_toponyms(text, small)
    assert [t.candidates[0].name for t in found if t.candidates] == ["W National Park"]


def test_places_lone_capital_letter_is_no_place() -> None:
    park = _e(90, "W National Park", 12.3, 2.4, "PRK", "NE", "Tillaberi", a1_code="09")
    small = InMemoryGazetteer([(park, ["W"])], countries=[_info(NIGER, 562, NIAMEY)])
    assert match_toponyms("Le plan W a été adopté par le parc.", small) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quatre-vingts soldats ont été tués dans l'attaque du camp militaire de Kobaradji, au Niger.", "Kobaradji"),
        ("Des manifestants de la ville nigérienne de Tessirou ont bloqué un convoi, au Niger.", "Tessirou"),
    ],
)
def test_places_unknown_camp_or_town_after_an_adjective(gaz: InMemoryGazetteer, text: str, name: str) -> None:
    assert _where(text, gaz, language="fr").location == name


def test_places_surname_after_a_title_and_given_names_is_no_place() -> None:
    town = _e(91, "Kaboré", 14.0, -0.5, "PPL", "BF", "Sahel", a1_code="89")
    small = InMemoryGazetteer([(town, [])], countries=[_info(BURKINA, 854)])
    found = match_toponyms("Le président burkinabè Roch Marc Christian Kaboré est venu.", small)
    assert [t.span.text for t in found if t.kind != "demonym"] == []
    assert [t.span.text for t in match_toponyms("Des hommes armés ont attaqué Kaboré lundi.", small)] == ["Kaboré"]


_STORY = "Protesters marched in Bamako on Friday. The junta took power in a coup in May 2021."


@pytest.mark.parametrize(
    ("named_at", "event_type", "event_date", "location"),
    [
        (22, "Strategic developments", dt.date(2021, 5, 24), "Mali"),  # a coup recalled, Bamako borrowed
        (22, "Strategic developments", dt.date(2022, 2, 25), "Bamako"),  # this week's coup: the story's town
        (22, "Battles", dt.date(2021, 5, 24), "Bamako"),  # violence keeps its place
        (63, "Strategic developments", dt.date(2021, 5, 24), "Bamako"),  # named in its own sentence
    ],
)
def test_places_recalled_development_without_a_place_of_its_own_is_the_country(
    named_at: int, event_type: str, event_date: dt.date, location: str, gaz: InMemoryGazetteer
) -> None:
    sentence = Span(41, len(_STORY), _STORY[41:])
    where = EventLocation(country="Mali", admin1="Bamako", location="Bamako", latitude=12.65, longitude=-8.0,
                          geo_precision=1, evidence=Span(named_at, named_at + 6, "Bamako"))
    found = recalled_development_scope(where, sentence, event_type=event_type, event_date=event_date,
                                       article_date=dt.date(2022, 3, 4), gazetteer=gaz)
    assert found.location == location
    assert found.geo_precision == (3 if location == "Mali" else 1)


@pytest.mark.parametrize(
    ("seat_code", "location"),
    [("PPLA2", "Dire"), ("PPL", "Cercle de Dire")],  # a hamlet that only shares the name is no seat
)
def test_places_district_is_placed_at_its_seat(seat_code: str, location: str) -> None:
    cercle = _e(40, "Cercle de Dire", 17.5, -4.5, "ADM2", "ML", "Tombouctou", a1_code="08")
    town = _e(41, "Dire", 16.27, -3.4, seat_code, "ML", "Tombouctou", a1_code="08")
    small = InMemoryGazetteer([(cercle, ["Dire"]), (town, []), (MALI, [])], countries=[_info(MALI, 466, BAMAKO)])
    where = _where("Jihadists attacked an army post in the cercle de Dire on Monday.", small)
    assert (where.location, where.geo_precision) == (location, 2)
    assert where.latitude == (16.27 if location == "Dire" else 17.5)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen seized Boni in central Mali in 2019. It was a blow. The town was looted for two days. "
        "Aid reached the Mopti region.",
        "Des hommes armés ont pris Boni, au Mali, en 2019. Ce fut un choc. La ville a été pillée. "
        "L'aide a atteint la région de Mopti.",
    ],
)
def test_places_the_town_borrows_a_town_not_the_region_around_it(text: str, gaz: InMemoryGazetteer) -> None:
    where = _where(text, gaz, sentence=2, language="fr" if text.startswith("Des") else "en")
    assert where.location == "Boni"


def test_places_unknown_village_closing_a_quotation_is_a_place(gaz: InMemoryGazetteer) -> None:
    where = _where("In Niger, the army said: “there was an attack on our troops in Kolbanga”, without details.", gaz)
    assert (where.country, where.location) == ("Niger", "Kolbanga")


def test_places_unknown_village_takes_the_admin1_of_the_nearest_sentence(gaz: InMemoryGazetteer) -> None:
    text = ("Troops patrolled Niamey in Niger last year. Kolbanga lies in the Tillaberi region. "
            "A base was attacked in Kolbanga, the army said.")
    where = _where(text, gaz, sentence=2)
    assert (where.location, where.admin1) == ("Kolbanga", "Tillaberi")


def test_places_unknown_village_takes_the_country_the_sentence_before_names(gaz: InMemoryGazetteer) -> None:
    text = ("Malian troops are tired, Mali's minister said. Mali sent more troops to Mali's north. "
            "The patrol went on in Niger. “Gunmen stormed the camp at Kolbanga”, a soldier said. It was dark.")
    where = _where(text, gaz, sentence=3)
    assert (where.country, where.location) == ("Niger", "Kolbanga")
