"""Small factories for tests of Harmattan and of code built on it (no pytest dependency).

Like the in-memory fakes (``InMemoryGazetteer``), these live in the package so that every
test module imports them the same way: ``from harmattan.testing import make_article``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from harmattan.records import Article, EventRecord, Evidence


def make_article(text: str, *, date: str = "2024-03-11", language: str | None = "en", id: str = "t1") -> Article:
    """An Article as ingest would build it (text already clean)."""
    return Article(id=id, text=text, date=dt.date.fromisoformat(date), language=language)


def make_event(event_id: str, article_id: str, **fields: Any) -> EventRecord:
    """A coded EventRecord with plausible defaults; ``fields`` override any column."""
    date = str(fields.pop("event_date", "2024-03-11"))
    values: dict[str, Any] = {
        "event_id_cnty": event_id, "event_date": date, "year": int(date[:4]), "time_precision": 1,
        "disorder_type": "Political violence", "event_type": "Violence against civilians",
        "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Mali)", "assoc_actor_1": "", "inter1": 3,
        "actor2": "Civilians (Mali)", "assoc_actor_2": "", "inter2": 7, "interaction": 37,
        "civilian_targeting": "Civilian targeting", "iso": 466, "region": "Western Africa", "country": "Mali",
        "admin1": "Gao", "admin2": "Ansongo", "admin3": "", "location": "Ansongo", "latitude": 15.66,
        "longitude": 0.50, "geo_precision": 1, "source": "Test Wire", "source_scale": "", "notes": "",
        "fatalities": 0, "tags": "", "timestamp": 1710115200, "article_ids": (article_id,),
        "evidence": (Evidence(article_id, "event_type", 0, 8, "attacked"),), "confidence": 0.8, "language": "en",
    }
    values.update(fields)
    return EventRecord(**values)
