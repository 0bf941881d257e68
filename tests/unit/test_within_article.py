"""Merging the mentions of one event inside an article (drafts built by hand)."""

from __future__ import annotations

import datetime as dt

from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.within_article import attackers_killed, group_sub_event_type, merge_drafts, toll_target
from harmattan.records import DateMention, EventLocation, EventMention, FatalityMention, Span
from harmattan.taxonomy import event_type_of

DAY = dt.date(2024, 3, 9)


def draft(
    sub: str,
    *,
    start: int,
    location: str = "",
    lat: float | None = None,
    lon: float | None = None,
    date: dt.date | None = None,
    anaphoric: bool = False,
    deaths: int = 0,
) -> Draft:
    sentence = Span(start, start + 40, "x" * 40)
    place_span = Span(start + 5, start + 10, location) if location else None
    where = EventLocation(
        country="Mali", admin1="Mopti" if location else "", location=location or "Mali",
        latitude=lat, longitude=lon, geo_precision=1 if location else 3, evidence=place_span,
    )
    stated = DateMention(Span(start + 20, start + 26, "Sunday"), date, 1) if date else None
    fatalities = (FatalityMention(Span(start + 30, start + 32, "12"), deaths),) if deaths else ()
    return Draft(
        mention=EventMention(sentence, Span(start, start + 5, "x"), event_type_of(sub), sub, 0.7, anaphoric),
        date=date or DAY, time_precision=1, date_mention=stated, location=where, actors=(), fatalities=fatalities,
    )


def test_within_article_headline_and_lead_are_one_event() -> None:
    groups = merge_drafts([draft("Attack", start=0), draft("Attack", start=100, location="Boni", lat=15.0, lon=-2.0)])
    assert len(groups) == 1


def test_within_article_different_towns_far_apart_are_two_events() -> None:
    a = draft("Attack", start=0, location="Boni", lat=15.05, lon=-1.98)
    b = draft("Attack", start=100, location="Gao", lat=16.27, lon=-0.04)
    assert len(merge_drafts([a, b])) == 2


def test_within_article_different_stated_days_are_two_events() -> None:
    a = draft("Armed clash", start=0, location="Boni", lat=15.05, lon=-1.98, date=DAY)
    b = draft("Armed clash", start=100, location="Boni", lat=15.05, lon=-1.98, date=DAY - dt.timedelta(days=20))
    assert len(merge_drafts([a, b])) == 2


def test_within_article_unrelated_types_stay_apart() -> None:
    assert len(merge_drafts([draft("Attack", start=0), draft("Arrests", start=100)])) == 2


def test_within_article_anaphor_joins_latest_compatible_event() -> None:
    a = draft("Attack", start=0, location="Boni", lat=15.05, lon=-1.98)
    b = draft("Arrests", start=100)
    c = draft("Attack", start=200, location="Gao", lat=16.27, lon=-0.04, anaphoric=True)
    groups = merge_drafts([a, b, c])
    assert [len(g) for g in groups] == [2, 1]


def test_within_article_property_destruction_joins_the_attack() -> None:
    groups = merge_drafts([draft("Attack", start=0), draft("Looting/property destruction", start=100)])
    assert len(groups) == 1
    assert group_sub_event_type(groups[0]) == "Attack"


def test_within_article_group_type_prefers_the_specific_reading() -> None:
    groups = merge_drafts([draft("Attack", start=0), draft("Air/drone strike", start=100)])
    assert group_sub_event_type(groups[0]) == "Air/drone strike"


def test_within_article_protest_with_deaths_is_violent() -> None:
    groups = merge_drafts([draft("Peaceful protest", start=0), draft("Attack", start=100, deaths=12)])
    assert len(groups) == 1
    assert group_sub_event_type(groups[0]) == "Violent demonstration"


def test_within_article_listed_counts_go_to_their_places() -> None:
    from harmattan.pipeline.site_tolls import _listed_count

    text = "Seven people were killed in Alpha, four in Beta and 8 in Gamma."
    beta = text.index("Beta")
    found = _listed_count(text, text.index("Alpha") + 5, beta)
    assert found is not None and found.count == 4
    gamma = text.index("Gamma")
    found = _listed_count(text, beta + 4, gamma)
    assert found is not None and found.count == 8


