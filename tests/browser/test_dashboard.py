"""The dashboard in Debian's chromium, over a store the real pipeline filled from our reports."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def api(base: str, path: str) -> Any:
    with urllib.request.urlopen(f"{base}/{path}", timeout=10) as response:
        return json.load(response)


def open_dashboard(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=20000)
    page.wait_for_load_state("networkidle")


def test_dashboard_shows_map_timeline_table_and_alerts(page, live_server, shots: Path):
    total = api(live_server, "events?limit=1")["total"]
    open_dashboard(page, live_server + "/")
    assert page.locator("#events-table tbody tr").count() == total
    assert page.locator("#map .leaflet-overlay-pane path").count() > 0  # the offline basemap
    assert page.locator("#map .leaflet-marker-icon, #map path.leaflet-interactive").count() > 0  # events
    assert page.locator("#timeline svg g.bar").count() >= 4  # several weeks of reports
    assert page.locator("#alerts-body .alert").count() > 0
    assert f"{total} event" in page.locator("#summary").inner_text()
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    assert page.problems == []


def test_dashboard_filters_drive_every_view_and_the_url(page, live_server, shots: Path):
    niger = api(live_server, "events?country=Niger&limit=1")["total"]
    assert niger >= 1
    open_dashboard(page, live_server + "/")
    page.select_option("#filters select[name=country]", "Niger")
    page.wait_for_url("**country=Niger**")
    page.wait_for_function(f"document.querySelectorAll('#events-table tbody tr').length === {niger}")
    countries = page.locator("#events-table tbody td:nth-child(8)").all_inner_texts()
    assert set(countries) == {"Niger"}
    assert f"{niger} event" in page.locator("#summary").inner_text()
    shared = page.url
    page.screenshot(path=str(shots / "filtered-niger.png"), full_page=True)

    # a shared URL restores the same view
    fresh = page.context.new_page()
    open_dashboard(fresh, shared)
    assert fresh.locator("#filters select[name=country]").input_value() == "Niger"
    assert fresh.locator("#events-table tbody tr").count() == niger
    fresh.close()


def test_dashboard_text_and_date_filters(page, live_server):
    open_dashboard(page, live_server + "/?event_date_from=2024-06-03&event_date_to=2024-06-09")
    dates = page.locator("#events-table tbody td:nth-child(1)").all_inner_texts()
    assert dates and all("2024-06-03" <= d <= "2024-06-09" for d in dates)
    expected = api(live_server, "events?event_date_from=2024-06-03&event_date_to=2024-06-09&limit=1")["total"]
    assert len(dates) == expected


def test_dashboard_event_detail_highlights_the_evidence(page, live_server, shots: Path):
    open_dashboard(page, live_server + "/?country=Burkina%20Faso")
    page.locator("#events-table tbody tr >> nth=0 >> td >> nth=0").click()
    page.wait_for_url("**event=**")
    marks = page.locator("#detail .article-text mark.evidence")
    marks.first.wait_for(state="visible", timeout=10000)
    event_id = page.locator("#events-table tbody tr.selected").get_attribute("data-id")
    detail = api(live_server, f"events/{event_id}")
    quoted = {e["text"] for e in detail["evidence"]}
    shown = set(marks.all_inner_texts())
    assert shown and all(any(mark in q for q in quoted) for mark in shown)  # marks are evidence text
    assert any(text in quoted for text in shown)
    assert page.locator("#detail dt", has_text="event_id_cnty").count() == 1
    assert "[object" not in page.locator("#detail").inner_text()
    assert page.locator("#detail .reports li").count() == len(detail["reports"])
    page.locator("#detail").screenshot(path=str(shots / "event-detail.png"))
    page.screenshot(path=str(shots / "event-detail-page.png"), full_page=True)
    assert page.problems == []


def test_dashboard_escapes_untrusted_text(page, live_server, shots: Path):
    open_dashboard(page, live_server + "/?event=HOSTILE1")
    page.locator("#detail .article-text mark.evidence").first.wait_for(state="visible", timeout=10000)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#detail img, #detail script, #detail b, #detail em, #events-table img").count() == 0
    text = page.locator("#detail .article-text").inner_text()
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert page.locator("#detail .article-text mark.evidence").inner_text() == "attacked"
    assert page.locator("#detail .reports a").count() == 0  # a javascript: URL is never a link
    page.locator("#detail").screenshot(path=str(shots / "escaped-detail.png"))


def test_dashboard_actor_view(page, live_server, shots: Path):
    open_dashboard(page, live_server + "/")
    actor_link = page.locator("#events-table tbody td:nth-child(4) button").first
    actor = actor_link.inner_text()
    actor_link.click()
    page.wait_for_url("**actor=**")
    page.locator("#actor-view").wait_for(state="visible")
    assert actor in page.locator("#actor-view h2").inner_text()
    expected = api(live_server, "events?limit=1&actor=" + urllib.request.quote(actor))["total"]
    page.wait_for_function(f"document.querySelectorAll('#events-table tbody tr').length === {expected}")
    assert page.locator("#filters input[name=actor]").input_value() == actor
    page.screenshot(path=str(shots / "actor-view.png"), full_page=True)


def test_dashboard_alert_evidence_opens_an_event(page, live_server):
    report = api(live_server, "alerts")
    with_events = [a for a in report["alerts"] if a["event_ids"]]
    assert with_events, report
    open_dashboard(page, live_server + "/")
    page.locator("#alerts-body details").evaluate_all("nodes => nodes.forEach(n => n.open = true)")
    chip = page.locator(f"#alerts-body button[data-event='{with_events[0]['event_ids'][0]}']").first
    chip.click()
    page.locator("#detail h2").wait_for(state="visible")
    assert f"event={with_events[0]['event_ids'][0]}" in page.url


def test_dashboard_timeline_bar_click_sets_the_date_range(page, live_server):
    open_dashboard(page, live_server + "/")
    bar = page.locator("#timeline g.bar").last
    start, end = bar.get_attribute("data-from"), bar.get_attribute("data-to")
    bar.click()
    page.wait_for_url(f"**event_date_from={start}**")
    assert page.locator("#filters input[name=event_date_from]").input_value() == start
    assert page.locator("#filters input[name=event_date_to]").input_value() == end


def test_dashboard_timeline_folds_long_spans_into_months_or_years(page, live_server):
    open_dashboard(page, live_server + "/")
    units = page.evaluate("""() => {
        const rows = (weeks) => weeks.map((week) => ({week, event_type: "Battles", events: 1, fatalities: 2}));
        const short = H.timeSeries(rows(["2024-01-01", "2024-01-22"]));
        const long = H.timeSeries(rows(["2020-01-06", "2024-06-03"]));
        const huge = H.timeSeries(rows(["1990-01-01", "2024-06-03"]));
        return [short.unit, short.buckets.length, long.unit, long.buckets[0].from, long.buckets[0].to,
                huge.unit, huge.buckets.length];
    }""")
    assert units == ["week", 4, "month", "2020-01-01", "2020-01-31", "year", 35]


def test_dashboard_timeline_leaves_out_placeholder_dates_and_says_so(page, live_server):
    open_dashboard(page, live_server + "/")
    early = page.evaluate("""() => {
        const rows = [{week: "1753-01-01", event_type: "Battles", events: 1, fatalities: 0}];
        for (let w = "2023-01-02"; w < "2024-06-01"; w = H.addDays(w, 7)) {
          rows.push({week: w, event_type: "Battles", events: 2, fatalities: 1});
        }
        const kept = H.stragglers(rows.slice(1));
        return [H.stragglers(rows), kept.since];
    }""")
    assert early == [{"since": "2023-01-02", "events": 1, "first": "1753-01-01"}, None]


def test_dashboard_evidence_segments_handle_overlaps_and_astral_characters(page, live_server):
    open_dashboard(page, live_server + "/")
    segments = page.evaluate("""() => {
        const text = "🙂 Gunmen attacked Djibo";
        const spans = [
          {field: "actor1", start: 2, end: 8, text: "Gunmen"},
          {field: "event_type", start: 9, end: 17, text: "attacked"},
          {field: "location", start: 2, end: 17, text: "Gunmen attacked"},
        ];
        const {located, lost} = H.locateSpans(text, spans);
        return {segs: H.evidenceSegments(text, located), lost: lost.length};
    }""")
    assert segments["lost"] == 0
    marked = [(s["text"], sorted(s["fields"])) for s in segments["segs"] if s["fields"]]
    assert marked == [("Gunmen", ["actor1", "location"]), (" ", ["location"]), ("attacked", ["event_type", "location"])]


def test_dashboard_back_button_restores_the_previous_event(page, live_server):
    open_dashboard(page, live_server + "/")
    rows = page.locator("#events-table tbody tr")
    first, second = rows.nth(0).get_attribute("data-id"), rows.nth(1).get_attribute("data-id")
    rows.nth(0).locator("td").first.click()
    page.wait_for_url(f"**event={first}**")
    rows.nth(1).locator("td").first.click()
    page.wait_for_url(f"**event={second}**")
    page.go_back()
    page.wait_for_url(f"**event={first}**")
    page.wait_for_function(
        f"[...document.querySelectorAll('#detail dd')].some(d => d.textContent === {first!r})")
