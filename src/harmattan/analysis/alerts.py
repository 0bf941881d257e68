"""Trend signals and alerts in the manner of ACLED's Trendfinder, computed on our own events.

Three rules, all pure functions of an event list and an as-of date:

- **country change level**: the latest week's event count against the average of the previous
  4 weeks and of the previous 52 weeks. Relative change > +25 % is a large increase, +10..25 %
  a moderate increase, -25..+10 % limited change, < -25 % a large decrease. A country averaging
  <= 2 events a week with <= 5 in the latest week is limited change whatever the percentage.
  ``level`` follows the 4-week comparison; ``level_52w`` the 52-week one.
- **admin1 surge**: the latest week is >= 100 % above the previous 4 weeks' weekly average
  (and has at least ``surge_min_events`` events, so one event after a quiet month is no surge).
- **new actor**: an actor's first event in an admin1 falls in the latest week, and the data
  reaches back before that week (with no history, nothing can be new).

"Latest week" is the week of ``as_of``, which defaults to the most recent event, never the wall
clock. Each alert carries the ids of its evidence events. This module must not read the store:
callers hand it events (see ``harmattan.analysis.source``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from harmattan.analysis.weeks import EventLike, baseline, count_by_week, event_day, relative_change, week_of

COUNTRY_CHANGE = "country_change"
ADMIN1_SURGE = "admin1_surge"
NEW_ACTOR = "new_actor"

LARGE_INCREASE = "large increase"
MODERATE_INCREASE = "moderate increase"
LIMITED_CHANGE = "limited change"
LARGE_DECREASE = "large decrease"
NO_BASELINE = "no baseline"
SURGE = "surge"
NEW = "new actor"

#: Most urgent first; used to order alerts.
SEVERITY: tuple[str, ...] = (
    SURGE, LARGE_INCREASE, NEW, MODERATE_INCREASE, LARGE_DECREASE, NO_BASELINE, LIMITED_CHANGE,
)

#: ACLED inter code 7 (civilians) is a target, not an actor that "appears" somewhere.
CIVILIANS = 7


@dataclass(frozen=True)
class Alert:
    """One signal about one place (and actor), with the events that raised it."""

    kind: str
    level: str
    country: str
    week: dt.date
    current: int
    message: str
    event_ids: tuple[str, ...]
    admin1: str = ""
    actor: str = ""
    baseline_4w: float | None = None
    baseline_52w: float | None = None
    change_4w: float | None = None
    change_52w: float | None = None
    level_52w: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as YYYY-MM-DD, an infinite change (from zero) as null."""
        return {
            "kind": self.kind,
            "level": self.level,
            "country": self.country,
            "admin1": self.admin1,
            "actor": self.actor,
            "week": self.week.isoformat(),
            "current": self.current,
            "baseline_4w": _rounded(self.baseline_4w),
            "baseline_52w": _rounded(self.baseline_52w),
            "change_4w": _rounded(self.change_4w),
            "change_52w": _rounded(self.change_52w),
            "level_52w": self.level_52w,
            "message": self.message,
            "event_ids": list(self.event_ids),
        }


@dataclass(frozen=True)
class AlertReport:
    """Every alert as of one date. ``as_of`` is None when there were no events at all."""

    as_of: dt.date | None
    alerts: tuple[Alert, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "week": week_of(self.as_of).isoformat() if self.as_of else None,
            "alerts": [a.as_dict() for a in self.alerts],
        }


def _rounded(value: float | None) -> float | None:
    if value is None or math.isinf(value):
        return None
    return round(value, 3)


def change_level(current: int, base: float | None) -> str:
    """Trendfinder's change level of ``current`` against a weekly average ``base``."""
    if (base or 0.0) <= 2 and current <= 5:
        return LIMITED_CHANGE  # too little activity for a percentage to mean anything
    change = relative_change(current, base)
    if change is None:
        return NO_BASELINE
    if change > 0.25:
        return LARGE_INCREASE
    if change >= 0.10:
        return MODERATE_INCREASE
    if change >= -0.25:
        return LIMITED_CHANGE
    return LARGE_DECREASE


def _percent(change: float | None) -> str:
    if change is None:
        return "no earlier data"
    if math.isinf(change):
        return "from none"
    return f"{change:+.0%}"


