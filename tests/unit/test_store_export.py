"""Exports from the store (every format) and the shared filter parsers."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from harmattan.dedup import MergeResult
from harmattan.errors import InputError
from harmattan.export import export_events, export_format
from harmattan.records import ACLED_COLUMNS, Article, EventRecord
from harmattan.store import BBox, EventQuery
from harmattan.store.filters import parse_bbox, parse_date_range


def keep_all(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> MergeResult:
    return MergeResult(events=tuple(new), replaced=())


@pytest.fixture
def filled(fresh_store, event_factory):  # type: ignore[no-untyped-def]
    for i, (country, lat) in enumerate([("Mali", 15.0), ("Mali", None), ("Niger", 13.5)]):
        article = Article(id=f"a{i}", text=f"Report {i}.", date=dt.date(2024, 3, 10 + i))
        event = event_factory(f"e{i}", article.id, country=country, latitude=lat, event_date=f"2024-03-1{i}")
        fresh_store.ingest(article, [event], merge=keep_all)
    return fresh_store


@pytest.mark.parametrize("fmt", ["acled-csv", "jsonl", "geojson", "parquet"])
def test_store_export_every_format_honours_filters(filled, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.data"
    count = export_events(filled, EventQuery(country="Mali", limit=1), out, fmt=fmt)
    if fmt == "acled-csv":
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == list(ACLED_COLUMNS) and [r["event_id_cnty"] for r in rows] == ["e1", "e0"]
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [r["event_id_cnty"] for r in rows] == ["e1", "e0"] and rows[0]["evidence"][0]["field"] == "event_type"
    elif fmt == "geojson":
        features = json.loads(out.read_text(encoding="utf-8"))["features"]
        assert [f["id"] for f in features] == ["e0"]  # e1 has no coordinates
        assert count == 1
    else:
        table = pq.read_table(out)
        assert table.column("event_id_cnty").to_pylist() == ["e1", "e0"]
        assert table.column("evidence").to_pylist()[0][0]["field"] == "event_type"
    assert count == (1 if fmt == "geojson" else 2)


def test_store_export_format_from_suffix() -> None:
    assert export_format(Path("x.csv")) == "acled-csv"
    assert export_format(Path("x.parquet")) == "parquet"
    with pytest.raises(InputError):
        export_format(Path("x.xlsx"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("-5,10,5,20", BBox(-5, 10, 5, 20)), (" 170, -10 , -170, 10", BBox(170, -10, -170, 10))],
)
def test_store_filters_parse_bbox(text: str, expected: BBox) -> None:
    assert parse_bbox(text) == expected


@pytest.mark.parametrize("text", ["1,2,3", "a,b,c,d", "0,0,181,1", "0,50,1,40", "nan,0,1,1"])
def test_store_filters_reject_bad_bbox(text: str) -> None:
    with pytest.raises(ValueError, match="bbox"):
        parse_bbox(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-01-01|2024-03-31", (dt.date(2024, 1, 1), dt.date(2024, 3, 31))),
     ("2024-02-29", (dt.date(2024, 2, 29), dt.date(2024, 2, 29)))],
)
def test_store_filters_parse_acled_date_range(text: str, expected: tuple[dt.date, dt.date]) -> None:
    assert parse_date_range(text) == expected


@pytest.mark.parametrize("text", ["2024-01-01|", "2024-03-01|2024-01-01", "yesterday", "1|2|3"])
def test_store_filters_reject_bad_date_range(text: str) -> None:
    with pytest.raises(ValueError, match="event_date"):
        parse_date_range(text)


def test_store_bbox_across_the_antimeridian(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    for i, lon in enumerate([179.5, -179.5, 0.0]):
        fresh_store.ingest(Article(id=f"a{i}", text=f"r{i}", date=dt.date(2024, 3, 1)),
                           [event_factory(f"e{i}", f"a{i}", longitude=lon, latitude=0.0)], merge=keep_all)
    page = fresh_store.query_events(EventQuery(bbox=BBox(179, -1, -179, 1)))
    assert sorted(e.event_id_cnty for e in page.events) == ["e0", "e1"]
