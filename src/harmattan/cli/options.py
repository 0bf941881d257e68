"""Options shared by several commands, as decorators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """Click callback: a YYYY-MM-DD option value as a date (None stays None)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def input_options(func: F) -> F:
    """INPUT... plus --date and --on-error."""
    func = click.option(
        "--on-error",
        type=click.Choice(["skip", "fail"]),
        default="skip",
        show_default=True,
        help="skip: count bad inputs and exit 1 at the end; fail: stop at the first.",
    )(func)
    func = click.option(
        "--date", "default_date", callback=parse_date_option, help="Date (YYYY-MM-DD) for inputs that carry none."
    )(func)
    func = click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))(func)
    return func


def quiet_option(func: F) -> F:
    return click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")(func)


def config_option(func: F) -> F:
    return click.option(
        "--config", "config_file", type=click.Path(path_type=Path, exists=True, dir_okay=False),
        help="TOML settings file (see README: Settings).",
    )(func)


def workers_option(func: F) -> F:
    """--workers N: coding processes (default: the usable CPUs, at most 2; 1 = in this process)."""
    from harmattan.pipeline.parallel import default_workers

    return click.option(
        "--workers", "-j", type=click.IntRange(min=1), default=default_workers, show_default="CPUs, at most 2",
        help="Worker processes, each with its own pipeline; results are identical for any number.",
    )(func)
