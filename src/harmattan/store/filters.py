"""Parse the text forms of query filters (``bbox=...``, ``event_date=A|B``) shared by API and CLI.

Each parser raises ``ValueError`` with a message fit to show the user next to the parameter.
"""

from __future__ import annotations

import datetime as dt
import math

from harmattan.store.base import BBox


def parse_bbox(text: str) -> BBox:
    """``minlon,minlat,maxlon,maxlat`` in degrees; minlon > maxlon crosses the antimeridian."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4:
        raise ValueError("bbox must be minlon,minlat,maxlon,maxlat (four numbers)")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox must be minlon,minlat,maxlon,maxlat (four numbers)") from None
    if not all(math.isfinite(v) for v in (minlon, minlat, maxlon, maxlat)):
        raise ValueError("bbox values must be finite numbers")
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180):
        raise ValueError("bbox longitudes must be between -180 and 180")
    if not (-90 <= minlat <= 90 and -90 <= maxlat <= 90):
        raise ValueError("bbox latitudes must be between -90 and 90")
    if minlat > maxlat:
        raise ValueError("bbox minlat must not be greater than maxlat")
    return BBox(minlon, minlat, maxlon, maxlat)


def parse_date_range(text: str) -> tuple[dt.date, dt.date]:
    """ACLED's ``event_date=YYYY-MM-DD|YYYY-MM-DD`` (inclusive); a single date means that day."""
    parts = [p.strip() for p in text.split("|")]
    if len(parts) not in (1, 2):
        raise ValueError("event_date must be YYYY-MM-DD or YYYY-MM-DD|YYYY-MM-DD")
    try:
        dates = [dt.date.fromisoformat(p) for p in parts]
    except ValueError:
        raise ValueError("event_date must be YYYY-MM-DD or YYYY-MM-DD|YYYY-MM-DD") from None
    start, end = dates[0], dates[-1]
    if start > end:
        raise ValueError("event_date range starts after it ends")
    return start, end
