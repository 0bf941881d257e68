"""``harmattan ingest`` / ``demo`` / ``export`` over the real pipeline and a real store.

Texts are ours (``tests/data/store_reports.jsonl``). The pipeline loads spaCy models, so these
are slow tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from harmattan.cli import main as cli_main
from harmattan.cli.main import cli
from harmattan.config import Settings
from harmattan.store import EventQuery, store_from_url

pytestmark = pytest.mark.slow

REPORTS = Path(__file__).parent.parent / "data" / "store_reports.jsonl"


def run(args: list[str], env: dict[str, str]) -> str:
    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def env(store_url: str, tmp_path: Path) -> dict[str, str]:
    return {"HARMATTAN_DATA_DIR": str(tmp_path / "data"), "HARMATTAN_DATABASE_URL": store_url}


def snapshot(url: str) -> list[tuple[str, tuple[str, ...], str]]:
    store = store_from_url(url)
    try:
        return [(e.event_id_cnty, tuple(sorted(e.article_ids)), e.notes) for e in store.iter_events(EventQuery())]
    finally:
        store.close()


def test_ingest_codes_merges_and_is_idempotent(env: dict[str, str], store_url: str) -> None:
    run(["ingest", str(REPORTS), "-q"], env)
    first = snapshot(store_url)
    assert first, "the reports should give events"
    merged = [ids for _, ids, _ in first if len(ids) > 1]
    assert ("st-1", "st-2") in merged  # the EN and FR reports of the Ansongo attack are one event
    store = store_from_url(store_url)
    try:
        before = store.query_events(EventQuery(limit=1, sort="-event_date")).total
        stored_at = store.get_article("st-1").ingested_at  # type: ignore[union-attr]
    finally:
        store.close()
    run(["ingest", str(REPORTS), "-q"], env)
    assert snapshot(store_url) == first
    store = store_from_url(store_url)
    try:
        assert store.query_events(EventQuery()).total == before
        assert store.get_article("st-1").ingested_at == stored_at  # type: ignore[union-attr]
    finally:
        store.close()


def test_ingest_changed_article_recodes_its_events(env: dict[str, str], store_url: str, tmp_path: Path) -> None:
    run(["ingest", str(REPORTS), "-q"], env)
    changed = tmp_path / "changed.jsonl"
    record = {"id": "st-3", "date": "2024-03-14", "title": "Traders riot in Bobo-Dioulasso",
              "text": "Angry traders rioted and burned tyres in Bobo-Dioulasso, Burkina Faso, on Thursday.",
              "source": "Test Wire", "language": "en"}
    changed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    run(["ingest", str(changed), "-q"], env)
    store = store_from_url(store_url)
    try:
        assert store.get_article("st-3").text.startswith("Traders riot")  # type: ignore[union-attr]
        events = list(store.iter_events(EventQuery(country="Burkina Faso"), with_evidence=True))
        assert events and all(e.article_ids == ("st-3",) for e in events)
        assert all("Ouagadougou" not in e.location for e in events)
        assert all(ev.article_id == "st-3" for e in events for ev in e.evidence)
    finally:
        store.close()


@pytest.mark.parametrize("fmt", ["acled-csv", "jsonl", "geojson", "parquet"])
def test_ingest_then_export_every_format(env: dict[str, str], tmp_path: Path, fmt: str) -> None:
    run(["ingest", str(REPORTS), "-q"], env)
    out = tmp_path / f"mali.{fmt}"
    run(["export", "--format", fmt, "--out", str(out), "--country", "Mali", "-q"], env)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert rows and all(r["country"] == "Mali" and r["evidence"] for r in rows)
    elif fmt == "geojson":
        assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    elif fmt == "parquet":
        table = pq.read_table(out)
        assert table.num_rows >= 1 and set(table.column("country").to_pylist()) == {"Mali"}
    else:
        assert out.read_text(encoding="utf-8").startswith("event_id_cnty,event_date,")


def test_ingest_demo_no_serve_is_idempotent(env: dict[str, str], store_url: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_main, "sample_path", lambda: REPORTS)  # the real sample takes minutes
    run(["demo", "--no-serve", "-q"], env)
    first = snapshot(store_url)
    run(["demo", "--no-serve", "-q"], env)
    assert snapshot(store_url) == first and first


def test_ingest_export_rejects_bad_filters(env: dict[str, str], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--out", str(tmp_path / "x.csv"), "--bbox", "1,2"], env=env)
    assert result.exit_code == 2 and "bbox" in result.output


def test_ingest_default_store_is_sqlite_in_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'harmattan.sqlite'}"
