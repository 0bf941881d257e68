"""Trend and alert rules on synthetic weekly series (events we make up here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from harmattan.analysis.alerts import (
    ADMIN1_SURGE,
    COUNTRY_CHANGE,
    LARGE_DECREASE,
    LARGE_INCREASE,
    LIMITED_CHANGE,
    MODERATE_INCREASE,
    NEW_ACTOR,
    NO_BASELINE,
    change_level,
    compute_alerts,
)
from harmattan.analysis.weeks import baseline, count_by_week, relative_change, week_of, weeks_before

MONDAY = dt.date(2024, 6, 3)  # the latest week in most tests


@dataclass(frozen=True)
class Ev:
    event_id_cnty: str
    event_date: str
    country: str = "Mali"
    admin1: str = "Mopti"
    actor1: str = "JNIM"
    actor2: str = "Civilians (Mali)"
    inter1: int = 2
    inter2: int = 7
    fatalities: int = 0


def day(n: int) -> str:
    """The latest week's Monday plus ``n`` days, as event_date."""
    return (MONDAY + dt.timedelta(days=n)).isoformat()


def series(counts_oldest_first: list[int], *, country: str = "Mali", admin1: str = "Mopti") -> list[Ev]:
    """Events with the given weekly counts; the last count is the latest week (MONDAY)."""
    events = []
    n = len(counts_oldest_first)
    for i, count in enumerate(counts_oldest_first):
        week = MONDAY - dt.timedelta(weeks=n - 1 - i)
        for j in range(count):
            date = week + dt.timedelta(days=j % 7)
            events.append(Ev(f"{country[:3]}{admin1[:3]}{i}-{j}", date.isoformat(), country=country, admin1=admin1))
    return events


def only(report_alerts, kind):  # type: ignore[no-untyped-def]
    return [a for a in report_alerts if a.kind == kind]


def test_weeks_week_of_is_the_monday():
    assert week_of(dt.date(2024, 6, 9)) == MONDAY  # a Sunday
    assert week_of(MONDAY) == MONDAY


def test_weeks_weeks_before_excludes_the_week_itself():
    assert weeks_before(MONDAY, 2) == [MONDAY - dt.timedelta(weeks=2), MONDAY - dt.timedelta(weeks=1)]


def test_weeks_baseline_counts_empty_weeks_as_zero():
    counts = count_by_week(series([4, 0, 2, 2, 9]))
    assert baseline(counts, MONDAY, weeks=4) == 2.0


def test_weeks_baseline_never_reaches_before_the_data():
    counts = count_by_week(series([6, 9]))
    first = MONDAY - dt.timedelta(weeks=1)
    assert baseline(counts, MONDAY, weeks=52, first_week=first) == 6.0
    assert baseline(counts, first, weeks=4, first_week=first) is None


@pytest.mark.parametrize(
    ("current", "base", "expected"),
    [
        (0, 0.0, 0.0),
        (3, 0.0, float("inf")),
        (15, 10.0, 0.5),
        (5, None, None),
    ],
)
def test_weeks_relative_change(current, base, expected):
    assert relative_change(current, base) == expected


@pytest.mark.parametrize(
    ("current", "base", "level"),
    [
        (13, 10.0, LARGE_INCREASE),  # +30 %
        (12, 10.0, MODERATE_INCREASE),  # +20 %
        (11, 10.0, MODERATE_INCREASE),  # +10 % is the moderate boundary
        (10, 10.0, LIMITED_CHANGE),
        (8, 10.0, LIMITED_CHANGE),  # -20 %
        (7, 10.0, LARGE_DECREASE),  # -30 %
        (5, 1.0, LIMITED_CHANGE),  # +400 % but a quiet country: <= 2 a week, <= 5 now
        (6, 1.0, LARGE_INCREASE),  # more than 5 this week: the percentage counts again
        (0, 2.0, LIMITED_CHANGE),  # a quiet country going silent is not a large decrease
        (0, 3.0, LARGE_DECREASE),
        (9, None, NO_BASELINE),  # no earlier week to compare with
    ],
)
def test_analysis_change_level_follows_trendfinder_thresholds(current, base, level):
    assert change_level(current, base) == level


def test_analysis_country_change_compares_with_4_and_52_weeks():
    # 48 quiet weeks at 2/week, then 4 weeks at 4/week, then 13 this week.
    events = series([2] * 48 + [4, 4, 4, 4] + [13])
    report = compute_alerts(events)
    (alert,) = only(report.alerts, COUNTRY_CHANGE)
    assert report.as_of == MONDAY + dt.timedelta(days=6)
    assert alert.week == MONDAY
    assert alert.current == 13
    assert alert.baseline_4w == 4.0
    assert alert.baseline_52w == pytest.approx((2 * 48 + 16) / 52)
    assert alert.level == LARGE_INCREASE
    assert alert.level_52w == LARGE_INCREASE
    assert len(alert.event_ids) == 13
    assert "Mali" in alert.message and "large increase" in alert.message


