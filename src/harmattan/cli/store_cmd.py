"""``harmattan ingest``, ``serve`` and ``export``: thin commands over the event store.

``ingest_paths`` is the plain function behind ``ingest`` and ``demo``: read -> skip articles
already stored unchanged -> code -> merge and store, one transaction per article.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

import click

from harmattan.cli.options import config_option, input_options, quiet_option, workers_option
from harmattan.coding import CodingReport, iter_documents
from harmattan.config import Settings, load_settings
from harmattan.errors import InputError
from harmattan.records import Article
from harmattan.store import EventQuery, EventStore, open_store
from harmattan.store.base import SORTS, Sort
from harmattan.store.filters import parse_bbox, parse_date_range

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """``harmattan.cli.main.handle_errors``, looked up at call time (main imports this module)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from harmattan.cli.main import handle_errors as translate

        return translate(func)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@dataclass
class IngestReport:
    """What an ingest run did to the store, beside the coding counts."""

    coding: CodingReport = field(default_factory=CodingReport)
    unchanged: int = 0
    added: int = 0
    updated: int = 0
    events_written: int = 0
    events_deleted: int = 0


def ingest_paths(
    paths: Iterable[Path],
    settings: Settings,
    store: EventStore,
    *,
    default_date: dt.date | None = None,
    on_error: Literal["skip", "fail"] = "skip",
    progress: Callable[[], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Code every new or changed article under ``paths`` (in ``workers`` processes) and merge
    its events into ``store``."""
    from harmattan.coding import open_runner
    from harmattan.ingest.readers import read_inputs

    report = IngestReport()

    def not_stored(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        for item in items:
            if isinstance(item, Article) and store.is_unchanged(item):
                report.unchanged += 1
                if progress is not None:
                    progress()
                continue
            yield item

    items = not_stored(read_inputs(paths, default_date=default_date))
    with open_runner(settings, workers=workers) as pipeline:
        for doc in iter_documents(items, pipeline, report.coding, on_error=on_error, progress=progress):
            outcome = store.ingest(doc.article, doc.events)
            report.added += outcome.status == "added"
            report.updated += outcome.status == "updated"
            report.unchanged += outcome.status == "unchanged"
            report.events_written += len(outcome.written)
            report.events_deleted += len(outcome.deleted)
    return report


def run_ingest(
    inputs: Iterable[Path],
    settings: Settings,
    store: EventStore,
    *,
    default_date: dt.date | None,
    on_error: Literal["skip", "fail"],
    quiet: bool,
    workers: int = 1,
) -> IngestReport:
    """``ingest_paths`` with a progress bar and a summary on stderr (unless quiet)."""
    if quiet:
        return ingest_paths(inputs, settings, store, default_date=default_date, on_error=on_error, workers=workers)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        transient=True,
        console=console,
    ) as bar:
        task = bar.add_task("ingest", total=None)
        report = ingest_paths(
            inputs, settings, store, default_date=default_date, on_error=on_error, progress=lambda: bar.advance(task),
            workers=workers,
        )
    from harmattan.cli.main import print_summary

    print_summary(report.coding, out=None)
    console.print(
        f"store: {report.added} articles added, {report.updated} re-coded, {report.unchanged} unchanged; "
        f"{report.events_written} events written, {report.events_deleted} merged away or removed"
    )
    return report


def serve_app(settings: Settings, store: EventStore) -> None:
    """Serve the API (and the dashboard, when installed) with uvicorn until interrupted."""
    import uvicorn

    from harmattan.api import create_app

    uvicorn.run(create_app(settings, store), host=settings.host, port=settings.port, log_level="info")


def _bbox(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    try:
        return parse_bbox(value) if value else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def _date_range(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    try:
        return parse_date_range(value) if value else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def filter_options(func: F) -> F:
    """The filters of GET /events, as options."""
    options = [
        click.option("--country", help="Country name, exactly (e.g. Mali)."),
        click.option("--admin1", help="First-level region, exactly."),
        click.option("--event-type", help="ACLED event type, exactly."),
        click.option("--sub-event-type", help="ACLED sub-event type, exactly."),
        click.option("--actor", help="Case-insensitive part of an actor's name (actor1, actor2, associated)."),
        click.option("--interaction", type=int, help="ACLED interaction code, e.g. 17."),
        click.option("--event-date-from", type=click.DateTime(["%Y-%m-%d"]), help="First day (YYYY-MM-DD)."),
        click.option("--event-date-to", type=click.DateTime(["%Y-%m-%d"]), help="Last day (YYYY-MM-DD)."),
        click.option("--event-date", "event_date", callback=_date_range, help="ACLED form A|B (inclusive)."),
        click.option("--bbox", callback=_bbox, help="minlon,minlat,maxlon,maxlat"),
        click.option("--q", "q", help="Full-text search in notes and evidence."),
        click.option("--updated-since", type=click.DateTime(), help="Only events changed since (ISO datetime, UTC)."),
        click.option("--sort", type=click.Choice(SORTS), default="-event_date", show_default=True),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def query_from_options(options: dict[str, Any]) -> EventQuery:
    """An EventQuery from ``filter_options`` values (``--event-date`` A|B wins over from/to)."""
    date_from = options["event_date_from"].date() if options.get("event_date_from") else None
    date_to = options["event_date_to"].date() if options.get("event_date_to") else None
    if options.get("event_date"):
        date_from, date_to = options["event_date"]
    updated = options.get("updated_since")
    if updated is not None and updated.tzinfo is None:
        updated = updated.replace(tzinfo=dt.UTC)
    sort: Sort = options.get("sort") or "-event_date"
    return EventQuery(
        country=options.get("country"),
        admin1=options.get("admin1"),
        event_type=options.get("event_type"),
        sub_event_type=options.get("sub_event_type"),
        actor=options.get("actor"),
        interaction=options.get("interaction"),
        date_from=date_from,
        date_to=date_to,
        bbox=options.get("bbox"),
        q=options.get("q"),
        updated_since=updated,
        sort=sort,
    )


@click.command("ingest")
@input_options
@workers_option
@quiet_option
@config_option
@handle_errors
def ingest_command(
    inputs: tuple[Path, ...],
    default_date: dt.date | None,
    on_error: Literal["skip", "fail"],
    workers: int,
    quiet: bool,
    config_file: Path | None,
) -> None:
    """Code news INPUT files or directories and merge the events into the store.

    Articles already stored with the same content are skipped; changed ones are re-coded.

    \b
    Example:
      harmattan ingest reports.jsonl
      HARMATTAN_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1/harmattan harmattan ingest feeds/
    """
    settings = load_settings(config_file=config_file)
    store = open_store(settings)
    try:
        report = run_ingest(
            inputs, settings, store, default_date=default_date, on_error=on_error, quiet=quiet, workers=workers
        )
    finally:
        store.close()
    if report.coding.failed:
        sys.exit(1)


@click.command("serve")
@click.option("--host", help="Address to bind (default: the host setting).")
@click.option("--port", type=int, help="Port (default: the port setting).")
@config_option
@handle_errors
def serve_command(host: str | None, port: int | None, config_file: Path | None) -> None:
    """Serve the REST API (OpenAPI docs at /docs) and the dashboard over the store.

    \b
    Example:
      harmattan serve --port 8000
    """
    settings = load_settings(config_file=config_file, host=host, port=port)
    store = open_store(settings)
    try:
        serve_app(settings, store)
    finally:
        store.close()


@click.command("export")
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    required=True,
    help="Output file; the suffix (.csv .jsonl .geojson .parquet) names the format.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["acled-csv", "jsonl", "geojson", "parquet"]),
    help="Override the format from --out.",
)
@filter_options
@quiet_option
@config_option
@handle_errors
def export_command(out: Path, fmt: str | None, quiet: bool, config_file: Path | None, **filters: Any) -> None:
    """Export stored events matching the filters of GET /events.

    \b
    Example:
      harmattan export --format acled-csv --out mali.csv --country Mali --event-date 2024-01-01|2024-03-31
      harmattan export --out events.geojson --bbox -5,10,5,20 --q ambush
    """
    from harmattan.export import export_events, export_format

    chosen = export_format(out, fmt)
    settings = load_settings(config_file=config_file)
    store = open_store(settings)
    try:
        count = export_events(store, query_from_options(filters), out, fmt=chosen)
    finally:
        store.close()
    if not quiet:
        click.echo(f"{count} events -> {out} ({chosen})", err=True)
