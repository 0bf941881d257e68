"""Event detection and typing rules, one sentence each (all sentences written for these tests)."""

from __future__ import annotations

import pytest

from harmattan.pipeline.events import attribution_spans, classify_sentence, role_text, secondary_label


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # battles: two organised armed sides
        ("Militants attacked an army camp near the town on Saturday, killing 14 soldiers.", "Armed clash"),
        ("Soldiers clashed with jihadists outside the village on Monday.", "Armed clash"),
        ("Des hommes armés ont attaqué un poste de la gendarmerie dimanche soir.", "Armed clash"),
        ("Dix soldats ont été tués dans une embuscade tendue par des terroristes.", "Armed clash"),
        ("The army said it had recaptured the town from the insurgents on Tuesday.", "Government regains territory"),
        ("Rebels seized control of the town after two days of fighting.", "Non-state actor overtakes territory"),
        # violence against civilians
        ("Gunmen killed seven villagers in a night raid on the hamlet.", "Attack"),
        ("At least 12 civilians were killed by suspected jihadists at a weekly market.", "Attack"),
        ("Des hommes armés ont tué huit civils dans un village du centre du pays.", "Attack"),
        ("Bandits kidnapped 20 passengers travelling on the highway.", "Abduction/forced disappearance"),
        ("Trois enseignants ont été enlevés par des hommes armés mardi.", "Abduction/forced disappearance"),
        # remote violence
        ("A suicide bomber blew himself up at a checkpoint, killing four people.", "Suicide bomb"),
        ("An air strike hit a rebel position north of the city on Friday.", "Air/drone strike"),
        ("Une frappe de drone a visé un rassemblement de combattants.", "Air/drone strike"),
        ("Two soldiers died when their vehicle struck an IED on the road.", "Remote explosive/landmine/IED"),
        ("Un engin explosif improvisé a explosé au passage d'un convoi.", "Remote explosive/landmine/IED"),
        ("Rebels fired mortar shells at the airport overnight.", "Shelling/artillery/missile attack"),
        # demonstrations
        ("Hundreds of people protested peacefully in the capital on Friday.", "Peaceful protest"),
        ("Police fired tear gas to disperse demonstrators outside parliament.", "Protest with intervention"),
        ("Protesters burned tyres and threw stones at the police in several districts.", "Violent demonstration"),
        ("Des manifestants ont incendié des pneus et érigé des barricades.", "Violent demonstration"),
        ("Security forces fired live ammunition on protesters, killing three.", "Excessive force against protesters"),
        ("A mob lynched a man accused of theft at the market.", "Mob violence"),
        # strategic developments
        ("Police arrested the opposition leader at his home on Sunday.", "Arrests"),
        ("The two sides signed a ceasefire agreement in the capital.", "Agreement"),
        ("The aid worker held hostage since 2019 was released on Monday.", "Agreement"),
        ("The military junta dissolved the government and imposed a curfew.", "Other"),
        ("Helicopters dropped barrels of chlorine on the town on Tuesday.", "Chemical weapon"),
        ("Soldiers defused an explosive device found near the market.", "Disrupted weapons use"),
        ("Police discovered a weapons cache in a house on the outskirts of the city.", "Disrupted weapons use"),
        ("The army set up a new military base in the village last week.", "Headquarters or base established"),
        ("About 200 fighters defected to the government side on Monday.", "Change to group/activity"),
        ("Rebels took over the base vacated by the departing peacekeepers.", "Non-violent transfer of territory"),
        ("The two sides exchanged prisoners near the front line on Tuesday.", "Agreement"),
        ("Security forces opened fire on peaceful protesters in the square.", "Excessive force against protesters"),
    ],
)
def test_events_classify_sentence_types(sentence: str, expected: str) -> None:
    label = classify_sentence(sentence)
    assert label is not None, sentence
    assert label.sub_event_type == expected
    assert sentence[label.start : label.end]  # the trigger points into the sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Mali is battling an insurgency that has spread across the region.",
        "The group could attack the capital, officials warned.",
        "Residents fear the militants will return.",
        "Le gouvernement pourrait interdire les manifestations la semaine prochaine.",
        "What happened in the village?",
        "The weather was hot.",
    ],
)
def test_events_classify_sentence_rejects_non_events(sentence: str) -> None:
    assert classify_sentence(sentence) is None