def test_analysis_country_change_large_decrease_when_a_country_goes_quiet():
    events = [*series([10, 10, 10, 10, 0]), Ev("other", day(2), country="Niger", admin1="Tillabéri")]
    report = compute_alerts(events)
    mali = next(a for a in report.alerts if a.kind == COUNTRY_CHANGE and a.country == "Mali")
    assert mali.level == LARGE_DECREASE
    assert mali.current == 0
    assert mali.event_ids == ()


def test_analysis_latest_week_is_the_week_of_the_latest_event_not_the_clock():
    events = series([3, 3, 3, 3, 9])
    report = compute_alerts(events)
    assert report.as_of is not None and week_of(report.as_of) == MONDAY


def test_analysis_as_of_ignores_later_events():
    events = series([3, 3, 3, 3, 9])
    as_of = MONDAY - dt.timedelta(days=1)  # the Sunday before the latest week
    report = compute_alerts(events, as_of=as_of)
    (alert,) = only(report.alerts, COUNTRY_CHANGE)
    assert alert.week == MONDAY - dt.timedelta(weeks=1)
    assert alert.current == 3
    assert all(e.event_date <= as_of.isoformat() for e in events if e.event_id_cnty in alert.event_ids)


def test_analysis_country_filter_keeps_one_country():
    events = series([3, 3, 3, 3, 9]) + series([1, 1, 1, 1, 1], country="Niger", admin1="Tillabéri")
    report = compute_alerts(events, country="Niger")
    assert {a.country for a in report.alerts} == {"Niger"}


@pytest.mark.parametrize(
    ("counts", "surges"),
    [
        ([2, 2, 2, 2, 4], True),  # exactly +100 %
        ([2, 2, 2, 2, 3], False),  # +50 %
        ([0, 0, 0, 0, 3], True),  # from nothing to three events
        ([0, 0, 0, 0, 2], False),  # two events after a quiet month are no surge
        ([4, 4, 4, 4, 8], True),
    ],
)
def test_analysis_admin1_surge_needs_a_doubling(counts, surges):
    events = series(counts) + series([5, 5, 5, 5, 5], admin1="Gao")
    alerts = only(compute_alerts(events).alerts, ADMIN1_SURGE)
    assert [a.admin1 for a in alerts] == (["Mopti"] if surges else [])
    if surges:
        assert alerts[0].current == counts[-1]
        assert len(alerts[0].event_ids) == counts[-1]


def test_analysis_new_actor_in_admin1_is_flagged_with_its_events():
    events = [
        *series([2, 2, 2, 2, 2]),
        Ev("new-1", day(1), actor1="Dozo militia", inter1=4),
        Ev("new-2", day(3), actor1="Dozo militia", inter1=4),
    ]
    alerts = only(compute_alerts(events).alerts, NEW_ACTOR)
    assert [(a.actor, a.admin1, a.event_ids) for a in alerts] == [("Dozo militia", "Mopti", ("new-1", "new-2"))]


def test_analysis_new_actor_ignores_known_actors_and_civilians():
    # JNIM has been in Mopti all along; civilians are targets, not new actors.
    events = series([2, 2, 2, 2, 2])
    assert only(compute_alerts(events).alerts, NEW_ACTOR) == []


def test_analysis_new_actor_in_a_new_admin1_for_a_known_actor():
    events = [*series([2, 2, 2, 2, 2]), Ev("gao-1", day(2), admin1="Gao")]
    alerts = only(compute_alerts(events).alerts, NEW_ACTOR)
    assert [(a.actor, a.admin1) for a in alerts] == [("JNIM", "Gao")]


def test_analysis_new_actor_needs_history_before_the_latest_week():
    events = series([4])  # the data starts this week: nothing can be called new
    assert only(compute_alerts(events).alerts, NEW_ACTOR) == []


def test_analysis_alerts_are_ordered_most_urgent_first():
    events = series([2, 2, 2, 2, 9]) + series([5, 5, 5, 5, 5], country="Niger", admin1="Tillabéri")
    levels = [a.level for a in compute_alerts(events).alerts]
    assert levels[0] == "surge"
    assert levels[-1] == LIMITED_CHANGE


def test_analysis_report_as_dict_is_json_ready():
    import json

    events = series([0, 0, 0, 0, 6])
    payload = compute_alerts(events, as_of=MONDAY + dt.timedelta(days=6)).as_dict()
    text = json.dumps(payload, allow_nan=False)  # an infinite change must not leak into JSON
    assert payload["as_of"] == "2024-06-09"
    assert payload["week"] == "2024-06-03"
    keys = {"kind", "level", "country", "admin1", "actor", "week", "current", "baseline_4w", "baseline_52w"}
    keys |= {"message", "event_ids"}
    assert all(keys <= set(a) for a in payload["alerts"])
    assert "Infinity" not in text


def test_analysis_no_events_no_alerts():
    report = compute_alerts([])
    assert report.as_of is None and report.alerts == ()
    assert report.as_dict() == {"as_of": None, "week": None, "alerts": []}
