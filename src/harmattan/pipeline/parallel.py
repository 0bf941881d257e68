"""Run one pipeline per worker process over many articles, results in input order.

``ProcessRunner`` keeps a pool of worker processes; each builds its own Pipeline from a
picklable ``build`` callable, so models, regexes and the gazetteer connection are loaded in
the worker and never cross a fork. It yields exactly what ``Pipeline.run_many(...,
on_error="skip")`` yields (a Document or the HarmattanError of each article, in input order),
except that Documents come back without ``nlp``: the spaCy Doc is not sent between processes.
This module must not read inputs or write outputs; ``harmattan.coding`` does.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, Literal

from harmattan.errors import HarmattanError, StageError
from harmattan.pipeline.base import Pipeline, SkipArticle
from harmattan.records import Article, Document

# One slot per article: a Document, or an error as (class, args, attributes) since our error
# classes take keyword-only arguments and do not survive pickle's default round trip.
_Outcome = Document | tuple[type[HarmattanError], tuple[Any, ...], dict[str, Any]]

_pipeline: Pipeline | None = None
_startup_error: HarmattanError | None = None
_barrier: Any = None


def default_workers() -> int:
    """Worker processes for the CLI: the CPUs this process may use, at most two."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(2, cpus))


def _init_worker(build: Callable[[], Pipeline], warm_up: Sequence[Article], barrier: Any) -> None:
    """Build this worker's pipeline and load what it loads lazily, before the first article."""
    global _pipeline, _startup_error, _barrier
    _barrier = barrier
    try:
        pipeline = build()
        for article in warm_up:
            with contextlib.suppress(HarmattanError):  # a warm-up text that codes nothing is fine
                pipeline.run(article)
        _pipeline = pipeline
    except HarmattanError as exc:
        _startup_error = exc
    except Exception as exc:  # reported per article instead of killing the pool
        _startup_error = StageError(f"{type(exc).__name__}: {exc}", stage="startup", article_id="-")


def _wait_ready() -> None:
    """Block until every worker has started (each runs one of these at once)."""
    if _barrier is not None:
        _barrier.wait()


def _usage() -> dict[str, float]:
    """This worker's CPU seconds and peak RSS (MiB), once every worker runs one of these."""
    import resource

    _wait_ready()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"pid": os.getpid(), "user_s": usage.ru_utime, "sys_s": usage.ru_stime,
            "max_rss_mib": usage.ru_maxrss / 1024}


def _pack(exc: HarmattanError) -> _Outcome:
    return (type(exc), exc.args, dict(vars(exc)))


def _unpack(outcome: _Outcome) -> Document | HarmattanError:
    if isinstance(outcome, Document):
        return outcome
    cls, args, state = outcome
    exc = cls.__new__(cls, *args)
    exc.args = args
    exc.__dict__.update(state)
    return exc


def _run_batch(articles: Sequence[Article]) -> list[_Outcome]:
    """Code a few articles in this worker; never raises for one article's failure."""
    out: list[_Outcome] = []
    for article in articles:
        if _pipeline is None:
            assert _startup_error is not None
            out.append(_pack(_startup_error))
            continue
        try:
            doc = _pipeline.run(article)
        except HarmattanError as exc:
            out.append(_pack(exc))
            continue
        out.append(dataclasses.replace(doc, nlp=None))
    return out


class ProcessRunner:
    """A pool of ``workers`` processes, each with its own pipeline from ``build()``.

    Use as a context manager. The pool starts on the first ``run_many`` (or ``start()``), which
    returns once every worker has built its pipeline and coded ``warm_up``; modules named in
    ``preload`` are imported once, before the workers fork, where the platform allows. Runs of fewer than
    ``min_articles`` articles before the pool exists are coded in this process instead: starting
    workers (each loads its own models) costs more than it saves on a few articles.
    """

    def __init__(
        self,
        build: Callable[[], Pipeline],
        *,
        workers: int,
        warm_up: Sequence[Article] = (),
        batch_size: int = 4,
        min_articles: int = 0,
        preload: Sequence[str] = (),
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.build = build
        self.workers = workers
        self.warm_up = tuple(warm_up)
        self.batch_size = batch_size
        self.min_articles = min_articles
        self.preload = tuple(preload)
        self._pool: ProcessPoolExecutor | None = None
        self._local: Pipeline | None = None

    def start(self) -> ProcessRunner:
        if self._pool is not None:
            return self
        # forkserver/spawn: workers never inherit threads, open connections or half-loaded models
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if self.preload and "forkserver" in methods:
            # imported once in the fork server, inherited by every worker (spaCy's French
            # tokenizer exceptions alone take seconds to import)
            context.set_forkserver_preload(list(self.preload))
        barrier = context.Barrier(self.workers)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.build, self.warm_up, barrier),
        )
        try:
            for future in [self._pool.submit(_wait_ready) for _ in range(self.workers)]:
                future.result()
        except BrokenProcessPool as exc:
            self.close()
            raise StageError(f"worker processes did not start: {exc}", stage="startup", article_id="-") from exc
        return self

    def usage(self) -> list[dict[str, float]]:
        """Per worker: CPU seconds used so far and peak RSS (for benchmarks; call between runs)."""
        pool = self.start()._pool
        assert pool is not None
        return [future.result() for future in [pool.submit(_usage) for _ in range(self.workers)]]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessRunner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def run_many(
        self, articles: Iterable[Article], *, on_error: Literal["raise", "skip"] = "raise"
    ) -> Iterator[Document | HarmattanError]:
        """Like ``Pipeline.run_many``: in input order, a bounded number of articles in flight."""
        source: Iterator[Article] = iter(articles)
        if self._pool is None and self.min_articles > 0:
            head = list(islice(source, self.min_articles))
            if len(head) < self.min_articles:
                if self._local is None:
                    self._local = self.build()
                yield from self._local.run_many(head, on_error=on_error)
                return
            source = chain(head, source)
        pool = self.start()._pool
        assert pool is not None
        pending: deque[Future[list[_Outcome]]] = deque()
        max_pending = 4 * self.workers

        def refill() -> None:
            while len(pending) < max_pending:
                batch = list(islice(source, self.batch_size))
                if not batch:
                    return
                pending.append(pool.submit(_run_batch, batch))

        refill()
        while pending:
            try:
                outcomes = pending.popleft().result()
            except BrokenProcessPool as exc:
                raise StageError(f"a worker process died: {exc}", stage="worker", article_id="-") from exc
            refill()
            for outcome in outcomes:
                result = _unpack(outcome)
                if isinstance(result, HarmattanError) and on_error == "raise" and not isinstance(result, SkipArticle):
                    raise result
                yield result
