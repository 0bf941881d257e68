"""``GET /alerts``: Trendfinder-style alerts for the latest week, computed from the store.

The route only parses parameters and calls ``harmattan.analysis.source.alerts_from_store``;
the rules live in ``harmattan.analysis.alerts``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from harmattan.analysis.source import alerts_from_store
from harmattan.store.base import EventStore


class AlertOut(BaseModel):
    """One alert and the ids of the events behind it."""

    kind: str = Field(description="country_change | admin1_surge | new_actor")
    level: str = Field(description="large increase | moderate increase | limited change | large decrease | "
                                   "no baseline | surge | new actor")
    country: str
    admin1: str = ""
    actor: str = ""
    week: dt.date = Field(description="Monday of the latest week")
    current: int = Field(description="events in the latest week")
    baseline_4w: float | None = Field(description="weekly average over the previous 4 weeks")
    baseline_52w: float | None = Field(description="weekly average over the previous 52 weeks")
    change_4w: float | None = Field(default=None, description="relative change vs baseline_4w; null from zero")
    change_52w: float | None = Field(default=None, description="relative change vs baseline_52w; null from zero")
    level_52w: str = Field(default="", description="country change level against the 52-week baseline")
    message: str
    event_ids: list[str]


class AlertsOut(BaseModel):
    as_of: dt.date | None = Field(description="the date alerts were computed for (latest event by default)")
    week: dt.date | None = Field(default=None, description="Monday of the week of as_of")
    alerts: list[AlertOut]


def alerts_router(store: EventStore) -> APIRouter:
    """The ``/alerts`` route over ``store``; ``create_app`` includes it."""
    router = APIRouter(tags=["alerts"])

    @router.get("/alerts", response_model=AlertsOut)
    def get_alerts(
        as_of: Annotated[dt.date | None, Query(description="YYYY-MM-DD; default: the most recent event")] = None,
        country: Annotated[str | None, Query(description="only this country")] = None,
    ) -> AlertsOut:
        """Country change levels, admin1 surges and new actors for the week of ``as_of``.

        Example: ``GET /alerts?country=Mali&as_of=2024-06-09``
        """
        report = alerts_from_store(store, as_of=as_of, country=country or None)
        return AlertsOut.model_validate(report.as_dict())

    return router
