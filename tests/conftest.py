"""Cheap shared fixtures. Expensive ones (models, the real gazetteer) are session-scoped."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmattan.testing import make_article, make_event

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


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


@pytest.fixture
def event_factory():  # type: ignore[no-untyped-def]
    return make_event
