"""Dependencies shared by the routes: the store, the settings and the event filters.

Routers added beside ours (e.g. ``/alerts``) can use ``StoreDep`` / ``SettingsDep`` /
``FiltersDep`` to get the same store and the same filter parsing. Bad filter values become a
422 whose ``loc`` names the parameter.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError

from harmattan.config import Settings
from harmattan.store.base import EventQuery, EventStore
from harmattan.store.filters import parse_bbox, parse_date_range


def get_store(request: Request) -> EventStore:
    store: EventStore = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[EventStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def invalid(parameter: str, message: str, value: Any) -> RequestValidationError:
    """A 422 naming the query parameter, shaped like FastAPI's own validation errors."""
    return RequestValidationError(
        [{"type": "value_error", "loc": ("query", parameter), "msg": message, "input": value}]
    )


def _text(name: str, value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise invalid(name, "must not contain NUL characters", value)
    return value


def event_filters(
    country: Annotated[str | None, Query(description="Country name, exactly (e.g. `Mali`).")] = None,
    admin1: Annotated[str | None, Query(description="First-level region, exactly (e.g. `Gao`).")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, exactly (e.g. `Battles`).")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type, exactly.")] = None,
    actor: Annotated[
        str | None, Query(description="Case-insensitive part of actor1, actor2 or an associated actor (e.g. `jnim`).")
    ] = None,
    interaction: Annotated[int | None, Query(ge=0, le=99, description="ACLED interaction code (e.g. `17`).")] = None,
    event_date_from: Annotated[dt.date | None, Query(description="First day, YYYY-MM-DD (inclusive).")] = None,
    event_date_to: Annotated[dt.date | None, Query(description="Last day, YYYY-MM-DD (inclusive).")] = None,
    event_date: Annotated[
        str | None,
        Query(description="ACLED form `YYYY-MM-DD|YYYY-MM-DD` (inclusive), or one day; overrides from/to."),
    ] = None,
    bbox: Annotated[
        str | None, Query(description="`minlon,minlat,maxlon,maxlat` in degrees (e.g. `-5,10,5,20`).")
    ] = None,
    q: Annotated[
        str | None, Query(description="Full-text search in notes and evidence: every word must match (prefixes).")
    ] = None,
    updated_since: Annotated[
        dt.datetime | None,
        Query(description="Only events created or changed at or after this ISO datetime (UTC if no offset)."),
    ] = None,
) -> EventQuery:
    """The ACLED-style filters of ``GET /events`` and ``GET /stats``."""
    for name, value in (
        ("country", country),
        ("admin1", admin1),
        ("event_type", event_type),
        ("sub_event_type", sub_event_type),
        ("actor", actor),
        ("q", q),
    ):
        _text(name, value)
    date_from, date_to = event_date_from, event_date_to
    if event_date:
        try:
            date_from, date_to = parse_date_range(event_date)
        except ValueError as exc:
            raise invalid("event_date", str(exc), event_date) from None
    box = None
    if bbox:
        try:
            box = parse_bbox(bbox)
        except ValueError as exc:
            raise invalid("bbox", str(exc), bbox) from None
    if updated_since is not None:
        try:
            updated_since = (
                updated_since.replace(tzinfo=dt.UTC)
                if updated_since.tzinfo is None
                else updated_since.astimezone(dt.UTC)
            )
        except (OverflowError, ValueError):
            raise invalid("updated_since", "datetime out of range", str(updated_since)) from None
    return EventQuery(
        country=country,
        admin1=admin1,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        interaction=interaction,
        date_from=date_from,
        date_to=date_to,
        bbox=box,
        q=q,
        updated_since=updated_since,
    )


FiltersDep = Annotated[EventQuery, Depends(event_filters)]
