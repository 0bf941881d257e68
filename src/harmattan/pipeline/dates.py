"""Dates stage (first cut): date expressions resolved against the article date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from harmattan.records import DateMention, Document, Span

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


def find_dates(text: str, language: str, article_date: dt.date) -> tuple[DateMention, ...]:
    """Weekday names resolved to the most recent such day on or before the article date."""
    out = []
    for match in _WEEKDAY_RE.finditer(text):
        wanted = _WEEKDAYS[match.group(1).lower()]
        delta = (article_date.weekday() - wanted) % 7
        out.append(DateMention(Span(match.start(), match.end(), match.group(0)), article_date - dt.timedelta(days=delta), 1))
    return tuple(out)


class DatesStage:
    name = "dates"
    requires: tuple[str, ...] = ("language",)
    provides: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Document) -> Document:
        if doc.article.date is None:
            return doc
        return dataclasses.replace(doc, dates=find_dates(doc.article.text, doc.language, doc.article.date))
