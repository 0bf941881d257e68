"""The REST API over a real store (SQLite and PostgreSQL): filters, formats, details, errors."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
from collections.abc import Sequence

import httpx
import pytest

from harmattan.api import create_app
from harmattan.config import Settings
from harmattan.dedup import MergeResult
from harmattan.records import ACLED_COLUMNS, Article, EventRecord, Evidence
from harmattan.testing import make_event

EXTRA = ("article_ids", "confidence", "language", "fatalities_low", "fatalities_high", "merge_reasons")


def keep_all(new: Sequence[EventRecord], existing: Sequence[EventRecord]) -> MergeResult:
    return MergeResult(events=tuple(new), replaced=())


# id, article text, fields
EVENTS = [
    (
        "m1",
        "Gunmen attacked Ménaka market.",
        dict(
            event_date="2024-03-04",
            admin1="Menaka",
            location="Menaka",
            latitude=15.92,
            longitude=2.40,
            fatalities=7,
            actor1="Islamic State (Sahel)",
            interaction=27,
            notes="Gunmen attacked Ménaka market.",
        ),
    ),
    (
        "m2",
        "Soldiers clashed with JNIM near Gao.",
        dict(
            event_date="2024-03-12",
            admin1="Gao",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Military Forces of Mali (2021-)",
            actor2="JNIM: Group for Support of Islam and Muslims",
            assoc_actor_1="Wagner Group",
            interaction=12,
            fatalities=3,
            notes="Soldiers clashed with militants near Gao.",
        ),
    ),
    (
        "b1",
        "Students marched in Ouagadougou.",
        dict(
            event_date="2024-03-13",
            country="Burkina Faso",
            iso=854,
            admin1="Centre",
            location="Ouagadougou",
            latitude=12.37,
            longitude=-1.53,
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Burkina Faso)",
            actor2="",
            interaction=60,
            disorder_type="Demonstrations",
            notes="Students marched in Ouagadougou.",
        ),
    ),
    (
        "n1",
        "An explosion hit a road in Borno.",
        dict(
            event_date="2024-03-20",
            country="Nigeria",
            iso=566,
            admin1="Borno",
            location="Borno",
            latitude=None,
            longitude=None,
            geo_precision=3,
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            fatalities=2,
            actor1="Boko Haram",
            interaction=27,
            notes="An explosion hit a road in Borno.",
        ),
    ),
]


@pytest.fixture(scope="module")
def api(module_store_url, tmp_path_factory):  # type: ignore[no-untyped-def]
    """One filled store per back-end, shared by this module's read-only tests."""
    from harmattan.store import store_from_url

    fresh_store = store_from_url(module_store_url)
    for event_id, text, fields in EVENTS:
        article = Article(
            id=f"art-{event_id}",
            text=text,
            date=dt.date.fromisoformat(fields["event_date"]),
            url=f"https://example.org/{event_id}",
            title=text[:20],
            language="en",
            source="Test Wire",
        )
        evidence = (Evidence(article.id, "event_type", 0, 6, text[:6]),)
        fresh_store.ingest(article, [make_event(event_id, article.id, evidence=evidence, **fields)], merge=keep_all)
    yield create_app(Settings(data_dir=tmp_path_factory.mktemp("data")), fresh_store)
    fresh_store.close()


def get(app, path: str, **params: object) -> httpx.Response:  # type: ignore[no-untyped-def]
    """One request through ASGI (no server, no starlette TestClient)."""

    async def call() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return await client.get(path, params={k: str(v) for k, v in params.items()})

    return asyncio.run(call())


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(e["event_id_cnty"] for e in response.json()["events"])