def test_events_weak_death_words_need_a_number() -> None:
    assert classify_sentence("The dead were buried in the afternoon.") is None
    label = classify_sentence("Twelve people were left dead after the raid on the village.")
    assert label is not None


def test_events_release_needs_captives() -> None:
    assert classify_sentence("The ministry released a statement on Monday.") is None


def test_events_reporting_frame_is_masked_with_offsets_kept() -> None:
    sentence = "Gunmen killed five farmers in the village, police said."
    masked = role_text(sentence)
    assert len(masked) == len(sentence)
    assert "police" not in masked
    assert masked.startswith("Gunmen killed five farmers")
    assert attribution_spans(sentence)


def test_events_a_national_armys_officer_saying_it_is_a_reporting_frame() -> None:
    sentence = "“They stormed the base and there was heavy fighting”, Malian army colonel Alpha Bravo said."
    masked = role_text(sentence)
    assert "army" not in masked
    assert masked.startswith("“They stormed the base")


def test_events_a_word_before_a_source_noun_keeps_the_event_told_after_it() -> None:
    sentence = "Two people died on Monday, security officials said, after a roadside bomb hit their car."
    masked = role_text(sentence)
    assert "roadside bomb" in masked


def test_events_source_does_not_turn_an_attack_into_a_battle() -> None:
    label = classify_sentence("Gunmen killed 11 villagers in a raid on Sunday - police")
    assert label is not None
    assert label.sub_event_type == "Attack"


def test_events_modal_words_are_whole_words() -> None:
    label = classify_sentence("Militants set fire to the mayor's office and kidnapped one person in the town.")
    assert label is not None
    assert label.sub_event_type == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an ambush is a battle on an armed side, an attack on civilians
        ("An ambush on a bus carrying miners left 20 civilians dead on Wednesday.", "Attack"),
        ("Une embuscade contre un car de commerçants a fait douze morts civils.", "Attack"),
        ("A team of park rangers was ambushed near the river on Sunday.", "Armed clash"),
        ("Soldiers were ambushed by militants near the border on Friday.", "Armed clash"),
        # a massacre targets the defenceless, whatever military word follows later in the sentence
        ("The massacre came a week after the attack on an army camp in the same district.", "Attack"),
        # a military junta governs; it is not the target of the attack it is blamed for
        ("The attack on the village has angered the military junta.", "Attack"),
        # the anniversary of an old event is no trigger of the sentence's own event
        (
            "On the eve of the anniversary of the deadly crackdown on the sit-in, police used tear gas "
            "to disperse protesters.",
            "Protest with intervention",
        ),
        ("Gunmen ambushed a bus carrying mine workers on the road to the site.", "Attack"),
        # executions are of captives; firing between two armed sides is a battle
        ("Soldiers executed dozens of men suspected of being jihadists in the town.", "Attack"),
        ("The firing between attackers and security officials lasted all night.", "Armed clash"),
        ("Insurgents stormed the mine, setting fire to machines and seizing seven employees.",
         "Abduction/forced disappearance"),
        # the month of May is no modal
        ("In May gunmen killed five villagers near the river.", "Attack"),
        # communal clashes between unorganised crowds are mob violence; "heurts" name crowd violence
        ("Les troubles ont dégénéré en affrontements intercommunautaires mardi entre deux quartiers.", "Mob violence"),
        ("Communal clashes broke out between two neighbourhoods on Monday night.", "Mob violence"),
        ("Des heurts ont éclaté jeudi dans plusieurs quartiers de la capitale.", "Violent demonstration"),
        ("Le journaliste est arrivé libre lundi à l'aéroport après deux ans de captivité.", "Agreement"),
    ],
)
def test_events_context_decides_between_neighbours(sentence: str, expected: str) -> None:
    label = classify_sentence(sentence)
    assert label is not None, sentence
    assert label.sub_event_type == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The country on Sunday marked the first anniversary of the bombing that killed 500 people.",
        "Au bout d'un moment, j'ai arrêté de compter, dit un habitant.",
        "The operation demonstrated that the group can reach the capital.",
        "The soldiers who have fallen are our sons and brothers.",
        "The convoy was taking supplies to a town in the north.",
        "« Le convoi s'est arrêté hier soir à la frontière. »",
        "Le groupe a mis en garde tous ceux qui collaborent avec l'armée.",
        "Il s'agit du plus lourd bilan pour ce pays, confronté à une menace croissante.",
        "He was involved in every dark affair of the regime since the assassination of the former president.",
    ],
)
def test_events_words_used_in_another_sense_are_no_events(sentence: str) -> None:
    assert classify_sentence(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Protesters clashed with police, the worst unrest since the May 2021 coup.", "Other"),
        ("Des manifestants ont été tués depuis la prise du pouvoir par le colonel le 5 septembre 2021.", "Other"),
        ("Des manifestants ont défilé jeudi à Conakry malgré des coups de feu.", None),
        ("Le journaliste, enlevé le 8 avril 2021 à Gao, a été libéré lundi.", "Abduction/forced disappearance"),
    ],
)
def test_events_secondary_label_tells_the_background_event(sentence: str, expected: str | None) -> None:
    label = classify_sentence(sentence)
    assert label is not None
    extra = secondary_label(sentence, label)
    assert (extra.sub_event_type if extra else None) == expected


