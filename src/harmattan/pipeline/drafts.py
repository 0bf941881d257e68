"""Draft events: what one sentence says about its event, before merging within the article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from harmattan.records import ActorMention, DateMention, EventLocation, EventMention, FatalityMention


@dataclass(frozen=True)
class Draft:
    """One event mention with the fields read from its sentence."""

    mention: EventMention
    date: dt.date
    time_precision: int
    date_mention: DateMention | None  # a date stated in the sentence itself
    location: EventLocation
    actors: tuple[ActorMention, ...]
    fatalities: tuple[FatalityMention, ...]
    inherited_date: DateMention | None = None  # the earlier date the sentence continues
