"""Export stored events to files: ACLED CSV, JSONL (with evidence), GeoJSON, Parquet.

Reads from an ``EventStore`` with the same filters as ``GET /events``; writes atomically
(reusing ``output.atomic_write``). GeoJSON features are also what ``GET /events?format=geojson``
returns, so the API and the files agree.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from harmattan.errors import InputError
from harmattan.output import atomic_write, write_csv, write_jsonl
from harmattan.records import ACLED_COLUMNS, EventRecord
from harmattan.store.base import EventQuery, EventStore

EXPORT_FORMATS: tuple[str, ...] = ("acled-csv", "jsonl", "geojson", "parquet")
_SUFFIXES = {".csv": "acled-csv", ".jsonl": "jsonl", ".geojson": "geojson", ".parquet": "parquet"}
PARQUET_BATCH = 10_000


def export_format(path: Path, explicit: str | None = None) -> str:
    """The format named explicitly, else by the file suffix."""
    fmt = explicit or _SUFFIXES.get(path.suffix.lower())
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}", origin=str(path))
    return fmt


def event_properties(record: EventRecord) -> dict[str, Any]:
    """Every ACLED column plus Harmattan's, without the evidence spans."""
    out = record.as_dict()
    del out["evidence"]
    return out


def geojson_feature(record: EventRecord) -> dict[str, Any] | None:
    """A Point feature, or None for an event without coordinates."""
    if record.latitude is None or record.longitude is None:
        return None
    return {
        "type": "Feature",
        "id": record.event_id_cnty,
        "geometry": {"type": "Point", "coordinates": [record.longitude, record.latitude]},
        "properties": event_properties(record),
    }


def iter_geojson(records: Iterable[EventRecord]) -> Iterator[str]:
    """A FeatureCollection in pieces, so large exports stream."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for record in records:
        feature = geojson_feature(record)
        if feature is None:
            continue
        yield ("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def write_geojson(records: Iterable[EventRecord], handle: IO[str]) -> int:
    count = 0

    def counted() -> Iterator[EventRecord]:
        nonlocal count
        for record in records:
            count += record.latitude is not None and record.longitude is not None
            yield record

    for piece in iter_geojson(counted()):
        handle.write(piece)
    return count


def _parquet_schema() -> Any:
    import pyarrow as pa

    types = {
        "year": pa.int32(),
        "time_precision": pa.int8(),
        "inter1": pa.int8(),
        "inter2": pa.int8(),
        "interaction": pa.int16(),
        "iso": pa.int16(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "geo_precision": pa.int8(),
        "fatalities": pa.int32(),
        "timestamp": pa.int64(),
    }
    fields = [pa.field(name, types.get(name, pa.string())) for name in ACLED_COLUMNS]
    evidence = pa.struct(
        [
            ("article_id", pa.string()),
            ("field", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
        ]
    )
    fields += [
        pa.field("article_ids", pa.list_(pa.string())),
        pa.field("evidence", pa.list_(evidence)),
        pa.field("confidence", pa.float64()),
        pa.field("language", pa.string()),
        pa.field("fatalities_low", pa.int32()),
        pa.field("fatalities_high", pa.int32()),
        pa.field("merge_reasons", pa.list_(pa.string())),
    ]
    return pa.schema(fields)


@contextmanager
def _atomic_binary(path: Path) -> Iterator[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_parquet(records: Iterable[EventRecord], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count = 0
    with _atomic_binary(path) as tmp, pq.ParquetWriter(str(tmp), schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record.as_dict())
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def write_records(records: Iterable[EventRecord], out: Path, *, fmt: str) -> int:
    """Write records to ``out`` in an export format; returns how many were written."""
    if fmt == "parquet":
        return write_parquet(records, out)
    with atomic_write(out, newline="" if fmt == "acled-csv" else None) as handle:
        if fmt == "acled-csv":
            return write_csv(records, handle)
        if fmt == "jsonl":
            return write_jsonl(records, handle)
        return write_geojson(records, handle)


def export_events(store: EventStore, query: EventQuery, out: Path, *, fmt: str | None = None) -> int:
    """Every stored event matching ``query`` (its limit/offset ignored) written to ``out``."""
    chosen = export_format(out, fmt)
    records = store.iter_events(query, with_evidence=chosen in ("jsonl", "parquet"))
    return write_records(records, out, fmt=chosen)
