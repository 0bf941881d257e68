"""Report -> event merging (STAND-IN until the dedup developer's algorithm lands).

Contract used by the store: ``merge_reports(new, existing) -> MergeResult`` where
``MergeResult.events`` are the new and updated merged events and ``MergeResult.replaced`` the
``event_id_cnty`` of existing events absorbed into another (to delete). This stand-in only
merges reports with an identical key (country, date, sub-event type, location, actor1);
replace it wholesale with the real algorithm.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from harmattan.records import EventRecord


@dataclass(frozen=True)
class MergeResult:
    """What merging produced: events to write and existing events to delete."""

    events: tuple[EventRecord, ...]
    replaced: tuple[str, ...] = ()


def _key(event: EventRecord) -> tuple[str, str, str, str, str]:
    return (event.country, event.event_date, event.sub_event_type, event.location, event.actor1)


def _union(base: EventRecord, other: EventRecord) -> EventRecord:
    ids = tuple(dict.fromkeys(base.article_ids + other.article_ids))
    sources = "; ".join(dict.fromkeys(s for s in (*base.source.split("; "), *other.source.split("; ")) if s))
    counts = [base.fatalities, other.fatalities]
    low = min(c for c in (base.fatalities_low, other.fatalities_low, *counts) if c is not None)
    high = max(c for c in (base.fatalities_high, other.fatalities_high, *counts) if c is not None)
    return dataclasses.replace(
        base,
        article_ids=ids,
        evidence=tuple(dict.fromkeys(base.evidence + other.evidence)),
        source=sources,
        fatalities=min(counts),
        fatalities_low=low,
        fatalities_high=high,
        confidence=max(base.confidence, other.confidence),
        merge_reasons=(f"merged from {len(ids)} reports", "same country, date, sub-event type, location, actor1"),
    )


def merge_reports(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> MergeResult:
    """Merge new reports into each other and into existing events with the same exact key."""
    merged: dict[tuple[str, str, str, str, str], EventRecord] = {}
    touched: set[tuple[str, str, str, str, str]] = set()
    for event in existing:
        merged.setdefault(_key(event), event)
    for report in new:
        key = _key(report)
        merged[key] = _union(merged[key], report) if key in merged else report
        touched.add(key)
    return MergeResult(events=tuple(merged[k] for k in merged if k in touched))
