"""The real pipeline (models, gazetteer, dictionary) through the CLI on reports we wrote."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harmattan.cli.main import cli
from harmattan.records import ACLED_COLUMNS

pytestmark = pytest.mark.slow
REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports.jsonl"


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict[str, list[dict]], str]:
    out = tmp_path_factory.mktemp("code") / "events.jsonl"
    result = CliRunner().invoke(cli, ["code", str(REPORTS), "--out", str(out), "--quiet"])
    events: dict[str, list[dict]] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        events.setdefault(event["article_ids"][0], []).append(event)
    return result.exit_code, events, result.output


def test_code_cli_reports_bad_records_and_exits_1(coded: tuple[int, dict[str, list[dict]], str]) -> None:
    exit_code, events, _ = coded
    assert exit_code == 1  # two bad records were skipped
    assert "it-nodate" not in events
    assert "it-en-3" not in events  # no event in it


def test_code_cli_codes_the_camp_attack_field_by_field(coded: tuple[int, dict[str, list[dict]], str]) -> None:
    _, events, _ = coded
    [event] = events["it-en-1"]
    assert event["event_type"] == "Battles"
    assert event["sub_event_type"] == "Armed clash"
    assert event["event_date"] == "2024-03-09"  # Saturday before Monday 11 March
    assert event["time_precision"] == 1
    assert event["fatalities"] == 14
    assert event["country"] == "Mali"
    assert event["admin1"] == "Mopti"
    assert event["location"] == "Boni"
    assert event["geo_precision"] == 1
    assert {event["actor1"], event["actor2"]} == {
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Mali",
    }
    assert {event["inter1"], event["inter2"]} == {1, 2}
    assert event["interaction"] == 12
    assert event["disorder_type"] == "Political violence"
    fields = {e["field"] for e in event["evidence"]}
    assert {"event_type", "event_date", "location", "fatalities"} <= fields


def test_code_cli_evidence_points_into_the_cleaned_text(coded: tuple[int, dict[str, list[dict]], str]) -> None:
    from harmattan.ingest.readers import read_path

    _, events, _ = coded
    texts = {a.id: a.text for a in read_path(REPORTS) if not isinstance(a, Exception)}
    for article_id, article_events in events.items():
        for event in article_events:
            for ev in event["evidence"]:
                assert texts[article_id][ev["start"] : ev["end"]] == ev["text"]


def test_code_cli_codes_french_abduction(coded: tuple[int, dict[str, list[dict]], str]) -> None:
    _, events, _ = coded
    [event] = events["it-fr-1"]
    assert event["sub_event_type"] == "Abduction/forced disappearance"
    assert event["event_date"] == "2024-05-19"  # dimanche soir before Monday 20 May
    assert event["country"] == "Niger"
    assert event["admin1"] == "Tillaberi"
    assert event["location"] == "Ouallam"
    assert event["actor1"] == "Unidentified Armed Group (Niger)"
    assert event["actor2"] == "Civilians (Niger)"
    assert event["language"] == "fr"


def test_code_cli_codes_protest_with_intervention(coded: tuple[int, dict[str, list[dict]], str]) -> None:
    _, events, _ = coded
    [event] = events["it-en-2"]
    assert event["sub_event_type"] == "Protest with intervention"
    assert event["event_date"] == "2023-06-01"
    assert event["country"] == "Senegal"
    assert event["actor1"] == "Protesters (Senegal)"
    assert event["actor2"] == "Police Forces of Senegal"


def test_code_cli_writes_acled_csv(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(cli, ["code", str(REPORTS), "--out", str(out), "--quiet"])
    assert result.exit_code == 1
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert any(r["location"] == "Boni" for r in rows)


def test_code_cli_fail_mode_stops_without_writing(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(cli, ["code", str(REPORTS), "--out", str(out), "--on-error", "fail"])
    assert result.exit_code == 2
    assert "not valid JSON" in result.output
    assert not out.exists()
