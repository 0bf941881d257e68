"""The read-only REST routes over the EventStore. Routes parse, call one store method, shape.

They never build SQL: every query goes through ``EventStore`` methods.
"""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Response

from harmattan.api.deps import FiltersDep, StoreDep
from harmattan.api.schemas import (
    ArticleOut,
    EventDetailOut,
    EventListOut,
    EventOut,
    FiltersOut,
    HealthOut,
    StatsOut,
)
from harmattan.export import iter_geojson
from harmattan.output import write_csv
from harmattan.store.base import MAX_LIMIT, Sort

router = APIRouter()

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown id", "content": {"application/json": {"example": {"detail": "..."}}}}
}


@router.get(
    "/events",
    response_model=EventListOut,
    tags=["events"],
    responses={
        200: {
            "description": "JSON page (default); `format=csv`: ACLED column order; "
            "`format=geojson`: FeatureCollection of Points (events without coordinates omitted).",
            "content": {"text/csv": {}, "application/geo+json": {}},
        }
    },
)
def list_events(
    store: StoreDep,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (max 5000).")] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9, description="Events to skip.")] = 0,
    sort: Annotated[Sort, Query(description="Order; `-` means descending.")] = "-event_date",
    format: Annotated[Literal["json", "csv", "geojson"], Query(description="Response format.")] = "json",
) -> EventListOut | Response:
    """Events matching ACLED-style filters, one page at a time.

    Example: ``GET /events?country=Mali&event_date=2024-01-01|2024-03-31&actor=jnim&limit=50``
    """
    query = dataclasses.replace(filters, limit=limit, offset=offset, sort=sort)
    page = store.query_events(query)
    if format == "csv":
        buffer = io.StringIO(newline="")
        write_csv(page.events, buffer)
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8")
    if format == "geojson":
        return Response("".join(iter_geojson(page.events)), media_type="application/geo+json")
    return EventListOut(
        total=page.total, limit=limit, offset=offset, events=[EventOut.from_record(e) for e in page.events]
    )


@router.get("/events/{event_id}", response_model=EventDetailOut, tags=["events"], responses=NOT_FOUND)
def get_event(store: StoreDep, event_id: str) -> EventDetailOut:
    """One event with its evidence spans and the reports (articles) behind it."""
    detail = store.get_event(event_id) if "\x00" not in event_id else None
    if detail is None:
        raise HTTPException(404, detail=f"no event {event_id!r}")
    return EventDetailOut.from_detail(detail)


@router.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"], responses=NOT_FOUND)
def get_article(store: StoreDep, article_id: str) -> ArticleOut:
    """One stored article; ``text`` is the cleaned text that evidence offsets point into."""
    article = store.get_article(article_id) if "\x00" not in article_id else None
    if article is None:
        raise HTTPException(404, detail=f"no article {article_id!r}")
    return ArticleOut.from_article(article)


@router.get("/stats", response_model=StatsOut, tags=["events"])
def get_stats(store: StoreDep, filters: FiltersDep) -> StatsOut:
    """Counts and fatalities of the matching events by week (Monday) and type, type, admin1 and actor.

    Example: ``GET /stats?country=Burkina%20Faso&event_date_from=2024-01-01``
    """
    return StatsOut.from_stats(store.stats(filters))


@router.get("/filters", response_model=FiltersOut, tags=["events"])
def get_filters(store: StoreDep) -> FiltersOut:
    """Distinct values for the dashboard's dropdowns (top 200 actors)."""
    return FiltersOut.from_values(store.filter_values())


@router.get("/health", response_model=HealthOut, tags=["meta"], responses={503: {"description": "Store unavailable"}})
def health(store: StoreDep) -> HealthOut | Response:
    """``ok`` when the store answers."""
    backend = getattr(getattr(store, "dialect", None), "name", "unknown")
    if not store.ping():
        body = json.dumps({"status": "unavailable", "store": backend})
        return Response(body, status_code=503, media_type="application/json")
    return HealthOut(status="ok", store=backend)
