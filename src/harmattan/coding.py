"""Code news inputs into events: read -> pipeline -> records, counting what was skipped.

The plain function behind ``harmattan code`` and ``harmattan ingest``; knows nothing of the
terminal (progress is a callback) or of the store.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from harmattan.errors import HarmattanError, InputError
from harmattan.ingest.readers import read_inputs
from harmattan.pipeline import Pipeline, SkipArticle
from harmattan.records import Article, Document, EventRecord


@dataclass
class CodingReport:
    """What a coding run did: counts and the first messages of what went wrong."""

    articles: int = 0
    coded: int = 0
    events: int = 0
    skipped_language: int = 0
    errors: list[str] = field(default_factory=list)
    by_type: Counter[str] = field(default_factory=Counter)
    by_country: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return len(self.errors)


def iter_documents(
    items: Iterable[Article | InputError],
    pipeline: Pipeline,
    report: CodingReport,
    *,
    on_error: Literal["skip", "fail"] = "skip",
    progress: Callable[[], None] | None = None,
) -> Iterator[Document]:
    """Run the pipeline over read items, recording errors in ``report``."""
    for item in items:
        if progress is not None:
            progress()
        if isinstance(item, InputError):
            if on_error == "fail":
                raise item
            report.errors.append(str(item))
            continue
        report.articles += 1
        try:
            doc = pipeline.run(item)
        except SkipArticle:
            report.skipped_language += 1
            continue
        except HarmattanError as exc:
            if on_error == "fail":
                raise
            report.errors.append(str(exc))
            continue
        report.coded += 1
        report.events += len(doc.events)
        for event in doc.events:
            report.by_type[event.event_type] += 1
            report.by_country[event.country or "(unknown)"] += 1
        yield doc


def code_paths(
    paths: Iterable[Path],
    pipeline: Pipeline,
    *,
    default_date: dt.date | None = None,
    on_error: Literal["skip", "fail"] = "skip",
    progress: Callable[[], None] | None = None,
) -> tuple[list[EventRecord], CodingReport]:
    """Code every article under ``paths``; returns the events and a report."""
    report = CodingReport()
    events: list[EventRecord] = []
    items = read_inputs(paths, default_date=default_date)
    for doc in iter_documents(items, pipeline, report, on_error=on_error, progress=progress):
        events.extend(doc.events)
    return events, report
