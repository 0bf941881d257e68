"""EventStore writes: migrations, idempotent ingest, re-coding changed articles, merging.

Every test runs on SQLite and on the local PostgreSQL (``fresh_store`` is parametrized).
Merging is injected where a test checks the store's bookkeeping, so these tests do not
depend on the dedup algorithm's thresholds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pytest
import sqlalchemy as sa

from harmattan.config import Settings
from harmattan.dedup import MergeResult
from harmattan.errors import StoreError
from harmattan.records import Article, EventRecord
from harmattan.store import EventQuery, open_store, store_from_url
from harmattan.store.migrations import MIGRATIONS, applied_migrations, apply_migrations


def article(
    article_id: str, text: str = "Gunmen attacked a village near Ansongo.", date: str = "2024-03-11"
) -> Article:
    return Article(
        id=article_id,
        text=text,
        date=dt.date.fromisoformat(date),
        title=f"Title {article_id}",
        url=f"https://example.org/{article_id}",
        language="en",
        source="Test Wire",
    )


def no_merge(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> MergeResult:
    return MergeResult(events=tuple(new), replaced=())


def merge_by_place(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> MergeResult:
    """Merge everything at the same location and date into the oldest such event."""
    groups: dict[tuple[str, str], list[EventRecord]] = {}
    for record in [*existing, *new]:
        groups.setdefault((record.location, record.event_date), []).append(record)
    touched = {(r.location, r.event_date) for r in new}
    events, replaced = [], []
    for key, members in groups.items():
        if key not in touched:
            continue
        head = members[0]
        ids = tuple(dict.fromkeys(a for m in members for a in m.article_ids))
        evidence = tuple(dict.fromkeys(e for m in members for e in m.evidence))
        counts = [m.fatalities for m in members]
        events.append(
            dataclasses.replace(
                head,
                article_ids=ids,
                evidence=evidence,
                fatalities=min(counts),
                fatalities_low=min(counts),
                fatalities_high=max(counts),
                merge_reasons=(f"merged from {len(ids)} reports",),
            )
        )
        existing_ids = {e.event_id_cnty for e in existing}
        replaced.extend(m.event_id_cnty for m in members[1:] if m.event_id_cnty in existing_ids)
    return MergeResult(events=tuple(events), replaced=tuple(replaced))


def all_events(store) -> list[EventRecord]:  # type: ignore[no-untyped-def]
    return list(store.iter_events(EventQuery(sort="event_date"), with_evidence=True))


def test_store_migrations_applied_in_order_and_recorded(fresh_store) -> None:  # type: ignore[no-untyped-def]
    with fresh_store.engine.connect() as conn:
        assert applied_migrations(conn) == sorted(m.name for m in MIGRATIONS)
    assert apply_migrations(fresh_store.engine) == []


def test_store_same_article_twice_changes_nothing(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    a1 = article("a1")
    first = fresh_store.ingest(a1, [event_factory("e1", "a1", fatalities=3)], merge=no_merge)
    before = all_events(fresh_store)
    updated_before = fresh_store.query_events(EventQuery(updated_since=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    second = fresh_store.ingest(a1, [event_factory("e1", "a1", fatalities=3)], merge=no_merge)
    assert (first.status, first.written) == ("added", ("e1",))
    assert (second.status, second.written, second.deleted) == ("unchanged", (), ())
    assert all_events(fresh_store) == before
    assert fresh_store.is_unchanged(a1)
    assert updated_before.total == 1


def test_store_keeps_article_text_evidence_and_links(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    fresh_store.ingest(article("a1", text="Soldiers attacked Ménaka."), [event_factory("e1", "a1")], merge=no_merge)
    stored = fresh_store.get_article("a1")
    detail = fresh_store.get_event("e1")
    assert stored is not None and stored.text == "Soldiers attacked Ménaka." and stored.date == dt.date(2024, 3, 11)
    assert detail is not None
    assert [e.field for e in detail.evidence] == ["event_type"]
    assert [r.id for r in detail.reports] == ["a1"]
    assert detail.event.article_ids == ("a1",)


def test_store_unknown_ids_are_none(fresh_store) -> None:  # type: ignore[no-untyped-def]
    assert fresh_store.get_event("nope") is None
    assert fresh_store.get_article("nope") is None


def test_store_changed_article_replaces_its_events(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    fresh_store.ingest(article("a1"), [event_factory("e1", "a1", fatalities=2)], merge=no_merge)
    outcome = fresh_store.ingest(
        article("a1", text="Gunmen killed five people in Ansongo."),
        [event_factory("e9", "a1", fatalities=5, location="Menaka")],
        merge=no_merge,
    )
    assert outcome.status == "updated"
    assert outcome.deleted == ("e1",)
    assert [(e.event_id_cnty, e.fatalities) for e in all_events(fresh_store)] == [("e9", 5)]
    assert fresh_store.get_article("a1").text == "Gunmen killed five people in Ansongo."


def test_store_changed_article_rebuilds_shared_event(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    fresh_store.ingest(article("a1"), [event_factory("e1", "a1", fatalities=2)], merge=merge_by_place)
    fresh_store.ingest(
        article("a2", text="Attack in Ansongo."), [event_factory("e2", "a2", fatalities=9)], merge=merge_by_place
    )
    merged = all_events(fresh_store)
    assert [(e.event_id_cnty, e.article_ids, e.fatalities_high) for e in merged] == [("e1", ("a1", "a2"), 9)]
    fresh_store.ingest(
        article("a2", text="Protest in Gao."),
        [event_factory("e3", "a2", location="Gao", event_type="Protests", sub_event_type="Peaceful protest")],
        merge=merge_by_place,
    )
    after = {e.event_id_cnty: e for e in all_events(fresh_store)}
    assert set(after) == {"e1", "e3"}
    assert after["e1"].article_ids == ("a1",)
    assert after["e1"].fatalities == 2
    assert {e.article_id for e in after["e1"].evidence} == {"a1"}
    assert [r.id for r in fresh_store.get_event("e1").reports] == ["a1"]


def test_store_absorbed_events_are_deleted_and_their_reports_kept(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    fresh_store.ingest(article("a1"), [event_factory("e1", "a1")], merge=no_merge)
    fresh_store.ingest(article("a2", text="Same attack."), [event_factory("e2", "a2")], merge=no_merge)
    outcome = fresh_store.ingest(article("a3", text="Third report."), [event_factory("e3", "a3")], merge=merge_by_place)
    assert outcome.deleted == ("e2",)
    assert fresh_store.get_event("e2") is None
    detail = fresh_store.get_event("e1")
    assert [r.id for r in detail.reports] == ["a1", "a2", "a3"]
    # a2's report moved with it: changing a2 later rebuilds e1 from a1 and a3 only.
    fresh_store.ingest(article("a2", text="Nothing happened."), [], merge=merge_by_place)
    assert fresh_store.get_event("e1").event.article_ids == ("a1", "a3")


def test_store_failed_merge_writes_nothing(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    def broken(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> MergeResult:
        raise RuntimeError("merge failed")

    with pytest.raises(RuntimeError):
        fresh_store.ingest(article("a1"), [event_factory("e1", "a1")], merge=broken)
    assert fresh_store.get_article("a1") is None
    assert fresh_store.query_events(EventQuery()).total == 0


def test_store_candidates_are_same_country_within_three_days(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    for i, (date, country) in enumerate(
        [("2024-03-08", "Mali"), ("2024-03-14", "Mali"), ("2024-03-15", "Mali"), ("2024-03-11", "Niger")]
    ):
        fresh_store.ingest(
            article(f"a{i}", text=f"report {i}"),
            [event_factory(f"e{i}", f"a{i}", event_date=date, country=country)],
            merge=no_merge,
        )
    found = fresh_store.candidates([event_factory("new", "x", event_date="2024-03-11", country="Mali")])
    assert sorted(e.event_id_cnty for e in found) == ["e0", "e1"]
    assert all(e.evidence for e in found)


def test_store_default_merge_joins_two_reports_of_one_event(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    notes = "Gunmen attacked civilians in Ansongo, killing 4."
    fresh_store.ingest(article("a1"), [event_factory("e1", "a1", fatalities=4, notes=notes)])
    fresh_store.ingest(article("a2", text="Another outlet."), [event_factory("e2", "a2", fatalities=6, notes=notes)])
    events = all_events(fresh_store)
    assert len(events) == 1
    assert set(events[0].article_ids) == {"a1", "a2"}
    assert events[0].merge_reasons


def test_store_default_sqlite_file_in_data_dir_uses_wal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(Settings(data_dir=tmp_path / "data"))
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert (tmp_path / "data" / "harmattan.sqlite").exists()
    finally:
        store.close()


@pytest.mark.parametrize("url", ["mysql://localhost/x", "not a url"])
def test_store_unsupported_url_raises_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        store_from_url(url)


@pytest.mark.postgres
def test_store_unreachable_postgres_raises_store_error() -> None:
    with pytest.raises(StoreError, match="cannot migrate"):
        store_from_url("postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=2")


def test_store_writes_evidence_rows_per_event(fresh_store, event_factory) -> None:  # type: ignore[no-untyped-def]
    fresh_store.ingest(
        article("a1"), [event_factory("e1", "a1"), event_factory("e2", "a1", location="Gao")], merge=no_merge
    )
    with fresh_store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM evidence")).scalar() == 2
        assert conn.execute(sa.text("SELECT count(*) FROM event_articles")).scalar() == 2
        assert conn.execute(sa.text("SELECT count(*) FROM reports")).scalar() == 2
