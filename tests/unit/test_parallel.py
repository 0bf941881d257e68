"""ProcessRunner: one pipeline per worker process, same results as in-process, in order."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from harmattan.coding import CodingReport, iter_documents
from harmattan.errors import HarmattanError, InputError, StageError
from harmattan.pipeline.base import Pipeline, SkipArticle
from harmattan.pipeline.parallel import ProcessRunner
from harmattan.records import Article, Document


class _Upper:
    """A toy stage: fails on articles whose text says so, skips German, else sets language."""

    name = "toy"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("language",)

    def __call__(self, doc: Document) -> Document:
        if "fail" in doc.article.text:
            raise ValueError("told to fail")
        if doc.article.language == "de":
            raise SkipArticle("not coded")
        return dataclasses.replace(doc, language=doc.article.language or "en")


def _build() -> Pipeline:
    return Pipeline([_Upper()])


def _articles() -> list[Article]:
    texts = ["one", "two fail", "drei", "four", "five", "six fail", "seven"]
    return [
        Article(id=f"a{i}", text=text, date=dt.date(2024, 1, 1), language="de" if text == "drei" else "en")
        for i, text in enumerate(texts)
    ]


def _summary(results: list[Document | HarmattanError]) -> list[tuple[str, str]]:
    out = []
    for r in results:
        if isinstance(r, Document):
            out.append(("doc", r.article.id))
        else:
            out.append((type(r).__name__, str(r)))
    return out


def test_parallel_results_match_in_process_run_in_order() -> None:
    expected = _summary(list(_build().run_many(_articles(), on_error="skip")))
    with ProcessRunner(_build, workers=2, batch_size=2) as runner:
        got = list(runner.run_many(_articles(), on_error="skip"))
    assert _summary(got) == expected
    failed = [r for r in got if isinstance(r, StageError)]
    assert [(e.stage, e.article_id) for e in failed] == [("toy", "a1"), ("toy", "a5")]


def test_parallel_raises_the_first_error_when_asked() -> None:
    with ProcessRunner(_build, workers=2) as runner, pytest.raises(StageError, match="a1"):
        list(runner.run_many(_articles(), on_error="raise"))


def test_parallel_iter_documents_keeps_read_errors_in_input_order() -> None:
    items: list[Article | InputError] = list(_articles())
    items.insert(0, InputError("bad line", origin="x.jsonl:1"))
    items.insert(3, InputError("bad line", origin="x.jsonl:4"))
    items.append(InputError("bad line", origin="x.jsonl:9"))
    in_process, pooled = CodingReport(), CodingReport()
    docs = [d.article.id for d in iter_documents(items, _build(), in_process)]
    with ProcessRunner(_build, workers=2, batch_size=3) as runner:
        assert [d.article.id for d in iter_documents(items, runner, pooled)] == docs
    assert pooled == in_process
    assert pooled.errors[0].startswith("x.jsonl:1") and pooled.errors[-1].startswith("x.jsonl:9")
    assert (pooled.articles, pooled.coded, pooled.skipped_language, pooled.failed) == (7, 4, 1, 5)


def test_parallel_short_runs_stay_in_process() -> None:
    with ProcessRunner(_build, workers=2, min_articles=50) as runner:
        got = list(runner.run_many(_articles(), on_error="skip"))
        assert runner._pool is None
    assert _summary(got) == _summary(list(_build().run_many(_articles(), on_error="skip")))
