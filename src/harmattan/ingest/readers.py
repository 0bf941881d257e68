"""Readers: files and directories in, ``Iterator[Article | InputError]`` out.

Each reader yields an ``InputError`` (instead of raising) for one bad record, so the caller
decides whether to skip or stop (``--on-error``). A reader never writes anything.
Supported: JSONL records, dated text records (``" date YYYY-MM-DD ..."``), plain .txt with a
given date, HTML pages (main text via trafilatura), RSS/Atom feeds, and directories.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from harmattan.errors import InputError
from harmattan.ingest.clean import clean_text
from harmattan.records import Article

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
ALL_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES

Item = Article | InputError


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop fragment, query tracking and trailing slash."""
    parts = urlsplit(url.strip())
    query = "&".join(q for q in parts.query.split("&") if q and not q.startswith("utm_"))
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("https" if parts.scheme in ("http", "https") else parts.scheme, host, path, query, ""))


def article_id(*, given: str | None, url: str | None, text: str) -> str:
    """The given id, else a hash of the normalised URL, else of the whitespace-normalised text."""
    if given:
        return str(given)
    key = normalise_url(url) if url else " ".join(text.split())
    return "a-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def source_name(url: str | None) -> str | None:
    """The outlet's host name ("reuters.com") as ACLED's ``source`` when nothing better is known."""
    if not url:
        return None
    host = urlsplit(url).netloc.lower().removeprefix("www.")
    return host or None


def parse_date(value: Any, *, origin: str) -> tuple[dt.date, int]:
    """Parse ``YYYY-MM-DD`` (precision 1) or ``YYYY-MM`` (precision 3, the 15th)."""
    text = str(value).strip()[:10]
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            date, precision = dt.date.fromisoformat(text + "-15"), 3
        else:
            date, precision = dt.date.fromisoformat(text), 1
    except ValueError as exc:
        raise InputError(f"bad date {value!r} (expected YYYY-MM-DD)", origin=origin) from exc
    if not dt.date(1900, 1, 1) <= date <= dt.date.today() + dt.timedelta(days=2):
        raise InputError(f"implausible date {value!r} (before 1900 or in the future)", origin=origin)
    return date, precision


def build_article(
    record: dict[str, Any], *, origin: str, default_date: dt.date | None = None
) -> Article:
    """Make a cleaned Article from a raw record; raises InputError naming what is missing."""
    raw = record.get("text")
    if not isinstance(raw, str) or not raw.strip():
        raise InputError("record has no text", origin=origin)
    title = record.get("title") or None
    if isinstance(title, str) and title.strip() and " ".join(title.split()) not in " ".join(raw[:2000].split()):
        raw = f"{title.strip()}\n\n{raw}"  # headlines report events too; keep them in the text
    cleaned = clean_text(raw)
    if not cleaned.text:
        raise InputError("record has no text left after cleaning", origin=origin)
    date_value = cleaned.prefix_date or record.get("date")
    precision = 1
    if date_value:
        date, precision = parse_date(date_value, origin=origin)
        if record.get("date") and cleaned.prefix_date and len(str(record["date"])) >= 10 > len(cleaned.prefix_date):
            date, precision = parse_date(record["date"], origin=origin)
    elif default_date is not None:
        date = default_date
    else:
        raise InputError("record has no date (give one with --date)", origin=origin)
    url = record.get("url") or None
    language = record.get("language") or None
    return Article(
        id=article_id(given=record.get("id"), url=url, text=cleaned.text),
        text=cleaned.text,
        date=date,
        url=url,
        title=title,
        language=language if language in ("en", "fr") else None,
        source=record.get("source") or source_name(url),
        dateline=cleaned.dateline,
        date_precision=precision,
        origin=origin,
    )


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not text", origin=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start}); convert it with iconv first", origin=str(path)
        ) from exc


def read_jsonl(path: Path, *, default_date: dt.date | None = None) -> Iterator[Item]:
    """One article per JSON line; a bad line yields an InputError naming file and line."""
    try:
        text = _decode(path)
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", origin=origin)
            continue
        if not isinstance(record, dict):
            yield InputError("JSON line is not an object", origin=origin)
            continue
        try:
            yield build_article(record, origin=origin, default_date=default_date)
        except InputError as exc:
            yield exc


def read_text(path: Path, *, default_date: dt.date | None = None) -> Iterator[Item]:
    """One dated text record (or plain text with ``--date``) per file."""
    try:
        raw = _decode(path)
        yield build_article({"text": raw, "id": None, "url": None}, origin=str(path), default_date=default_date)
    except InputError as exc:
        yield exc


def read_html(path: Path, *, default_date: dt.date | None = None) -> Iterator[Item]:
    """The main text of an HTML page (trafilatura), dated by its metadata or ``--date``."""
    import trafilatura  # lazy: only HTML input needs it

    try:
        html = _decode(path)
    except InputError as exc:
        yield exc
        return
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        yield InputError("no article text found in HTML page", origin=str(path))
        return
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    record = {
        "text": data.get("text") or "",
        "title": data.get("title"),
        "url": data.get("url"),
        "date": data.get("date"),
    }
    try:
        yield build_article(record, origin=str(path), default_date=default_date)
    except InputError as exc:
        yield exc


def read_feed(path: Path, *, default_date: dt.date | None = None) -> Iterator[Item]:
    """RSS/Atom items: title plus summary, dated by the item's published date."""
    import feedparser  # lazy

    try:
        raw = _decode(path)
    except InputError as exc:
        yield exc
        return
    feed = feedparser.parse(raw)
    if feed.bozo and not feed.entries:
        yield InputError(f"not a readable RSS/Atom feed ({feed.bozo_exception})", origin=str(path))
        return
    for number, entry in enumerate(feed.entries, start=1):
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*published[:3]).isoformat() if published else None
        summary = re.sub(r"<[^>]+>", " ", entry.get("summary", ""))
        record = {
            "id": entry.get("id") or None,
            "url": entry.get("link"),
            "title": entry.get("title"),
            "date": date,
            "text": f"{entry.get('title', '')}\n\n{summary}",
        }
        try:
            yield build_article(record, origin=f"{path}#item{number}", default_date=default_date)
        except InputError as exc:
            yield exc


def read_path(path: Path, *, default_date: dt.date | None = None) -> Iterator[Item]:
    """Dispatch on the file suffix; directories are walked recursively in name order."""
    if not path.exists():
        yield InputError("no such file or directory", origin=str(path))
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALL_SUFFIXES)
        for file in files:
            yield from read_path(file, default_date=default_date)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES or suffix == ".json":
        yield from read_jsonl(path, default_date=default_date)
    elif suffix in HTML_SUFFIXES:
        yield from read_html(path, default_date=default_date)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed(path, default_date=default_date)
    else:
        yield from read_text(path, default_date=default_date)


def read_inputs(paths: Iterable[Path], *, default_date: dt.date | None = None) -> Iterator[Item]:
    """Read every input path in order."""
    for path in paths:
        yield from read_path(Path(path), default_date=default_date)
