"""The ``harmattan`` command line: thin commands over plain functions.

Each command parses options, calls one function and turns HarmattanError into one clear
line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

import click

from harmattan.cli.options import config_option, input_options, quiet_option, workers_option
from harmattan.coding import CodingReport, code_paths, open_runner
from harmattan.config import Settings, load_settings
from harmattan.errors import HarmattanError
from harmattan.output import format_for, write_events

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Translate our errors into one line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except HarmattanError as exc:
            click.echo(f"harmattan: error: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def settings_from(ctx: click.Context, config_file: Path | None) -> Settings:
    return load_settings(config_file=config_file)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="harmattan")
def cli() -> None:
    """Harmattan: news reports in, geocoded ACLED-schema events out."""


def run_coding(
    inputs: tuple[Path, ...],
    settings: Settings,
    *,
    default_date: dt.date | None,
    on_error: Literal["skip", "fail"],
    quiet: bool,
    workers: int = 1,
) -> tuple[list[Any], CodingReport]:
    """Code inputs with a progress bar (unless quiet), in ``workers`` processes."""
    with open_runner(settings, workers=workers) as pipeline:
        if quiet:
            return code_paths(inputs, pipeline, default_date=default_date, on_error=on_error)
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"), TimeElapsedColumn(),
            transient=True, console=_stderr_console(),
        ) as bar:
            task = bar.add_task("coding", total=None)
            return code_paths(
                inputs, pipeline, default_date=default_date, on_error=on_error,
                progress=lambda: bar.advance(task),
            )


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def print_summary(report: CodingReport, *, out: Path | None) -> None:
    """One screen: counts, events by type and by country, the first errors."""
    from rich.table import Table

    console = _stderr_console()
    console.print(
        f"[bold]{report.articles}[/] articles read, {report.coded} coded, "
        f"[bold]{report.events}[/] events"
        + (f" -> {out}" if out else "")
        + (f"; {report.skipped_language} skipped (not English/French)" if report.skipped_language else "")
    )
    if report.by_type:
        table = Table("event type", "events", "country", "events", box=None)
        types, countries = report.by_type.most_common(6), report.by_country.most_common(6)
        for i in range(max(len(types), len(countries))):
            t = types[i] if i < len(types) else ("", "")
            c = countries[i] if i < len(countries) else ("", "")
            table.add_row(t[0], str(t[1]), c[0], str(c[1]))
        console.print(table)
    if report.errors:
        console.print(f"[red]{report.failed} input(s) skipped because of errors[/]:")
        for message in report.errors[:10]:
            console.print(f"  {message}", markup=False, highlight=False)
        if report.failed > 10:
            console.print(f"  ... and {report.failed - 10} more")


@cli.command("code")
@input_options
@click.option("--out", "-o", type=click.Path(path_type=Path), required=True, help="events.jsonl or events.csv")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), help="Override the format from --out.")
@click.option("--merge", is_flag=True, help="Merge reports of the same event from different articles into one event.")
@workers_option
@quiet_option
@config_option
@handle_errors
def code_command(
    inputs: tuple[Path, ...],
    default_date: dt.date | None,
    on_error: Literal["skip", "fail"],
    out: Path,
    fmt: str | None,
    merge: bool,
    workers: int,
    quiet: bool,
    config_file: Path | None,
) -> None:
    """Code news INPUT files or directories into events.

    \b
    Example:
      harmattan code reports.jsonl --out events.jsonl
      harmattan code story.txt --date 2024-03-09 --out events.csv
      harmattan code reports/ --merge --out events.jsonl
      harmattan code reports/ --workers 1 --out events.jsonl   # in this process
    """
    format_for(out, fmt)  # fail on a bad format before any work
    settings = load_settings(config_file=config_file)
    events, report = run_coding(
        inputs, settings, default_date=default_date, on_error=on_error, quiet=quiet, workers=workers
    )
    if merge:
        from harmattan.dedup import merge_all

        events = merge_all(events)
    write_events(events, out, fmt=fmt)
    if not quiet:
        print_summary(report, out=out)
    if report.failed:
        sys.exit(1)


def main() -> None:
    cli()


def sample_path() -> Path:
    """The bundled sample of dated headlines (UCDP GED citations, CC BY 4.0)."""
    from importlib.resources import files

    return Path(str(files("harmattan") / "data" / "sample" / "ucdp_headlines.jsonl"))


@cli.command("demo")
@click.option("--no-serve", is_flag=True, help="Only ingest the sample; do not start the server.")
@quiet_option
@config_option
@handle_errors
def demo_command(no_serve: bool, quiet: bool, config_file: Path | None) -> None:
    """Ingest the bundled sample of real reports into the store, then serve the dashboard and API.

    Re-running adds nothing: articles already stored unchanged are skipped.

    \b
    Example:
      harmattan demo               # then open http://127.0.0.1:8000
      harmattan demo --no-serve
    """
    from harmattan.cli.store_cmd import run_ingest, serve_app
    from harmattan.store import open_store

    settings = load_settings(config_file=config_file)
    store = open_store(settings)
    try:
        run_ingest((sample_path(),), settings, store, default_date=None, on_error="skip", quiet=quiet)
        if not no_serve:
            click.echo(f"serving the dashboard at http://{settings.host}:{settings.port}/ (Ctrl-C stops)", err=True)
            serve_app(settings, store)
    finally:
        store.close()


from harmattan.cli.alerts_cmd import alerts_command  # noqa: E402

cli.add_command(alerts_command)

from harmattan.cli.store_cmd import export_command, ingest_command, serve_command  # noqa: E402

cli.add_command(ingest_command)
cli.add_command(serve_command)
cli.add_command(export_command)

from harmattan.cli.gazetteer_cmd import gazetteer_group  # noqa: E402

cli.add_command(gazetteer_group)
