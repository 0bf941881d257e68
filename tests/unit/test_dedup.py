"""Report -> event merging: the pairwise rule, clustering, the merged record, incremental use."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from harmattan.dedup import MergeResult, compare_reports, merge_all, merge_reports
from harmattan.records import EventRecord, Evidence
from harmattan.testing import make_event


def report(article: str, **fields: Any) -> EventRecord:
    """A report of a JNIM attack on the army near Boni, Mali, unless fields say otherwise."""
    base: dict[str, Any] = dict(
        event_date="2024-03-09",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="JNIM: Group for Support of Islam and Muslims",
        inter1=2,
        actor2="Military Forces of Mali",
        inter2=1,
        interaction=12,
        civilian_targeting="",
        admin1="Mopti",
        admin2="Douentza",
        location="Boni",
        latitude=15.05,
        longitude=-1.93,
        source="Example Wire",
        source_scale="International",
        notes="JNIM fighters attacked an army post near Boni, killing 12 soldiers.",
        fatalities=12,
        timestamp=0,
        evidence=(
            Evidence(article, "event_type", 0, 8, "attacked"),
            Evidence(article, "event_date", 40, 48, "Saturday"),
        ),
        confidence=0.5,
    )
    base.update(fields)
    return make_event(f"{article}-1", article, **base)


FRENCH = dict(
    notes="Des hommes armés du JNIM ont attaqué un poste de l'armée près de Boni, tuant 12 soldats.",
    language="fr",
    source="Agence Exemple",
    actor1="Unidentified Armed Group (Mali)",
    inter1=3,
)


def test_dedup_merges_an_english_and_a_french_report_of_one_attack() -> None:
    events = merge_all([report("en-1"), report("fr-1", event_date="2024-03-10", **FRENCH)])
    assert len(events) == 1
    merged = events[0]
    assert merged.article_ids == ("en-1", "fr-1")
    assert merged.source == "Example Wire; Agence Exemple"
    assert merged.actor1.startswith("JNIM")
    assert merged.notes.endswith("Merged from 2 reports.")
    assert merged.confidence > 0.5
    assert len(merged.evidence) == 4
    assert any(r.startswith("close dates (2024-03-09 vs 2024-03-10, 1 day)") for r in merged.merge_reasons)
    assert "same sub-event type" in merged.merge_reasons


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (dict(event_date="2024-03-14"), "five days apart with day precision"),
        (dict(country="Niger", admin1="Tillaberi"), "another country"),
        (dict(latitude=14.0, longitude=-1.0, location="Djibo", admin1="Mopti"), "about 150 km away"),
        (dict(event_type="Protests", sub_event_type="Peaceful protest"), "incompatible event type"),
        (
            dict(actor1="Islamic State (Sahel)", inter1=2, fatalities=4, notes="IS Sahel claimed a raid on soldiers."),
            "another named armed group",
        ),
    ],
)
def test_dedup_keeps_reports_apart_when_a_rule_says_they_differ(change: dict[str, Any], why: str) -> None:
    assert len(merge_all([report("a"), report("b", **change)])) == 2, why


def test_dedup_widens_the_date_window_for_month_precision() -> None:
    events = merge_all([report("a"), report("b", event_date="2024-03-20", time_precision=3)])
    assert len(events) == 1


def test_dedup_accepts_soldiers_in_one_report_and_civilians_in_another() -> None:
    civilians = report(
        "b", event_type="Violence against civilians", sub_event_type="Attack",
        actor2="Civilians (Mali)", inter2=7,
    )
    match = compare_reports(report("a"), civilians)
    assert match is not None and match.same_event
    assert any(r.startswith("compatible event types") for r in match.reasons)


def test_dedup_never_merges_two_events_of_the_same_article() -> None:
    first = report("a")
    second = report("a", event_id_cnty="a-2", event_date="2024-03-10")
    assert len(merge_all([first, second, report("b")])) == 2


def test_dedup_takes_the_most_conservative_fatality_figure_and_keeps_the_range() -> None:
    merged = merge_all([report("a", fatalities=20), report("b", fatalities=12), report("c", fatalities=0)])
    assert len(merged) == 1
    assert (merged[0].fatalities, merged[0].fatalities_low, merged[0].fatalities_high) == (12, 12, 20)
    assert merged[0].notes.endswith("Merged from 3 reports.")


def test_dedup_joins_each_report_to_the_event_it_matches_best() -> None:
    boni = report("a")
    hombori = report("b", location="Hombori", latitude=15.28, longitude=-1.70, fatalities=3, event_id_cnty="b-1",
                     notes="An army convoy was ambushed near Hombori.")
    newcomer = report("c", location="Hombori", latitude=15.28, longitude=-1.70, fatalities=3,
                      notes="Army convoy ambushed near Hombori, three soldiers dead.")
    events = merge_all([boni, hombori, newcomer])
    groups = sorted(e.article_ids for e in events)
    assert ("b", "c") in groups or ("c", "b") in groups


def test_dedup_merges_new_reports_into_an_existing_event_and_keeps_its_id() -> None:
    existing = merge_all([report("a", event_id_cnty="MLI100"), report("b", event_id_cnty="MLI101")])
    assert [e.event_id_cnty for e in existing] == ["MLI100"]
    result = merge_reports([report("c", event_id_cnty="zzz")], existing)
    assert isinstance(result, MergeResult)
    assert result.replaced == ()
    assert [e.event_id_cnty for e in result.events] == ["MLI100"]
    assert result.events[0].article_ids == ("a", "b", "c")
    assert result.events[0].notes.endswith("Merged from 3 reports.")
    assert result.events[0].notes.count("Merged from") == 1


def test_dedup_reports_existing_events_absorbed_by_a_bridging_report() -> None:
    early = report("a", event_id_cnty="MLI200", event_date="2024-03-08")
    late = report("b", event_id_cnty="MLI201", event_date="2024-03-10")
    result = merge_reports([report("c", event_date="2024-03-09")], [early, late])
    assert [e.event_id_cnty for e in result.events] == ["MLI200"]
    assert result.replaced == ("MLI201",)


def test_dedup_returns_unmatched_new_reports_and_not_untouched_existing_events() -> None:
    elsewhere = report("x", country="Niger", admin1="Tillaberi", event_id_cnty="NER1")
    result = merge_reports([report("c")], [elsewhere])
    assert [e.article_ids for e in result.events] == [("c",)]
    assert result.replaced == ()


def test_dedup_treats_a_generic_armed_group_as_compatible_with_a_named_one() -> None:
    match = compare_reports(report("a"), report("b", actor1="Unidentified Armed Group (Mali)", inter1=3))
    assert match is not None and match.same_event


def test_dedup_leaves_a_single_report_unchanged() -> None:
    single = report("a")
    assert merge_all([single]) == [single]
    assert dataclasses.asdict(merge_all([single])[0]) == dataclasses.asdict(single)


def undated(article: str, **fields: Any) -> EventRecord:
    """A report whose text gave no date (its event_date is the publication date)."""
    record = report(article, **fields)
    return dataclasses.replace(record, evidence=tuple(e for e in record.evidence if e.field != "event_date"))


def test_dedup_joins_an_undated_follow_up_to_the_earlier_event_at_the_same_place() -> None:
    match = compare_reports(report("a"), undated("b", event_date="2024-03-29"))
    assert match is not None and match.same_event
    assert "undated report published 20 days after (2024-03-29)" in match.reasons


def test_dedup_joins_an_undated_inquiry_published_weeks_after_the_event() -> None:
    match = compare_reports(report("a"), undated("b", event_date="2024-04-28"))
    assert match is not None and match.same_event
    assert "undated report published 50 days after (2024-04-28)" in match.reasons


@pytest.mark.parametrize(
    ("later", "why"),
    [
        (report("b", event_date="2024-03-29"), "the later report gave its own date"),
        (undated("b", event_date="2024-05-20"), "more than two months later"),
        (undated("b", event_date="2024-03-29", location="Dalla", latitude=15.20, longitude=-1.90), "another place"),
        (undated("b", event_date="2024-03-29", event_type="Violence against civilians", sub_event_type="Attack"),
         "another sub-event type"),
    ],
)
def test_dedup_keeps_a_late_report_apart_unless_undated_at_the_same_place(later: EventRecord, why: str) -> None:
    assert compare_reports(report("a"), later) is None, why


def test_dedup_joins_clusters_when_an_article_told_one_event_twice() -> None:
    clash = report("a", event_id_cnty="a-1")
    retold = report("a", event_id_cnty="a-2", event_type="Violence against civilians", sub_event_type="Attack",
                    actor2="Civilians (Mali)", inter2=7, notes="Civilians were killed in the attack on Boni.")
    other_clash = report("b", notes="Soldiers clashed with JNIM near Boni; 12 soldiers killed.")
    other_attack = report("c", event_type="Violence against civilians", sub_event_type="Attack",
                          actor2="Civilians (Mali)", inter2=7, notes="Civilians were killed in the attack on Boni.")
    events = merge_all([clash, retold, other_clash, other_attack])
    assert [sorted(e.article_ids) for e in events] == [["a", "b", "c"]]
    assert any(r.startswith("one event told twice by a: same day, same place (Boni)") for r in events[0].merge_reasons)


def test_dedup_keeps_two_villages_of_one_article_apart() -> None:
    village = dict(location="Dalla", latitude=15.12, longitude=-1.90)
    events = merge_all([
        report("a", event_id_cnty="a-1"),
        report("a", event_id_cnty="a-2", **village),
        report("b"),
        report("c", **village),
    ])
    assert sorted(sorted(e.article_ids) for e in events) == [["a", "b"], ["a", "c"]]


CHAD = dict(country="Chad", admin1="Lac", location="Ngouboua", latitude=13.35, longitude=14.19, iso=148,
            actor1="Boko Haram: Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", actor2="Military Forces of Chad")


def test_dedup_doubts_a_country_that_none_of_the_state_forces_belong_to() -> None:
    misplaced = report("b", **{**CHAD, "country": "Mauritania", "admin1": "", "location": "Nouakchott",
                               "latitude": 18.08, "longitude": -15.98})
    events = merge_all([report("a", **CHAD), misplaced])
    assert len(events) == 1
    assert any(r.startswith("place of one report doubtful (Nouakchott, Mauritania)") for r in events[0].merge_reasons)


@pytest.mark.parametrize("actor2", ["Military Forces of Mauritania", "Civilians (Chad)"])
def test_dedup_keeps_reports_in_two_countries_apart_when_the_actors_agree_with_their_place(actor2: str) -> None:
    other = report("b", **{**CHAD, "country": "Mauritania", "admin1": "", "location": "Nouakchott",
                           "latitude": 18.08, "longitude": -15.98, "actor2": actor2})
    assert len(merge_all([report("a", **CHAD), other])) == 2


def test_dedup_leaves_a_clearly_partial_toll_out_of_the_conservative_figure() -> None:
    merged = merge_all([report("a", fatalities=3), report("b", fatalities=40), report("c", fatalities=45)])
    assert len(merged) == 1
    assert (merged[0].fatalities, merged[0].fatalities_low, merged[0].fatalities_high) == (40, 3, 45)


def test_dedup_takes_one_town_name_in_one_admin1_as_one_place_whatever_its_coordinates() -> None:
    homonym = report("b", location="Boni", latitude=14.40, longitude=-2.60, notes="Soldiers killed near Boni.")
    match = compare_reports(report("a"), homonym)
    assert match is not None and match.same_event
    assert any(r.startswith("same place name (Boni), located") for r in match.reasons)
    assert len(merge_all([report("a"), homonym])) == 1


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (dict(location="Boni", admin1="Tombouctou", latitude=16.5, longitude=-3.0), "a namesake in another admin1"),
        (dict(location="Douentza", latitude=14.40, longitude=-2.60), "another town of the same admin1"),
    ],
)
def test_dedup_keeps_far_reports_apart_unless_one_town_in_one_admin1(change: dict[str, Any], why: str) -> None:
    assert compare_reports(report("a"), report("b", **change)) is None, why


def test_dedup_keeps_the_point_most_reports_give_for_one_town_name() -> None:
    namesake = dict(latitude=14.40, longitude=-2.60, notes="Soldiers killed near Boni.")
    reports = [report("a", **namesake, confidence=0.9), report("b"), report("c", fatalities=11)]
    merged = merge_all(reports)
    assert len(merged) == 1
    assert merged[0].notes.startswith("Soldiers killed near Boni.")  # the kept report is a's...
    assert (merged[0].latitude, merged[0].longitude) == (15.05, -1.93)  # ...with the point b and c agree on
