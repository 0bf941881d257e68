"""Which stated day a merged event takes (drafts written for these tests)."""

from __future__ import annotations

import datetime as dt

from harmattan.pipeline.assemble import event_date_draft
from harmattan.pipeline.drafts import Draft
from harmattan.records import DateMention, EventLocation, EventMention, Span


def _dated_draft(start: int, day: int, precision: int, *, stated: bool = True) -> Draft:
    text = "Gunmen attacked the village."
    mention = EventMention(Span(start, start + len(text), text), Span(start, start + 6, "Gunmen"), "Battles",
                           "Armed clash", 0.7)
    said = DateMention(Span(start, start + 6, "Sunday"), dt.date(2024, 3, day), precision)
    where = EventLocation(country="Mali")
    return Draft(mention, dt.date(2024, 3, day), precision, said if stated else None, where, (), ())


def test_assemble_event_takes_the_earliest_stated_day() -> None:
    # the toll told on Monday and the raid told on Sunday: the event is Sunday's
    monday, sunday = _dated_draft(0, 11, 1), _dated_draft(40, 10, 1)
    assert event_date_draft([monday, sunday]) is sunday


def test_assemble_event_date_prefers_a_day_to_a_week() -> None:
    week, day = _dated_draft(0, 6, 2), _dated_draft(40, 10, 1)
    assert event_date_draft([week, day]) is day
    undated = _dated_draft(0, 12, 1, stated=False)
    assert event_date_draft([undated, _dated_draft(40, 12, 1, stated=False)]) is undated