def test_within_article_a_month_told_is_not_a_day_of_the_next_month() -> None:
    day = draft("Remote explosive/landmine/IED", start=0, date=dt.date(2024, 2, 8))
    month = draft("Remote explosive/landmine/IED", start=100, location="Boni", date=dt.date(2024, 1, 15))
    month = Draft(**{**month.__dict__, "time_precision": 3})
    assert len(merge_drafts([day, month])) == 2
    same = Draft(**{**month.__dict__, "date": dt.date(2024, 2, 15)})
    assert len(merge_drafts([day, same])) == 1


def test_within_article_anaphor_with_a_toll_joins_the_event_at_its_town() -> None:
    # "An attack hit Alpha. Another hit Beta. The attacks left 60 dead in Alpha."
    alpha = draft("Attack", start=0, location="Alpha", lat=14.0, lon=-4.0)
    beta = draft("Attack", start=100, location="Beta", lat=15.5, lon=-1.0)
    toll = draft("Attack", start=200, location="Alpha", lat=14.0, lon=-4.0, anaphoric=True, deaths=60)
    groups = merge_drafts([alpha, beta, toll])
    assert groups == [[alpha, toll], [beta]]
    # without a toll the anaphor still joins the latest event
    plain = draft("Attack", start=200, location="Alpha", lat=14.0, lon=-4.0, anaphoric=True)
    assert merge_drafts([alpha, beta, plain]) == [[alpha], [beta, plain]]


def test_within_article_a_longer_form_of_a_village_name_is_the_same_village() -> None:
    a = draft("Attack", start=0, location="Tessirou")
    b = draft("Attack", start=100, location="Tessirou-Peul")
    assert len(merge_drafts([a, b])) == 1
    c = draft("Attack", start=200, location="Tessiroua")
    assert len(merge_drafts([a, c])) == 2


def _toll(start: int, *, location: str = "", lat: float | None = None, lon: float | None = None) -> Draft:
    """A sentence that tells a toll but reports no event ("in Alpha, the loss of 79 lives")."""
    told = draft("Attack", start=start, location=location, lat=lat, lon=lon, anaphoric=True, deaths=79)
    return Draft(
        mention=EventMention(told.mention.span, told.fatalities[0].span, "", "", 0.0, True),
        date=DAY, time_precision=1, date_mention=None, location=told.location, actors=(), fatalities=told.fatalities,
    )


def _two_towns() -> list[list[Draft]]:
    return [
        [draft("Attack", start=0, location="Boni", lat=15.05, lon=-1.98)],
        [draft("Attack", start=100, location="Gao", lat=16.27, lon=-0.04)],
    ]


def test_within_article_toll_at_a_town_goes_to_the_event_there_not_the_latest() -> None:
    groups = _two_towns()
    wheres = [g[0].location for g in groups]
    assert toll_target(_toll(200, location="Boni", lat=15.05, lon=-1.98), groups, wheres) == 0
    assert toll_target(_toll(200, location="Gao", lat=16.27, lon=-0.04), groups, wheres) == 1


def test_within_article_toll_at_a_town_with_no_event_belongs_to_none() -> None:
    groups = _two_towns()
    wheres = [g[0].location for g in groups]
    assert toll_target(_toll(200, location="Mopti", lat=14.49, lon=-4.18), groups, wheres) is None


def test_within_article_toll_without_a_town_or_before_the_event_belongs_to_none() -> None:
    groups = _two_towns()
    wheres = [g[0].location for g in groups]
    assert toll_target(_toll(200), groups, wheres) is None  # no town of its own: which event is unsure
    assert toll_target(_toll(-50, location="Gao", lat=16.27, lon=-0.04), groups, wheres) is None