def test_events_ongoing_violence_is_generic() -> None:
    label = classify_sentence("Deadly attacks against villages have been occurring in the region.")
    specific = classify_sentence("Gunmen attacked the village on Sunday.")
    assert label is not None and specific is not None
    assert label.score < specific.score


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen stormed a hotel in the capital after two car bomb blasts, killing ten people.", "Attack"),
        ("The fighters detonated explosives at the gate before entering and opening fire on guests.", "Attack"),
        ("A car bomb exploded near the market, killing five people.", "Remote explosive/landmine/IED"),
        ("Artillery shelling and fighting between the army and the rebels were reported in the city.", "Armed clash"),
        ("The army shelled rebel positions near the town on Monday.", "Shelling/artillery/missile attack"),
    ],
)
def test_events_assault_opened_by_a_blast_or_shelling_in_a_battle(sentence: str, expected: str) -> None:
    label = classify_sentence(sentence)
    assert label is not None and label.sub_event_type == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Several ceasefire agreements brokered by mediators had failed to end the war.",
        "A diversionary attack on the capital is needed.",
        "Thousands have been killed since the rebellion began.",
    ],
)
def test_events_failed_deals_needs_and_war_tolls_are_generic(sentence: str) -> None:
    label = classify_sentence(sentence)
    specific = classify_sentence("Gunmen attacked the village on Sunday, killing three people.")
    assert specific is not None
    assert label is None or label.score < specific.score


@pytest.mark.parametrize(
    "sentence",
    [
        "The village was hit after an army drone accidentally fired at a crowd of farmers.",
        "The army admitted one of its drones sent against the rebels had mistakenly struck the hamlet.",
        "Officials said the drone (which wrongly struck the camp) was on a patrol mission.",
        "Un drone de l'armée a frappé un marché du village, faisant dix morts.",
        "Des drones ont tiré sur un rassemblement de civils.",
    ],
)
def test_events_a_drone_that_fired_or_struck_is_an_air_strike(sentence: str) -> None:
    label = classify_sentence(sentence)
    assert label is not None and label.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents said a drone flew over the village before gunmen struck.",
        "A drone hovered over the town and soldiers fired at the crowd.",
        "Un drone survolait la ville et des hommes armés ont tiré sur la foule.",
    ],
)
def test_events_a_drone_seen_before_others_fire_is_no_air_strike(sentence: str) -> None:
    label = classify_sentence(sentence)
    assert label is None or label.sub_event_type != "Air/drone strike"


@pytest.mark.parametrize(
    "sentence",
    [
        "Some protesters ripped off the sign at the consulate gate and stamped on it.",
        "Demonstrators trampled the flag of the former colonial power outside its embassy.",
        "Des manifestants ont piétiné le drapeau devant l'ambassade.",
    ],
)
def test_events_a_crowd_tearing_down_or_trampling_symbols_is_a_violent_demonstration(sentence: str) -> None:
    label = classify_sentence(sentence)
    assert label is not None and label.sub_event_type == "Violent demonstration"
    calm = classify_sentence("Thousands of protesters marched peacefully to the embassy.")
    assert calm is not None and calm.sub_event_type == "Peaceful protest"
