"""Write event records to files atomically: JSONL (with evidence) and ACLED-order CSV.

A file is written to a temporary sibling and renamed into place, so a failed run never
leaves half a file behind.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from harmattan.errors import InputError
from harmattan.records import ACLED_COLUMNS, EventRecord

FORMATS = ("jsonl", "csv")


@contextmanager
def atomic_write(path: Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """Open a temporary file next to ``path``; rename it over ``path`` only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def format_for(path: Path, explicit: str | None = None) -> str:
    """The output format named explicitly or by the file suffix."""
    fmt = explicit or path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}", origin=str(path))
    return fmt


def write_jsonl(records: Iterable[EventRecord], handle: IO[str]) -> int:
    count = 0
    for record in records:
        handle.write(json.dumps(record.as_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def acled_row(record: EventRecord) -> dict[str, object]:
    row: dict[str, object] = {name: getattr(record, name) for name in ACLED_COLUMNS}
    for key in ("latitude", "longitude"):
        row[key] = "" if row[key] is None else f"{row[key]:.4f}"
    return row


def write_csv(records: Iterable[EventRecord], handle: IO[str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=list(ACLED_COLUMNS))
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(acled_row(record))
        count += 1
    return count


def write_events(records: Iterable[EventRecord], path: Path, *, fmt: str | None = None) -> int:
    """Write records to ``path`` in the format its suffix names; returns the count."""
    chosen = format_for(path, fmt)
    with atomic_write(path, newline="" if chosen == "csv" else None) as handle:
        return write_jsonl(records, handle) if chosen == "jsonl" else write_csv(records, handle)
