"""Cheap shared fixtures. Expensive ones (models, the real gazetteer) are session-scoped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from harmattan.records import Article

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


def make_article(text: str, *, date: str = "2024-03-11", language: str | None = "en", id: str = "t1") -> Article:
    """An Article as ingest would build it (text already clean)."""
    return Article(id=id, text=text, date=dt.date.fromisoformat(date), language=language)


@pytest.fixture
def article_factory():  # type: ignore[no-untyped-def]
    return make_article
