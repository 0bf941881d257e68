"""Cheap shared fixtures. Expensive ones (models, the real gazetteer) are session-scoped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from harmattan.records import Article

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


def make_article(text: str, *, date: str = "2024-03-11", language: str | None = "en", id: str = "t1") -> Article:
    """An Article as ingest would build it (text already clean)."""
    return Article(id=id, text=text, date=dt.date.fromisoformat(date), language=language)


@pytest.fixture
def article_factory():  # type: ignore[no-untyped-def]
    return make_article


# --- Event store fixtures: every store test runs on SQLite and on the local PostgreSQL. ---

PG_SERVER = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"


@pytest.fixture(scope="session")
def postgres_database():  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL database for this test session (dropped at the end)."""
    import uuid

    import psycopg

    try:
        admin = psycopg.connect(PG_SERVER, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 does not answer: {str(exc).strip()}")
    name = f"harmattan_test_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _new_store_url(request, kind: str, directory: Path) -> str:  # type: ignore[no-untyped-def]
    """A SQLite file in ``directory``, or a fresh schema in the session's PG database."""
    if kind == "sqlite":
        return f"sqlite:///{directory / 'store.sqlite'}"
    import uuid

    import psycopg

    database = request.getfixturevalue("postgres_database")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    conninfo = PG_SERVER.replace("dbname=postgres", f"dbname={database}")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    request.addfinalizer(drop)
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}?options=-csearch_path%3D{schema}"


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):  # type: ignore[no-untyped-def]
    """A URL for an empty store, once per back-end."""
    return _new_store_url(request, request.param, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    """Like ``store_url`` but shared by a module's tests (for read-only tests over one fill)."""
    return _new_store_url(request, request.param, tmp_path_factory.mktemp("store"))


@pytest.fixture
def fresh_store(store_url):  # type: ignore[no-untyped-def]
    """An empty, migrated EventStore (SQLite and PostgreSQL)."""
    from harmattan.store import store_from_url

    store = store_from_url(store_url)
    yield store
    store.close()


def make_event(event_id: str, article_id: str, **fields: object):  # type: ignore[no-untyped-def]
    """A coded EventRecord with plausible defaults; ``fields`` override any column."""
    from harmattan.records import EventRecord, Evidence

    date = str(fields.pop("event_date", "2024-03-11"))
    values: dict[str, object] = {
        "event_id_cnty": event_id, "event_date": date, "year": int(date[:4]), "time_precision": 1,
        "disorder_type": "Political violence", "event_type": "Violence against civilians",
        "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Mali)", "assoc_actor_1": "", "inter1": 3,
        "actor2": "Civilians (Mali)", "assoc_actor_2": "", "inter2": 7, "interaction": 37,
        "civilian_targeting": "Civilian targeting", "iso": 466, "region": "Western Africa", "country": "Mali",
        "admin1": "Gao", "admin2": "Ansongo", "admin3": "", "location": "Ansongo", "latitude": 15.66,
        "longitude": 0.50, "geo_precision": 1, "source": "Test Wire", "source_scale": "", "notes": "",
        "fatalities": 0, "tags": "", "timestamp": 1710115200, "article_ids": (article_id,),
        "evidence": (Evidence(article_id, "event_type", 0, 8, "attacked"),), "confidence": 0.8, "language": "en",
    }
    values.update(fields)
    return EventRecord(**values)  # type: ignore[arg-type]


@pytest.fixture
def event_factory():  # type: ignore[no-untyped-def]
    return make_event
