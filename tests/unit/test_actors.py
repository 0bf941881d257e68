"""Actor dictionary and matching (texts written for these tests)."""

from __future__ import annotations

import itertools

import pytest

from harmattan.actors.dictionary import load_aliases, load_data
from harmattan.pipeline.actors import ActorsStage, find_actors
from harmattan.records import Article, Document


def _found(text: str, language: str) -> list[tuple[str, str, bool]]:
    return [(a.span.text, a.name, a.generic) for a in find_actors(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "JNIM claimed the attack.", "JNIM: Group for Support of Islam and Muslims"),
        ("fr", "Le GSIM a revendiqué l'attaque.", "JNIM: Group for Support of Islam and Muslims"),
        ("en", "The Islamic State in the Greater Sahara raided a camp.", "Islamic State (Sahel)"),
        ("fr", "L'EIGS a frappé un village.", "Islamic State (Sahel)"),
        ("en", "ISWAP overran a base.", "ISWAP: Islamic State West Africa Province"),
        ("en", "Boko Haram abducted pupils.", "Boko Haram: Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
        ("en", "al-Shabab fired mortars.", "Al Shabaab"),
        ("fr", "Les shebab ont attaqué.", "Al Shabaab"),
        ("fr", "Les FAMa ont riposté.", "Military Forces of Mali"),
        ("fr", "L'armée nigérienne a riposté.", "Military Forces of Niger"),
        ("en", "Burkinabe soldiers repelled them.", "Military Forces of Burkina Faso"),
        ("fr", "Les soldats burkinabè ont riposté.", "Military Forces of Burkina Faso"),
        ("en", "Chadian police fired tear gas.", "Police Forces of Chad"),
        ("fr", "La gendarmerie malienne a été visée.", "Military Forces of Mali"),
        ("fr", "La junte malienne a annoncé.", "Government of Mali"),
        ("en", "French troops of Operation Barkhane left.", "Military Forces of France"),
        ("en", "AFRICOM said the strike hit.", "Military Forces of the United States"),
        ("fr", "Les mercenaires du groupe Wagner sont arrivés.", "Wagner Group"),
        ("en", "The Congolese army (FARDC) advanced.", "Military Forces of the Democratic Republic of Congo"),
        (
            "fr",
            "Les Volontaires pour la défense de la patrie ont été visés.",
            "VDP: Volunteers for the Defense of the Homeland",
        ),
        ("fr", "Les chasseurs traditionnels dozos ont riposté.", "Dozo Communal Militia"),
        ("en", "M23 rebels took the town.", "M23: March 23 Movement"),
        ("en", "The Rapid Support Forces shelled the city.", "RSF: Rapid Support Forces"),
        (
            "en",
            "The CSP-PSD claimed the ambush.",
            "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development",
        ),
    ],
)
def test_actors_names_known_actors(language: str, text: str, name: str) -> None:
    assert name in [a.name for a in find_actors(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "Gunmen killed five villagers.", "Unidentified Armed Group"),
        ("fr", "Des hommes armés ont tué cinq civils.", "Unidentified Armed Group"),
        ("en", "Soldiers opened fire.", "Military Forces"),
        ("fr", "Les policiers ont dispersé la foule.", "Police Forces"),
        ("en", "Protesters marched on Friday.", "Protesters"),
        ("fr", "Les manifestants ont marché.", "Protesters"),
        ("en", "Rioters burned a station.", "Rioters"),
    ],
)
def test_actors_generic_words_have_no_country(language: str, text: str, name: str) -> None:
    generic = [a for a in find_actors(text, language) if a.generic]
    assert name in [a.name for a in generic]
    assert all(a.country == "" for a in generic)


def test_actors_country_from_text_makes_a_specific_actor() -> None:
    (actor,) = find_actors("Malian soldiers arrived.", "en")
    assert (actor.name, actor.country, actor.generic, actor.inter) == ("Military Forces of Mali", "Mali", False, 1)


def test_actors_foreign_forces_are_external() -> None:
    (actor,) = find_actors("Russian troops arrived.", "en")
    assert (actor.name, actor.inter) == ("Military Forces of Russia", 8)


def test_actors_accents_are_optional_in_french() -> None:
    assert _found("Les soldats nigeriens et l'armee malienne.", "fr") == [
        ("soldats nigeriens", "Military Forces of Niger", False),
        ("armee malienne", "Military Forces of Mali", False),
    ]


def test_actors_longest_match_wins_and_spans_do_not_overlap() -> None:
    mentions = find_actors("the Islamic State West Africa Province (ISWAP) and Islamic State fighters", "en")
    assert [a.name for a in mentions] == ["ISWAP: Islamic State West Africa Province", "Islamic State"]
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(mentions))


def test_actors_span_points_into_text() -> None:
    text = "Hier, des jihadistes du JNIM ont attaqué."
    (actor,) = find_actors(text, "fr")
    assert text[actor.span.start : actor.span.end] == actor.span.text == "jihadistes du JNIM"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JNIM fighters ambushed a convoy.", "JNIM fighters"),
        ("Les combattants de l'EIGS ont fui.", "combattants de l'EIGS"),
        ("the jihadist group JNIM said", "jihadist group JNIM"),
    ],
)
def test_actors_generic_word_next_to_named_group_is_absorbed(text: str, expected: str) -> None:
    language = "fr" if "Les " in text else "en"
    assert [a.span.text for a in find_actors(text, language)] == [expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The rsf is a word in lower case."),
        ("fr", "Reporters sans frontières (RSF) dénonce la détention."),
        ("en", "WHAT IS NEXT FOR THE REGION"),
        ("en", "an al-Qaeda-linked group"),
        ("fr", "un groupe affilié à al-Qaïda"),
    ],
)
def test_actors_ambiguous_acronyms_and_qualifiers_are_skipped(language: str, text: str) -> None:
    names = [a.name for a in find_actors(text, language)]
    assert "RSF: Rapid Support Forces" not in names
    assert "Islamic State" not in names
    assert "Al Qaeda" not in names


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Gunmen suspected to be Fulani herdsmen attacked the village.", "Fulani Ethnic Militia"),
        ("en", "villagers killed by gunmen believed to be Mai-Mai members", "Mai-Mai Militia"),
        ("fr", "des hommes armés soupçonnés d'être des miliciens Fano", "Fano Militia"),
        ("fr", "des miliciens appartenant probablement au groupe Wagner", "Wagner Group"),
    ],
)
def test_actors_armed_men_take_the_name_they_are_suspected_of(language: str, text: str, expected: str) -> None:
    assert [a.name for a in find_actors(text, language)][-1:] == [expected]
    assert all(a.name != "Unidentified Armed Group" for a in find_actors(text, language))


def test_actors_french_militants_are_not_armed() -> None:
    assert find_actors("Des militants des droits humains.", "fr") == ()


def test_actors_dictionary_entries_are_well_formed() -> None:
    data = load_data()
    for raw in data["actors"]:
        assert 0 <= raw["inter"] <= 8
        assert raw.get("absorb_only") or raw.get("ignore") or raw["name"]
    names = {a.entry.name for a in load_aliases()}
    assert {"Military Forces of Mali", "Police Forces of Niger", "Government of Chad", "Civilians (Togo)"} <= names


def test_actors_stage_writes_mentions() -> None:
    article = Article(id="a1", text="Gunmen attacked soldiers.", date=None)
    doc = ActorsStage()(Document(article=article, language="en"))
    assert [a.name for a in doc.actors] == ["Unidentified Armed Group", "Military Forces"]
