"""``harmattan gazetteer``: build the gazetteer file, look names up, list unknown places.

Thin commands over ``build_gazetteer``, ``Gazetteer.lookup`` and ``unresolved_places``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import click

from harmattan.cli.options import config_option
from harmattan.config import load_settings


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build and query the offline gazetteer (GeoNames-derived, CC BY 4.0)."""


@gazetteer_group.command("build")
@click.option("--from", "source", type=click.Path(path_type=Path, exists=True, file_okay=False), required=True,
              help="Directory of GeoNames dumps: countryInfo.txt, admin1CodesASCII.txt, cities500.txt, XX.txt ...")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="Output file (default: the packaged gazetteer). Point gazetteer_path at it to use it.")
@click.option("--ucdp", "ucdp", type=click.Path(path_type=Path, exists=True, dir_okay=False), multiple=True,
              help="UCDP GED events CSV (repeatable): adds the towns and villages its events locate that "
                   "GeoNames lacks (CC BY 4.0).")
def build_command(source: Path, out: Path | None, ucdp: tuple[Path, ...]) -> None:
    """Build the gazetteer SQLite file from GeoNames dump files (nothing is downloaded).

    \b
    Example:
      harmattan gazetteer build --from ../shared/data/geonames --out my-gazetteer.sqlite
      harmattan gazetteer build --from ../shared/data/geonames --ucdp ged-nigeria.csv --ucdp ged-burkina.csv
      HARMATTAN_GAZETTEER_PATH=my-gazetteer.sqlite harmattan code reports.jsonl --out events.jsonl
    """
    from harmattan.cli.main import handle_errors
    from harmattan.gazetteer.build import build_gazetteer
    from harmattan.gazetteer.sqlite import packaged_path

    report = handle_errors(build_gazetteer)(source, out or packaged_path(), ucdp=ucdp)
    click.echo(f"{report.path}: {report.entries} places ({report.ucdp_places} from UCDP GED), {report.names} names, "
               f"{report.countries} countries, {report.bytes / 1e6:.1f} MB")


@gazetteer_group.command("lookup")
@click.argument("names", nargs=-1, required=True)
@config_option
def lookup_command(names: tuple[str, ...], config_file: Path | None) -> None:
    """Show the gazetteer entries for place NAMES (accent- and case-insensitive).

    \b
    Example:
      harmattan gazetteer lookup Ménaka Tombouctou "Fada N'Gourma"
    """
    from harmattan.gazetteer import name_key, open_gazetteer

    gaz = open_gazetteer(load_settings(config_file=config_file))
    for name in names:
        entries = gaz.lookup([name_key(name)]).get(name_key(name), ())
        click.echo(f"{name}: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}")
        for e in sorted(entries, key=lambda e: -e.population):
            click.echo(f"  {e.geonameid}\t{e.name}\t{e.feature_code}\t{e.country}\t{e.admin1}\t{e.admin2}\t"
                       f"{e.latitude:.4f},{e.longitude:.4f}\tpop {e.population}")


@gazetteer_group.command("unresolved")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("--date", "default_date", help="Date (YYYY-MM-DD) for inputs that carry none.")
@config_option
def unresolved_command(inputs: tuple[Path, ...], default_date: str | None, config_file: Path | None) -> None:
    """List place names found in INPUTS that the gazetteer cannot resolve, most frequent first.

    \b
    Example:
      harmattan gazetteer unresolved reports.jsonl > unknown-places.tsv
    """
    from harmattan.coding import CodingReport, iter_documents
    from harmattan.ingest.readers import read_inputs
    from harmattan.pipeline import build_pipeline
    from harmattan.pipeline.places import unresolved_places

    settings = load_settings(config_file=config_file)
    date = dt.date.fromisoformat(default_date) if default_date else None
    counts: Counter[str] = Counter()
    report = CodingReport()
    for doc in iter_documents(read_inputs(inputs, default_date=date), build_pipeline(settings), report):
        counts.update(unresolved_places(doc))
    for name, n in counts.most_common():
        click.echo(f"{n}\t{name}")