def test_api_events_page_has_every_column(api) -> None:  # type: ignore[no-untyped-def]
    body = get(api, "/events", limit=2).json()
    assert (body["total"], body["limit"], body["offset"], len(body["events"])) == (4, 2, 0, 2)
    assert list(body["events"][0]) == [*ACLED_COLUMNS, *EXTRA]
    assert [e["event_id_cnty"] for e in body["events"]] == ["n1", "b1"]  # newest first


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "Mali"}, ["m1", "m2"]),
        ({"admin1": "Gao"}, ["m2"]),
        ({"event_type": "Protests"}, ["b1"]),
        ({"sub_event_type": "Armed clash"}, ["m2"]),
        ({"actor": "jnim"}, ["m2"]),
        ({"actor": "WAGNER"}, ["m2"]),
        ({"actor": "civilians (mali)"}, ["m1", "n1"]),
        ({"interaction": 27}, ["m1", "n1"]),
        ({"event_date_from": "2024-03-12", "event_date_to": "2024-03-13"}, ["b1", "m2"]),
        ({"event_date": "2024-03-01|2024-03-12"}, ["m1", "m2"]),
        ({"event_date": "2024-03-20"}, ["n1"]),
        ({"bbox": "-2,12,1,13"}, ["b1"]),
        ({"bbox": "0,10,5,20"}, ["m1", "m2"]),
        ({"bbox": "0,10,5,20", "event_date_from": "2024-03-10"}, ["m2"]),
        ({"bbox": "0,10,5,20", "event_date": "2024-03-01|2024-03-05"}, ["m1"]),
        ({"q": "menaka"}, ["m1"]),
        ({"q": "explosion borno"}, ["n1"]),
        ({"q": "march"}, ["b1"]),
        ({"q": "?!"}, ["b1", "m1", "m2", "n1"]),
        ({"updated_since": "2000-01-01T00:00:00Z"}, ["b1", "m1", "m2", "n1"]),
        ({"updated_since": "2999-01-01T00:00:00+01:00"}, []),
        ({"country": "Mali", "event_type": "Battles"}, ["m2"]),
    ],
)
def test_api_events_filters(api, params: dict[str, object], expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    response = get(api, "/events", **params)
    assert ids(response) == expected
    assert response.json()["total"] == len(expected)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("event_date", ["m1", "m2", "b1", "n1"]),
        ("-event_date", ["n1", "b1", "m2", "m1"]),
        ("-fatalities", ["m1", "m2", "n1", "b1"]),
    ],
)
def test_api_events_sort(api, sort: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [e["event_id_cnty"] for e in get(api, "/events", sort=sort).json()["events"]] == expected


def test_api_events_offset_pages_through(api) -> None:  # type: ignore[no-untyped-def]
    pages = [get(api, "/events", limit=3, offset=o).json() for o in (0, 3, 10)]
    assert [len(p["events"]) for p in pages] == [3, 1, 0]
    assert all(p["total"] == 4 for p in pages)


def test_api_events_csv_in_acled_order(api) -> None:  # type: ignore[no-untyped-def]
    response = get(api, "/events", format="csv", country="Mali")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == list(ACLED_COLUMNS)
    assert len(rows) == 3


def test_api_events_geojson_omits_events_without_coordinates(api) -> None:  # type: ignore[no-untyped-def]
    body = get(api, "/events", format="geojson").json()
    assert body["type"] == "FeatureCollection"
    assert sorted(f["properties"]["event_id_cnty"] for f in body["features"]) == ["b1", "m1", "m2"]
    feature = next(f for f in body["features"] if f["id"] == "b1")
    assert feature["geometry"] == {"type": "Point", "coordinates": [-1.53, 12.37]}
    assert set(feature["properties"]) == {*ACLED_COLUMNS, *EXTRA}


def test_api_event_detail_has_evidence_and_reports(api) -> None:  # type: ignore[no-untyped-def]
    body = get(api, "/events/m1").json()
    assert body["evidence"] == [{"article_id": "art-m1", "field": "event_type", "start": 0, "end": 6, "text": "Gunmen"}]
    assert body["reports"] == [
        {
            "id": "art-m1",
            "url": "https://example.org/m1",
            "title": "Gunmen attacked Ména",
            "date": "2024-03-04",
            "language": "en",
            "source": "Test Wire",
        }
    ]
    article = get(api, "/articles/art-m1").json()
    assert article["text"][0:6] == "Gunmen"


@pytest.mark.parametrize("path", ["/events/nope", "/articles/nope"])
def test_api_unknown_ids_are_404(api, path: str) -> None:  # type: ignore[no-untyped-def]
    response = get(api, path)
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_api_stats_by_week_type_admin1_actor(api) -> None:  # type: ignore[no-untyped-def]
    body = get(api, "/stats", country="Mali").json()
    assert (body["total_events"], body["total_fatalities"]) == (2, 10)
    assert body["by_week"] == [
        {"week": "2024-03-04", "event_type": "Violence against civilians", "events": 1, "fatalities": 7},
        {"week": "2024-03-11", "event_type": "Battles", "events": 1, "fatalities": 3},
    ]
    assert {t["event_type"] for t in body["by_event_type"]} == {"Battles", "Violence against civilians"}
    assert {(a["admin1"], a["events"]) for a in body["by_admin1"]} == {("Gao", 1), ("Menaka", 1)}
    assert {"actor": "Civilians (Mali)", "events": 1, "fatalities": 7} in body["by_actor"]


def test_api_filters_lists_distinct_values(api) -> None:  # type: ignore[no-untyped-def]
    body = get(api, "/filters").json()
    assert body["countries"] == ["Burkina Faso", "Mali", "Nigeria"]
    assert {"country": "Mali", "admin1": "Gao"} in body["admin1"]
    assert "Protests" in body["event_types"] and "Armed clash" in body["sub_event_types"]
    assert body["actors"][0] == "Civilians (Mali)"


def test_api_health(api) -> None:  # type: ignore[no-untyped-def]
    body = get(api, "/health").json()
    assert body["status"] == "ok" and body["store"] in ("sqlite", "postgresql")


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/events", {"bbox": "1,2,3"}, "bbox"),
        ("/events", {"bbox": "a,b,c,d"}, "bbox"),
        ("/events", {"bbox": "0,50,10,40"}, "bbox"),
        ("/events", {"bbox": "0,0,200,10"}, "bbox"),
        ("/events", {"event_date": "2024-03-01|x"}, "event_date"),
        ("/events", {"event_date": "2024-03-10|2024-03-01"}, "event_date"),
        ("/events", {"event_date_from": "yesterday"}, "event_date_from"),
        ("/events", {"updated_since": "soon"}, "updated_since"),
        ("/events", {"limit": 0}, "limit"),
        ("/events", {"limit": 5001}, "limit"),
        ("/events", {"offset": -1}, "offset"),
        ("/events", {"sort": "country"}, "sort"),
        ("/events", {"format": "xml"}, "format"),
        ("/events", {"interaction": "ten"}, "interaction"),
        ("/events", {"country": "Ma\x00li"}, "country"),
        ("/stats", {"bbox": "1"}, "bbox"),
    ],
)
def test_api_bad_parameters_are_422_naming_the_parameter(
    api, path: str, params: dict[str, object], parameter: str
) -> None:  # type: ignore[no-untyped-def]
    response = get(api, path, **params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", parameter]


def test_api_docs_page_loads_only_local_assets(api) -> None:  # type: ignore[no-untyped-def]
    import re

    html = get(api, "/docs").text
    refs = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", html)
    assert "/openapi.json" in refs
    assert len(refs) >= 4  # script, stylesheet, favicon, spec
    for ref in refs:
        assert not re.match(r"^(https?:)?//", ref), f"/docs would fetch {ref} from the network"
        assert get(api, ref).status_code == 200, f"{ref} is not served"
    assert "http://" not in html and "https://" not in html
    assert get(api, "/redoc").status_code == 404


def test_api_openapi_documents_the_event_filters(api) -> None:  # type: ignore[no-untyped-def]
    spec = get(api, "/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert names >= {
        "country",
        "admin1",
        "event_type",
        "sub_event_type",
        "actor",
        "interaction",
        "event_date_from",
        "event_date_to",
        "event_date",
        "bbox",
        "q",
        "updated_since",
        "limit",
        "offset",
        "sort",
        "format",
    }
    assert {"/events/{event_id}", "/articles/{article_id}", "/stats", "/filters", "/health"} <= set(spec["paths"])