def _killed(start: int, text: str, *, attackers: bool = False) -> Draft:
    """An attack sentence at ``start`` telling the deaths ``text`` ("20 dead", "three jihadists shot dead")."""
    told = draft("Attack", start=start, location="Boni", lat=15.05, lon=-1.98)
    death = FatalityMention(Span(start + 30, start + 30 + len(text), text), 3 if attackers else 20, attackers=attackers)
    return Draft(
        mention=told.mention, date=DAY, time_precision=1, date_mention=None, location=told.location, actors=(),
        fatalities=(death,),
    )


def test_within_article_attackers_shot_dead_after_a_massacre_are_a_fight_of_their_own() -> None:
    # "Gunmen attacked the hotel, at least 20 dead." ... "Three jihadists were shot dead."
    massacre = _killed(0, "at least 20 dead")
    response = _killed(100, "Three jihadists were shot dead", attackers=True)
    assert attackers_killed(response) and not attackers_killed(massacre)
    assert len(merge_drafts([massacre, response])) == 2


def test_within_article_attacker_killed_beside_dead_soldiers_is_the_same_fight() -> None:
    # "Twelve soldiers died." ... "An attacker was also killed."
    soldiers = _killed(0, "Twelve soldiers died")
    attacker = _killed(100, "An attacker was also killed", attackers=True)
    assert len(merge_drafts([soldiers, attacker])) == 1


def test_within_article_attackers_killed_in_a_told_battle_stay_in_it() -> None:
    # "Soldiers fought the assailants in Boni." "Our side: 20 dead." "Their side: 3 dead."
    battle = draft("Armed clash", start=0, location="Boni", lat=15.05, lon=-1.98)
    ours = _killed(100, "20 dead")
    theirs = _killed(200, "Their side: 3 dead", attackers=True)
    assert len(merge_drafts([battle, ours, theirs])) == 1
    assert len(merge_drafts([theirs, ours])) == 2  # told the other way round, still the response


def test_within_article_anaphor_skips_a_past_event_recalled_in_passing() -> None:
    # "Gunmen attacked Boni on Sunday." "The deadliest since the attack on Gao on 31 May last year."
    # "The attack left 52 dead.": the toll is Sunday's attack's, not last year's
    today = draft("Attack", start=0, location="Boni", lat=15.05, lon=-1.98, date=DAY)
    past = draft("Attack", start=100, location="Gao", lat=16.27, lon=-0.04, date=dt.date(2023, 5, 31))
    anaphor = draft("Attack", start=200, anaphoric=True, deaths=52)
    groups = merge_drafts([today, past, anaphor])
    assert [len(g) for g in groups] == [2, 1]
    assert groups[0][1] is anaphor


def test_within_article_kidnapping_that_comes_with_killings_is_an_attack() -> None:
    # "Gunmen killed 12 villagers in Boni." ... "They also kidnapped nine women."
    raid = [draft("Attack", start=0, deaths=12), draft("Abduction/forced disappearance", start=100)]
    assert group_sub_event_type(raid) == "Attack"
    assert group_sub_event_type(list(reversed(raid))) == "Attack"
    # "Gunmen stormed the village." ... "They kidnapped nine women." : no one killed, a kidnapping
    assert group_sub_event_type([draft("Attack", start=0), draft("Abduction/forced disappearance", start=100)]) == (
        "Abduction/forced disappearance"
    )
    # "Soldiers fought the kidnappers, 12 dead." : a fight stays a fight
    fight = [draft("Armed clash", start=0), draft("Abduction/forced disappearance", start=100), _killed(200, "12 dead")]
    assert group_sub_event_type(fight) == "Armed clash"


def test_within_article_site_regained_after_a_kidnapping_raid_is_the_kidnapping() -> None:
    # "Gunmen seized seven workers at the mine." ... "Troops regained control of the site."
    raid = [draft("Abduction/forced disappearance", start=0), draft("Government regains territory", start=100)]
    assert group_sub_event_type(raid) == "Abduction/forced disappearance"
    # "Troops retook the town the rebels had held since May." : a retaking
    assert group_sub_event_type([draft("Government regains territory", start=0)]) == "Government regains territory"
