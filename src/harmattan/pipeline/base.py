"""The stage contract and the pipeline that runs stages in a checked order.

A Stage is a small object with a ``name``, the Document fields it ``requires`` and those it
``provides``; calling it returns a new Document. The logic lives in pure functions in each
stage's module; a stage only wires them into the Document. ``Pipeline`` checks before running
that every requirement is provided by an earlier stage, and wraps failures in StageError.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, Protocol

from harmattan.errors import HarmattanError, StageError
from harmattan.records import Article, Document, EventRecord


class Stage(Protocol):
    """One pipeline step: Document in, new Document out."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class SkipArticle(HarmattanError):
    """Raised by a stage to drop an article on purpose (e.g. an unsupported language)."""


class Pipeline:
    """Stages in order, checked once at construction."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = {"article"}
        for stage in stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise ValueError(f"stage {stage.name!r} requires {missing}, not provided earlier")
            available.update(stage.provides)
        self.stages = tuple(stages)

    def run(self, article: Article) -> Document:
        """Run every stage on one article; a failing stage raises StageError."""
        doc = Document(article=article)
        for stage in self.stages:
            try:
                doc = stage(doc)
            except (SkipArticle, StageError):
                raise
            except Exception as exc:  # every stage failure becomes one StageError naming stage and article
                raise StageError(f"{type(exc).__name__}: {exc}", stage=stage.name, article_id=article.id) from exc
        return doc

    def run_many(
        self, articles: Iterable[Article], *, on_error: Literal["raise", "skip"] = "raise"
    ) -> Iterator[Document | HarmattanError]:
        """Run over many articles; with ``on_error="skip"`` errors are yielded, not raised."""
        for article in articles:
            try:
                yield self.run(article)
            except HarmattanError as exc:
                if on_error == "raise" and not isinstance(exc, SkipArticle):
                    raise
                yield exc

    def events(self, articles: Iterable[Article]) -> Iterator[EventRecord]:
        """Convenience: the event records of every article (errors raise)."""
        for doc in self.run_many(articles):
            if isinstance(doc, Document):
                yield from doc.events