def _events(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


def _ids(events: Iterable[EventLike]) -> tuple[str, ...]:
    return tuple(e.event_id_cnty for e in sorted(events, key=lambda e: (str(e.event_date), e.event_id_cnty)))


def country_change_alerts(
    events: Sequence[EventLike], *, week: dt.date, first_week: dt.date
) -> list[Alert]:
    """One change-level alert per country active in the latest week or the year before it."""
    year_start = week - dt.timedelta(weeks=52)
    by_country: dict[str, list[EventLike]] = {}
    for event in events:
        if event.country and event_day(event) >= year_start:
            by_country.setdefault(event.country, []).append(event)
    alerts = []
    for country, country_events in by_country.items():
        series = count_by_week(country_events)
        current_events = [e for e in country_events if week_of(event_day(e)) == week]
        current = len(current_events)
        b4 = baseline(series, week, weeks=4, first_week=first_week)
        b52 = baseline(series, week, weeks=52, first_week=first_week)
        level, level52 = change_level(current, b4), change_level(current, b52)
        c4, c52 = relative_change(current, b4), relative_change(current, b52)
        message = f"{country}: {level} — {_events(current)} in the week of {week.isoformat()}"
        if b4 is not None and b52 is not None:
            message += (
                f" vs {b4:.1f}/week over the previous 4 weeks ({_percent(c4)})"
                f" and {b52:.1f}/week over the previous 52 weeks ({_percent(c52)}, {level52})"
            )
        alerts.append(Alert(
            kind=COUNTRY_CHANGE, level=level, country=country, week=week, current=current,
            baseline_4w=b4, baseline_52w=b52, change_4w=c4, change_52w=c52, level_52w=level52,
            message=message, event_ids=_ids(current_events),
        ))
    return alerts


def admin1_surge_alerts(
    events: Sequence[EventLike], *, week: dt.date, first_week: dt.date, min_events: int = 3
) -> list[Alert]:
    """Admin1 areas whose latest week is at least double the previous 4 weeks' average."""
    by_area: dict[tuple[str, str], list[EventLike]] = {}
    for event in events:
        if event.admin1:
            by_area.setdefault((event.country, event.admin1), []).append(event)
    alerts = []
    for (country, admin1), area_events in by_area.items():
        current_events = [e for e in area_events if week_of(event_day(e)) == week]
        current = len(current_events)
        b4 = baseline(count_by_week(area_events), week, weeks=4, first_week=first_week)
        change = relative_change(current, b4)
        if current < min_events or change is None or change < 1.0:
            continue
        alerts.append(Alert(
            kind=ADMIN1_SURGE, level=SURGE, country=country, admin1=admin1, week=week, current=current,
            baseline_4w=b4, change_4w=change,
            message=(
                f"{admin1} ({country}): surge — {_events(current)} in the week of {week.isoformat()} "
                f"vs {b4:.1f}/week over the previous 4 weeks ({_percent(change)})"
            ),
            event_ids=_ids(current_events),
        ))
    return alerts


def new_actor_alerts(
    events: Sequence[EventLike], *, week: dt.date, first_week: dt.date,
    exclude_inters: tuple[int, ...] = (CIVILIANS,),
) -> list[Alert]:
    """Actors whose first event in an admin1 falls in the latest week."""
    if first_week >= week:
        return []  # no history before the latest week: every actor would look new
    first_seen: dict[tuple[str, str, str], dt.date] = {}
    this_week: dict[tuple[str, str, str], list[EventLike]] = {}
    for event in events:
        if not event.admin1:
            continue
        day = event_day(event)
        for actor, inter in ((event.actor1, event.inter1), (event.actor2, event.inter2)):
            if not actor or inter in exclude_inters:
                continue
            key = (event.country, event.admin1, actor)
            first_seen[key] = min(day, first_seen.get(key, day))
            if week_of(day) == week:
                this_week.setdefault(key, []).append(event)
    alerts = []
    for key, actor_events in this_week.items():
        if first_seen[key] < week:
            continue
        country, admin1, actor = key
        alerts.append(Alert(
            kind=NEW_ACTOR, level=NEW, country=country, admin1=admin1, actor=actor, week=week,
            current=len(actor_events),
            message=(
                f"{actor}: first activity recorded in {admin1} ({country}) — "
                f"{_events(len(actor_events))} in the week of {week.isoformat()}"
            ),
            event_ids=_ids(actor_events),
        ))
    return alerts


def compute_alerts(
    events: Iterable[EventLike],
    *,
    as_of: dt.date | None = None,
    country: str | None = None,
    history_start: dt.date | None = None,
    surge_min_events: int = 3,
) -> AlertReport:
    """Every alert for the week of ``as_of`` (default: the most recent event's date).

    Events after ``as_of`` are ignored. ``history_start`` is the first date the data covers
    (default: the earliest event given); baselines never reach before it.
    """
    selected = [e for e in events if country is None or e.country == country]
    if as_of is None:
        if not selected:
            return AlertReport(as_of=None)
        as_of = max(event_day(e) for e in selected)
    selected = [e for e in selected if event_day(e) <= as_of]
    if not selected:
        return AlertReport(as_of=as_of)
    week = week_of(as_of)
    first_week = week_of(history_start or min(event_day(e) for e in selected))
    alerts = [
        *country_change_alerts(selected, week=week, first_week=first_week),
        *admin1_surge_alerts(selected, week=week, first_week=first_week, min_events=surge_min_events),
        *new_actor_alerts(selected, week=week, first_week=first_week),
    ]
    alerts.sort(key=lambda a: (SEVERITY.index(a.level), -a.current, a.country, a.admin1, a.actor))
    return AlertReport(as_of=as_of, alerts=tuple(alerts))
