"""The sides of a merged event (``group_sides``), on drafts built from sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.actors.naming import actor_name
from harmattan.actors.sides import side_inter
from harmattan.pipeline.actors import find_actors
from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.events import attribution_spans
from harmattan.pipeline.sides import article_group, group_sides
from harmattan.records import Document, EventLocation, EventMention, Span
from harmattan.taxonomy import event_type_of
from harmattan.testing import make_article


def _sides(
    sentences: list[str], sub: str, country: str, language: str = "en", *, context: str = ""
) -> tuple[set[str], set[int], str]:
    """(side names, side inter codes, associated names) of one event told by these sentences,
    after an optional ``context`` the article tells first."""
    text = " ".join([context, *sentences]) if context else " ".join(sentences)
    actors = find_actors(text, language)
    drafts, start = [], len(context) + 1 if context else 0
    for sentence in sentences:
        span = Span(start, start + len(sentence), sentence)
        mention = EventMention(span, Span(start, start + 1, sentence[0]), event_type_of(sub), sub, 0.7)
        frames = [(start + a, start + b) for a, b in attribution_spans(sentence)]  # "the police said"
        inside = tuple(
            a
            for a in actors
            if start <= a.span.start < span.end and not any(fs <= a.span.start < fe for fs, fe in frames)
        )
        drafts.append(Draft(mention, dt.date(2024, 3, 9), 1, None, EventLocation(country=country), inside, ()))
        start += len(sentence) + 1
    side1, side2, assoc = group_sides(drafts, sub, country, text=text, article_actors=actors)
    sides = [a for a in (side1, side2) if a is not None]
    names = {actor_name(a, a.country or country, event_type=event_type_of(sub)) for a in sides}
    crowd = {"Riots": 5, "Protests": 6}.get(event_type_of(sub))
    inters = {crowd if crowd and a.name in ("Protesters", "Rioters") else side_inter(a, country, sub) for a in sides}
    return names, inters, "; ".join(a.name for a in assoc)


def test_assemble_sides_host_army_leads_its_foreign_partner() -> None:
    names, _, assoc = _sides(
        ["The Malian army and Wagner mercenaries killed dozens of villagers in Moura."], "Attack", "Mali"
    )
    assert names == {"Military Forces of Mali", "Civilians (Mali)"}
    assert "Wagner Group" in assoc


def test_assemble_sides_generic_soldiers_beside_a_foreign_force_are_its_own() -> None:
    names, _, _ = _sides(["Wagner mercenaries and soldiers fought off an attack on Sunday."], "Armed clash", "Mali")
    assert names == {"Wagner Group", "Unidentified Armed Group (Mali)"}


def test_assemble_sides_retaking_a_town_needs_the_army_and_the_group_it_was_taken_from() -> None:
    names, inters, _ = _sides(["The town was retaken on Sunday."], "Government regains territory", "Mali")
    assert inters == {1, 3}
    assert "Military Forces of Mali" in names


@pytest.mark.parametrize(
    ("sentence", "sub", "language", "expected"),
    [
        ("Protesters marched against the M23 rebels' advance.", "Peaceful protest", "en", {6}),
        ("Des manifestants ont attaqué des ambassades contre l'offensive du M23.", "Violent demonstration", "fr", {5}),
        ("Thousands of protesters demanded the return of civilian rule.", "Peaceful protest", "en", {6}),
        ("Des affrontements ont éclaté entre des jeunes et la police à Lomé.", "Violent demonstration", "fr", {5, 1}),
        ("Des affrontements ont éclaté jeudi à Lomé.", "Violent demonstration", "fr", {5, 1}),
        ("Protesters opposed to the coup attempt burned tyres.", "Violent demonstration", "en", {5}),
    ],
)
def test_assemble_sides_crowd_events_have_the_crowd_and_the_forces_facing_it(
    sentence: str, sub: str, language: str, expected: set[int]
) -> None:
    assert _sides([sentence], sub, "Togo", language)[1] == expected


def test_assemble_sides_movement_that_called_a_riot_is_associated() -> None:
    names, _, assoc = _sides(
        ["Le FNDC a appelé à manifester et des jeunes se sont affrontés aux forces de l'ordre."],
        "Violent demonstration",
        "Guinea",
        "fr",
    )
    assert "Rioters (Guinea)" in names
    assert assoc.startswith("FNDC")


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Pour lutter contre les djihadistes, l'état d’urgence a été décrété dans la région.", "fr"),
        ("A curfew was imposed after the clashes.", "en"),
    ],
)
def test_assemble_sides_a_decree_is_the_governments(sentence: str, language: str) -> None:
    names, inters, _ = _sides([sentence], "Other", "Togo", language)
    assert names == {"Government of Togo"}
    assert inters == {1}


_ARMY = "Military Forces of Sudan"


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["The soldiers who staged the coup arrested the prime minister."], {_ARMY, "Government of Sudan"}),
        (["The coup leaders dissolved the government."], {_ARMY, "Government of Sudan"}),
        (["Officers who seized power in a coup in January vowed to fight the jihadists."], {_ARMY}),
        (["The junta that took power in a coup last year extended the transition."], {_ARMY}),
        (["The coup that toppled the civilian government was condemned."], {_ARMY, "Government of Sudan"}),
        (["Officers who took power in a coup vowed to fight against jihadism."], {_ARMY}),
    ],
)
def test_assemble_sides_coup_sides(sentences: list[str], expected: set[str]) -> None:
    names, _, _ = _sides(sentences, "Other", "Sudan")
    assert {n.replace("Mutiny of ", "") for n in names} == expected


def test_assemble_sides_arrests_in_a_coup_story_are_of_the_government() -> None:
    names, inters, _ = _sides(
        ["The army staged a coup on Monday.", "Civilian leaders were detained at their homes."], "Arrests", "Sudan"
    )
    assert inters == {1}
    assert "Government of Sudan" in names


def test_assemble_sides_withdrawal_announced_by_a_government_is_one_side() -> None:
    names, _, _ = _sides(["Macron announced the withdrawal of French troops from Mali."], "Other", "Mali")
    assert len(names) == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A US drone strike killed a family of ten, seven of them children, instead of an ISIS militant.", {8, 7}),
        ("A US drone strike killed four al-Shabaab fighters; no civilians were near the strike.", {8, 2}),
    ],
)
def test_assemble_sides_air_strike_that_hit_a_family_hit_civilians(sentence: str, expected: set[int]) -> None:
    assert _sides([sentence], "Air/drone strike", "Somalia")[1] == expected


def test_assemble_sides_suicide_bombing_of_a_market_told_by_the_police_hits_civilians() -> None:
    _, inters, _ = _sides(
        ["A suicide bomber attacked a cattle market in Maiduguri, the police said."], "Suicide bomb", "Nigeria"
    )
    assert inters == {3, 7}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Le lendemain, en représailles, la communauté peule a été attaquée par des hommes armés.", "fr"),
        ("Gunmen killed 13 people in intercommunal reprisals.", "en"),
    ],
)
def test_assemble_sides_reprisals_against_a_community_are_communal_militia(sentence: str, language: str) -> None:
    names, inters, _ = _sides([sentence], "Attack", "Burkina Faso", language)
    assert inters == {4, 7}
    assert "Unidentified Communal Militia (Burkina Faso)" in names


def test_assemble_sides_affiliate_not_brand_and_never_twice() -> None:
    names, _, _ = _sides(
        ["Armed attackers stormed a hotel.", "An affiliate of al-Qaeda, al-Shabab, claimed the attack."],
        "Attack",
        "Somalia",
    )
    assert names == {"Al Shabaab", "Civilians (Somalia)"}


def test_assemble_sides_mission_that_vacated_a_base_is_not_a_side() -> None:
    _, inters, _ = _sides(
        ["Tuareg rebels seized a base vacated by the departing UN peacekeeping mission."],
        "Non-violent transfer of territory",
        "Mali",
    )
    assert inters == {2}


def test_assemble_sides_foreign_troops_who_answered_an_attack_did_not_commit_it() -> None:
    _, inters, _ = _sides(
        ["French troops arrived after a terrorist attack on a hotel killed 20 people."], "Attack", "Burkina Faso"
    )
    assert inters == {3, 7}


def test_assemble_sides_agreement_parties_not_its_mediator() -> None:
    names, inters, assoc = _sides(
        ["The two sides agreed to a cessation of hostilities in Pretoria at talks mediated by the African Union."],
        "Agreement",
        "South Africa",
        context="The Ethiopian government has fought the TPLF since 2020. The TPLF rejected earlier offers.",
    )
    assert names == {"Government of Ethiopia", "TPLF: Tigray People's Liberation Front"}
    assert inters == {1, 2}  # a deal signed abroad: the government keeps its own code
    assert "African Union" in assoc


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops retook the port town from the insurgents on Sunday.", "Islamic State (Mozambique)"),
        ("Troops retook the port town from the insurgents on Sunday.", "Unidentified Armed Group (Mali)"),
    ],
)
def test_assemble_sides_insurgents_of_a_single_insurgency_are_that_group(sentence: str, expected: str) -> None:
    country = "Mozambique" if "Mozambique" in expected else "Mali"
    names, _, _ = _sides([sentence], "Government regains territory", country)
    assert expected in names


def test_assemble_sides_intercommunal_mob_violence_has_rioters_on_both_sides() -> None:
    text = "Des affrontements intercommunautaires ont opposé des groupes de jeunes à Dabou."
    first = find_actors(text, "fr")
    span = Span(0, len(text), text)
    draft = Draft(
        EventMention(span, Span(4, 17, "affrontements"), "Riots", "Mob violence", 0.7),
        dt.date(2024, 3, 9),
        1,
        None,
        EventLocation(country="Ivory Coast"),
        first,
        (),
    )
    side1, side2, _ = group_sides([draft], "Mob violence", "Ivory Coast", text=text)
    assert side1 is not None and side2 is not None
    assert (side1.inter, side2.inter) == (5, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed five aid workers. Boko Haram operates in the area.", "Boko Haram"),
        ("Gunmen killed five aid workers. Boko Haram and Islamic State fighters roam the area.", None),
    ],
)
def test_assemble_sides_article_group_is_the_only_candidate(text: str, expected: str | None) -> None:
    doc = Document(article=make_article(text), language="en", actors=find_actors(text, "en"))
    found = article_group(doc)
    assert (found.name.split(":")[0] if found else None) == expected


def test_assemble_sides_two_sides_named_elsewhere_in_the_article_only_when_told_so() -> None:
    context = "The army has fought the RSF for two years."
    names, _, _ = _sides(
        ["The army and political parties signed a framework deal."], "Agreement", "Sudan", context=context
    )
    assert "RSF: Rapid Support Forces" not in names


def test_assemble_sides_bomb_at_an_army_camp_hits_the_army() -> None:
    _, inters, _ = _sides(["A suicide bomber blew himself up at the gate of a military camp."], "Suicide bomb", "Mali")
    assert inters == {1, 3}


def test_assemble_sides_car_bomb_outside_a_hotel_hits_civilians() -> None:
    _, inters, _ = _sides(
        ["Al-Shabaab detonated two car bombs outside a hotel in Mogadishu."], "Remote explosive/landmine/IED", "Somalia"
    )
    assert inters == {2, 7}
