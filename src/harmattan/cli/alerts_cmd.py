"""``harmattan alerts``: print this week's trend alerts from the event store."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from harmattan.analysis.alerts import AlertReport
from harmattan.cli.options import config_option, parse_date_option
from harmattan.config import load_settings
from harmattan.errors import HarmattanError


def render_alerts(report: AlertReport, *, show_all: bool) -> list[str]:
    """Lines to print: the loud alerts, then (with --all) limited change."""
    if report.as_of is None:
        return ["No events in the store: nothing to compare."]
    quiet = {"limited change", "no baseline"}
    shown = [a for a in report.alerts if show_all or a.level not in quiet]
    lines = [f"Alerts for the week of {report.as_of - dt.timedelta(days=report.as_of.weekday())} "
             f"(as of {report.as_of}): {len(shown)} shown of {len(report.alerts)}"]
    for alert in shown:
        ids = ", ".join(alert.event_ids[:5]) + (f" (+{len(alert.event_ids) - 5})" if len(alert.event_ids) > 5 else "")
        lines.append(f"[{alert.level}] {alert.message}")
        if ids:
            lines.append(f"    events: {ids}")
    if not shown:
        lines.append("No increase, surge or new actor (use --all to see every country).")
    return lines


@click.command("alerts")
@click.option("--as-of", "as_of", callback=parse_date_option, help="Date (YYYY-MM-DD); default: the latest event.")
@click.option("--country", help="Only this country (as in the event's country column).")
@click.option("--all", "show_all", is_flag=True, help="Also print countries with limited change.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON that GET /alerts serves.")
@config_option
def alerts_command(
    as_of: dt.date | None, country: str | None, show_all: bool, as_json: bool, config_file: Path | None
) -> None:
    """Print trend alerts for the latest week: country change levels (vs the previous 4 and 52
    weeks), admin1 surges and actors new to an admin1, each with its evidence events.

    \b
    Example:
      harmattan alerts
      harmattan alerts --as-of 2024-06-09 --country Mali --all
    """
    from harmattan.analysis.source import alerts_from_store
    from harmattan.store import open_store

    try:  # main.handle_errors' translation, inline: importing main here would be circular
        settings = load_settings(config_file=config_file)
        store = open_store(settings)
        try:
            report = alerts_from_store(store, as_of=as_of, country=country)
        finally:
            store.close()
    except HarmattanError as exc:
        click.echo(f"harmattan: error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in render_alerts(report, show_all=show_all):
            click.echo(line)
