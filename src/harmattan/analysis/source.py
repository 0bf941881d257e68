"""Fetch the events alerts need through the store's query methods (never SQL), then compute.

Alerts look at the latest week and the 52 weeks before it, so only that window is read; an
actor's "first" appearance in an admin1 therefore means its first within that year.
"""

from __future__ import annotations

import datetime as dt

from harmattan.analysis.alerts import AlertReport, compute_alerts
from harmattan.analysis.weeks import event_day, week_of
from harmattan.store.base import EventQuery, EventStore


def alerts_from_store(
    store: EventStore, *, as_of: dt.date | None = None, country: str | None = None
) -> AlertReport:
    """Alerts for the week of ``as_of`` (default: the store's most recent event)."""
    if as_of is None:
        latest = store.query_events(EventQuery(country=country, sort="-event_date", limit=1)).events
        if not latest:
            return AlertReport(as_of=None)
        as_of = event_day(latest[0])
    earliest = store.query_events(EventQuery(sort="event_date", limit=1)).events
    history_start = event_day(earliest[0]) if earliest else None
    window_start = week_of(as_of) - dt.timedelta(weeks=52)
    events = list(store.iter_events(EventQuery(country=country, date_from=window_start, date_to=as_of)))
    return compute_alerts(events, as_of=as_of, country=country, history_start=history_start)
