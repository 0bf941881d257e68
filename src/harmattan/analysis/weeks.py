"""Weekly series: the calendar arithmetic every trend signal shares.

A week is named by its Monday (ISO week start) as ``datetime.date``. This module owns weeks and
counting events into them; it must not know about alerts, stores or the API.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol


class EventLike(Protocol):
    """The event fields trend signals read; ``EventRecord`` and the API's rows both fit."""

    @property
    def event_id_cnty(self) -> str: ...
    @property
    def event_date(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def admin1(self) -> str: ...
    @property
    def actor1(self) -> str: ...
    @property
    def actor2(self) -> str: ...
    @property
    def inter1(self) -> int: ...
    @property
    def inter2(self) -> int: ...
    @property
    def fatalities(self) -> int: ...


def week_of(day: dt.date) -> dt.date:
    """The Monday of the week that contains ``day``."""
    return day - dt.timedelta(days=day.weekday())


def event_day(event: EventLike) -> dt.date:
    """An event's date (ACLED's ``event_date`` is YYYY-MM-DD)."""
    return dt.date.fromisoformat(str(event.event_date)[:10])


def weeks_before(week: dt.date, count: int) -> list[dt.date]:
    """The ``count`` weeks before ``week``, oldest first (``week`` itself excluded)."""
    return [week - dt.timedelta(weeks=n) for n in range(count, 0, -1)]


def count_by_week(events: Iterable[EventLike]) -> Counter[dt.date]:
    """How many events fall in each week."""
    return Counter(week_of(event_day(e)) for e in events)


def baseline(series: Counter[dt.date], week: dt.date, *, weeks: int, first_week: dt.date | None = None) -> float | None:
    """Average weekly count over the ``weeks`` weeks before ``week``.

    Weeks before ``first_week`` (the first week any data exists for) are not counted: a store
    that began three weeks ago has a three-week baseline, not a 52-week one padded with zeros.
    None when no earlier week is observed at all.
    """
    window: Sequence[dt.date] = weeks_before(week, weeks)
    if first_week is not None:
        window = [w for w in window if w >= first_week]
    if not window:
        return None
    return sum(series.get(w, 0) for w in window) / len(window)


def relative_change(current: float, base: float | None) -> float | None:
    """(current - base) / base; +inf when activity starts from zero; None without a baseline."""
    if base is None:
        return None
    if base == 0:
        return 0.0 if current == 0 else float("inf")
    return (current - base) / base
