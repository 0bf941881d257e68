from __future__ import annotations

import pytest

from harmattan.ingest.clean import clean_text, find_dateline, strip_date_prefix


def test_clean_strips_date_prefix_and_returns_date() -> None:
    body, date = strip_date_prefix(" date 2024-03-09 Gunmen attacked a village.")
    assert date == "2024-03-09"
    assert body == "Gunmen attacked a village."


@pytest.mark.parametrize(
    "line",
    [
        "FILE PHOTO: Soldiers stand guard in a town. REUTERS/Some Name/File Photo",
        "Read the original article on Example News",
        "Share News",
        "Copyright 2024 Example Media. All rights reserved.",
        "By John Smith",
        "Advertisement",
    ],
)
def test_clean_drops_boilerplate_lines(line: str) -> None:
    cleaned = clean_text(f"Militants attacked a checkpoint on Monday.\n{line}\nTwo soldiers died.")
    assert line not in cleaned.text
    assert "Militants attacked a checkpoint on Monday." in cleaned.text
    assert "Two soldiers died." in cleaned.text


def test_clean_keeps_sentence_starting_with_by() -> None:
    text = "By Tuesday the army had retaken the town of Example after two days of fighting."
    assert clean_text(text).text == text


def test_clean_removes_agency_trailer() -> None:
    assert clean_text("Ten people died in the blast. (Reuters)").text == "Ten people died in the blast."


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BAMAKO, Mali — Soldiers clashed with militants.", "BAMAKO"),
        ("DAKAR, March 9 (Reuters) - Protesters marched.", "DAKAR"),
        ("NIAMEY (AFP) - The junta said.", "NIAMEY"),
    ],
)
def test_clean_finds_dateline(text: str, place: str) -> None:
    span = find_dateline(text)
    assert span is not None
    assert span.text == place
    assert text[span.start : span.end] == place


def test_clean_no_dateline_in_plain_sentence() -> None:
    assert find_dateline("Gunmen killed three people in a village.") is None


@pytest.mark.parametrize("value", ["1753-01-01", "2999-01-01", "2024-13-01", "yesterday"])
def test_readers_reject_bad_or_implausible_dates(value: str) -> None:
    from harmattan.errors import InputError
    from harmattan.ingest.readers import build_article

    with pytest.raises(InputError, match="date"):
        build_article({"text": "Gunmen attacked a village.", "date": value}, origin="x.jsonl:3")


def test_readers_month_only_date_prefix_has_month_precision() -> None:
    from harmattan.ingest.readers import build_article

    article = build_article({"text": " date 2024-09 Gunmen attacked a village."}, origin="x")
    assert article.date is not None and article.date.isoformat() == "2024-09-15"
    assert article.date_precision == 3


def test_clean_strips_stray_markup_and_keeps_the_dateline() -> None:
    cleaned = clean_text("<p>BAMAKO, Mali — Gunmen attacked a camp.</p>\n< p>Two soldiers died.")
    assert "<" not in cleaned.text
    assert cleaned.dateline is not None and cleaned.dateline.text == "BAMAKO"


def test_clean_joins_hard_wrapped_lines() -> None:
    raw = "The army deployed a 1,000-strong\nforce north, which\nhas mines, the army said on\nSunday.\nRebels fled."
    expected = "The army deployed a 1,000-strong force north, which has mines, the army said on Sunday.\nRebels fled."
    assert clean_text(raw).text == expected
    kept = "Goma under fire\nShots rang out.\n\nand then"
    assert clean_text(kept).text == kept
