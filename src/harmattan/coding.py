"""Code news inputs into events: read -> pipeline -> records, counting what was skipped.

The plain function behind ``harmattan code`` and ``harmattan ingest``; knows nothing of the
terminal (progress is a callback) or of the store.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from harmattan.config import Settings
from harmattan.errors import HarmattanError, InputError
from harmattan.ingest.readers import read_inputs
from harmattan.pipeline import SkipArticle
from harmattan.records import Article, Document, EventRecord

# Texts we wrote, coded once by each worker process so that its models load before timing.
WARM_UP = (
    Article(
        id="warm-up-en", language="en", date=dt.date(2024, 3, 4),
        text="Gunmen attacked a village near Mopti in Mali on Sunday, killing three civilians, officials said.",
    ),
    Article(
        id="warm-up-fr", language="fr", date=dt.date(2024, 3, 4),
        text="Des hommes armés ont attaqué dimanche un village près de Mopti, au Mali, tuant trois civils.",
    ),
)


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


class Runner(Protocol):
    """What codes articles: a ``Pipeline`` in this process or a ``ProcessRunner`` pool."""

    def run_many(
        self, articles: Iterable[Article], *, on_error: Literal["raise", "skip"] = ...
    ) -> Iterator[Document | HarmattanError]: ...


def iter_documents(
    items: Iterable[Article | InputError],
    pipeline: Runner,
    report: CodingReport,
    *,
    on_error: Literal["skip", "fail"] = "skip",
    progress: Callable[[], None] | None = None,
) -> Iterator[Document]:
    """Run the pipeline over read items, in input order, recording errors in ``report``."""
    # The runner pulls articles ahead of its results (a pool keeps several in flight), so read
    # errors wait in ``order`` until the results of the articles before them are out.
    order: deque[InputError | None] = deque()

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                if on_error == "fail":
                    raise item
                order.append(item)
                continue
            order.append(None)
            yield item

    def flush_read_errors() -> None:
        while order and order[0] is not None:
            error = order.popleft()
            assert error is not None
            if progress is not None:
                progress()
            report.errors.append(str(error))

    for result in pipeline.run_many(articles(), on_error="skip"):
        flush_read_errors()
        order.popleft()
        if progress is not None:
            progress()
        report.articles += 1
        if isinstance(result, SkipArticle):
            report.skipped_language += 1
            continue
        if isinstance(result, HarmattanError):
            if on_error == "fail":
                raise result
            report.errors.append(str(result))
            continue
        report.coded += 1
        report.events += len(result.events)
        for event in result.events:
            report.by_type[event.event_type] += 1
            report.by_country[event.country or "(unknown)"] += 1
        yield result
    flush_read_errors()


# Below this many articles a run stays in this process: each worker loads its own models
# (seconds of CPU), which a few articles do not repay.
MIN_ARTICLES_FOR_WORKERS = 100


@contextmanager
def open_runner(
    settings: Settings, *, workers: int = 1, min_articles: int = MIN_ARTICLES_FOR_WORKERS
) -> Iterator[Runner]:
    """The pipeline for ``settings``: in this process, or one per worker process (workers > 1)
    when a run has at least ``min_articles`` articles.

    Results are the same either way; the pool's processes are stopped on exit.
    """
    from harmattan.pipeline import build_pipeline

    if workers <= 1:
        yield build_pipeline(settings)
        return
    from harmattan.pipeline.parallel import ProcessRunner
    from harmattan.pipeline.segment import PRELOAD_MODULES

    build = functools.partial(build_pipeline, settings)
    preload = ("harmattan.pipeline", *PRELOAD_MODULES)
    with ProcessRunner(build, workers=workers, warm_up=WARM_UP, min_articles=min_articles, preload=preload) as runner:
        yield runner


def code_paths(
    paths: Iterable[Path],
    pipeline: Runner,
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
