"""Query latency of the event store (SQLite, or PostgreSQL with --url) at 1,000,000 synthetic events.

Loads synthetic events straight into a fresh store's tables (bypassing coding and merging),
then times ``EventStore.query_events`` (count + one page, what ``GET /events`` does) for
typical dashboard/API filters with varied parameters, and prints p50/p95 per query and
overall. Target: p95 <= 50 ms. Not a test; run it by hand:

    .venv/bin/python bench/query_latency.py [--events 1000000] [--db /tmp/bench.sqlite] [--repeat 30] [--reuse]
    .venv/bin/python bench/query_latency.py --url postgresql+psycopg://postgres@127.0.0.1:5432/bench --events 100000

``--reuse`` measures an existing --db again (after migrating it) instead of reloading (~10 min).
``--url`` measures a PostgreSQL store instead: its store tables in the URL's current schema
are DROPPED and reloaded (use a scratch database); PostGIS is used when the server has it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlalchemy as sa

from harmattan.store import BBox, EventQuery, schema, store_from_url
from harmattan.store.queries import fold
from harmattan.store.writes import epoch_day

COUNTRIES = {  # name: (iso, lat, lon, weight)
    "Nigeria": (566, 9.0, 8.0, 25),
    "Burkina Faso": (854, 12.3, -1.5, 15),
    "Mali": (466, 15.0, -2.0, 15),
    "Niger": (562, 15.0, 8.0, 10),
    "Cameroon": (120, 6.0, 12.0, 10),
    "Chad": (148, 13.0, 18.0, 5),
    "Democratic Republic of Congo": (180, -2.0, 24.0, 10),
    "Sudan": (729, 14.0, 30.0, 5),
    "Somalia": (706, 4.0, 45.0, 3),
    "Senegal": (686, 14.5, -14.5, 2),
}
TYPES = {
    "Battles": ["Armed clash", "Government regains territory"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Explosions/Remote violence": [
        "Remote explosive/landmine/IED",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Looting/property destruction", "Arrests"],
}
WORDS = [
    "gunmen",
    "attacked",
    "village",
    "market",
    "soldiers",
    "militants",
    "ambush",
    "convoy",
    "killed",
    "wounded",
    "protesters",
    "marched",
    "police",
    "arrested",
    "explosion",
    "road",
    "checkpoint",
    "herders",
    "farmers",
    "clashes",
    "abducted",
    "traders",
    "students",
    "camp",
    "attaque",
    "village",
    "soldats",
    "tués",
    "manifestants",
    "marché",
    "embuscade",
]


def pseudo_words(n: int = 5000) -> list[str]:
    """Made-up words (place names, names, rarer terms) after the common ones."""
    syllables = ["ka", "lo", "mi", "do", "ru", "sa", "te", "bou", "ni", "ga", "ya", "zo", "fe", "ma", "di", "ko"]
    return [syllables[i % 16] + syllables[(i // 16) % 16] + syllables[(i // 256) % 16] + "o" for i in range(n)]


def synthetic_rows(n: int, seed: int = 7) -> Iterator[tuple[dict[str, object], list[str], str]]:
    """(events row, actor names, search body) for n events."""
    rng = random.Random(seed)
    countries = list(COUNTRIES)
    weights = [COUNTRIES[c][3] for c in countries]
    actors = {
        c: [f"Military Forces of {c}", f"Police Forces of {c}", f"Civilians ({c})", f"Protesters ({c})"]
        + [f"Communal Militia ({c}) {k}" for k in range(20)]
        for c in countries
    }
    armed = [
        "JNIM: Group for Support of Islam and Muslims",
        "Islamic State (West Africa)",
        "Islamic State (Sahel)",
        "Boko Haram",
        "Wagner Group",
        "Al Shabaab",
        "M23: March 23 Movement",
        "Rapid Support Forces",
    ]
    start = dt.date(2018, 1, 1)
    now = dt.datetime(2025, 6, 1)
    vocabulary = WORDS + pseudo_words()
    zipf = [1 / rank for rank in range(1, len(vocabulary) + 1)]  # word frequencies as in real text
    for i in range(n):
        country = rng.choices(countries, weights)[0]
        iso, lat0, lon0, _ = COUNTRIES[country]
        event_type = rng.choice(list(TYPES))
        sub = rng.choice(TYPES[event_type])
        date = start + dt.timedelta(days=rng.randrange(2700))
        pool = actors[country]
        actor1 = rng.choice(armed) if rng.random() < 0.4 else rng.choice(pool)
        actor2 = rng.choice(pool) if rng.random() < 0.8 else ""
        fatalities = 0 if rng.random() < 0.5 else int(rng.expovariate(0.2))
        notes = " ".join(rng.choices(vocabulary, zipf, k=14))
        admin1 = f"{country} Region {rng.randrange(12)}"
        has_coords = rng.random() < 0.97
        created = now - dt.timedelta(minutes=rng.randrange(60 * 24 * 900))
        row: dict[str, object] = {
            "event_id_cnty": f"SYN{i:08d}",
            "event_date": date.isoformat(),
            "year": date.year,
            "time_precision": 1,
            "disorder_type": "Political violence",
            "event_type": event_type,
            "sub_event_type": sub,
            "actor1": actor1,
            "assoc_actor_1": "",
            "inter1": 3,
            "actor2": actor2,
            "assoc_actor_2": "",
            "inter2": 7 if actor2 else 0,
            "interaction": rng.choice([12, 13, 17, 27, 37, 60, 67]),
            "civilian_targeting": "",
            "iso": iso,
            "region": "Africa",
            "country": country,
            "admin1": admin1,
            "admin2": "",
            "admin3": "",
            "location": f"Town {rng.randrange(500)}",
            "latitude": round(lat0 + rng.uniform(-4, 4), 4) if has_coords else None,
            "longitude": round(lon0 + rng.uniform(-4, 4), 4) if has_coords else None,
            "geo_precision": 1,
            "source": "Synthetic Wire",
            "source_scale": "National",
            "notes": notes,
            "fatalities": fatalities,
            "tags": "",
            "timestamp": 1700000000,
            "confidence": 0.8,
            "language": "en",
            "fatalities_low": fatalities,
            "fatalities_high": fatalities,
            "merge_reasons": "[]",
            "article_ids": json.dumps([f"syn-{i}"]),
            "event_week": (date - dt.timedelta(days=date.weekday())).isoformat(),
            "created_at": created.isoformat(sep=" "),
            "updated_at": created.isoformat(sep=" "),
        }
        yield row, [a for a in (actor1, actor2) if a], notes


def day(row: dict[str, object]) -> int:
    return epoch_day(str(row["event_date"]))


def load(db: Path, n: int) -> None:
    """A fresh store at ``db`` with n synthetic events."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = store_from_url(f"sqlite:///{db}")
    raw = store.engine.raw_connection()
    cur = raw.cursor()
    indexes = [i for t in (schema.events, schema.event_actors) for i in t.indexes if i.name != "ix_events_updated"]
    for index in indexes:  # bulk load first, index after: much faster
        cur.execute(f"DROP INDEX {index.name}")
    # Likewise without migration 0008's per-link triggers: opening the store in measure()
    # applies 0008 again, filling its actor tables in one pass (the upgrade path of a real store).
    for trigger in ("insert", "delete", "update"):
        cur.execute(f"DROP TRIGGER event_actor_links_{trigger}")
    cur.execute("DROP TABLE event_actor_dates")
    cur.execute("DROP TABLE event_actor_pairs")
    cur.execute("DELETE FROM harmattan_migrations WHERE name = '0008_sqlite_actor_dates'")
    actor_pk: dict[str, int] = {}
    batch: list[dict[str, object]] = []
    links: list[tuple[int, int]] = []
    bodies: list[tuple[int, str]] = []
    columns: list[str] = []
    started = time.perf_counter()

    def flush() -> None:
        nonlocal batch, links, bodies
        if batch:
            sql = f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            cur.executemany(sql, [tuple(r[c] for c in columns) for r in batch])
            cur.executemany("INSERT INTO event_actors (event_pk, actor_pk) VALUES (?, ?)", links)
            cur.executemany("INSERT INTO events_fts (rowid, body) VALUES (?, ?)", bodies)
            points = [
                (r["pk"], r["longitude"], r["longitude"], r["latitude"], r["latitude"], day(r), day(r))
                for r in batch
                if r["latitude"] is not None
            ]
            cur.executemany(
                "INSERT INTO events_rtree (id, minlon, maxlon, minlat, maxlat, minday, maxday) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                points,
            )
        batch, links, bodies = [], [], []

    for pk, (row, names, body) in enumerate(synthetic_rows(n), start=1):
        if not columns:
            columns = ["pk", *row]
        row = {"pk": pk, **row}
        batch.append(row)
        for name in dict.fromkeys(names):
            if name not in actor_pk:
                cur.execute("INSERT INTO actors (name, folded) VALUES (?, ?)", (name, fold(name)))
                actor_pk[name] = int(cur.lastrowid or 0)
            links.append((pk, actor_pk[name]))
        bodies.append((pk, body))
        if len(batch) >= 50_000:
            flush()
    flush()
    raw.commit()
    print(f"inserted {n:,} events in {time.perf_counter() - started:.0f} s; indexing", flush=True)
    for index in indexes:
        cur.execute(str(sa.schema.CreateIndex(index).compile(store.engine)))
    raw.commit()
    cur.execute("ANALYZE")
    raw.commit()
    raw.close()
    store.close()
    print(f"loaded {n:,} events in {time.perf_counter() - started:.0f} s into {db}")


STORE_TABLES = ("evidence", "event_articles", "reports", "event_actors", "actors", "events", "articles",
                "harmattan_migrations")


def load_postgres(url: str, n: int) -> None:
    """A fresh PostgreSQL store at ``url`` (its tables dropped first) with n synthetic events."""
    import psycopg

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for table in STORE_TABLES:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table} CASCADE")
    engine.dispose()
    store = store_from_url(url)
    started = time.perf_counter()
    actor_pk: dict[str, int] = {}
    columns: list[str] = []
    raw = store.engine.raw_connection()
    cur = raw.cursor()
    assert isinstance(raw.driver_connection, psycopg.Connection)
    events: list[tuple[object, ...]] = []
    links: list[tuple[int, int]] = []
    for pk, (row, names, body) in enumerate(synthetic_rows(n), start=1):
        if not columns:
            columns = ["pk", *row, "search_tsv"]
        events.append((pk, *row.values(), fold(body)))
        for name in dict.fromkeys(names):
            if name not in actor_pk:
                cur.execute("INSERT INTO actors (name, folded) VALUES (%s, %s) RETURNING pk", (name, fold(name)))
                actor_pk[name] = int(cur.fetchone()[0])
            links.append((pk, actor_pk[name]))
    # COPY the rows as text (search_tsv as the folded body), then turn the body into its tsvector.
    staged = ", ".join(f"{c} text" for c in columns)
    cur.execute(f"CREATE TEMP TABLE staged ({staged})")
    with cur.copy(f"COPY staged ({', '.join(columns)}) FROM STDIN") as copy:
        for values in events:
            copy.write_row(values)
    cur.execute("SELECT column_name, data_type, udt_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = 'events'")
    types = {name: (udt if data_type == "USER-DEFINED" else data_type) for name, data_type, udt in cur.fetchall()}
    casts = ", ".join(
        f"to_tsvector('simple', {c})" if c == "search_tsv" else f"{c}::{types[c]}" for c in columns
    )
    cur.execute(f"INSERT INTO events ({', '.join(columns)}) SELECT {casts} FROM staged")
    with cur.copy("COPY event_actors (event_pk, actor_pk) FROM STDIN") as copy:
        for link in links:
            copy.write_row(link)
    cur.execute("SELECT setval(pg_get_serial_sequence('events', 'pk'), (SELECT max(pk) FROM events))")
    raw.commit()
    raw.close()
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    store.close()
    print(f"loaded {n:,} events in {time.perf_counter() - started:.0f} s into {url}")


def queries(rng: random.Random) -> dict[str, Callable[[], EventQuery]]:
    countries = list(COUNTRIES)

    def year_range() -> tuple[dt.date, dt.date]:
        start = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(2300))
        return start, start + dt.timedelta(days=365)

    def box() -> BBox:
        _, lat, lon, _ = COUNTRIES[rng.choice(countries)]
        return BBox(lon - 1.5, lat - 1.5, lon + 1.5, lat + 1.5)

    return {
        "latest 100 (no filter)": lambda: EventQuery(),
        "country": lambda: EventQuery(country=rng.choice(countries)),
        "country + 1 year": lambda: EventQuery(
            country=rng.choice(countries), date_from=(r := year_range())[0], date_to=r[1]
        ),
        "country + admin1": lambda: EventQuery(
            country=(c := rng.choice(countries)), admin1=f"{c} Region {rng.randrange(12)}"
        ),
        "event_type + 1 year": lambda: EventQuery(
            event_type=rng.choice(list(TYPES)), date_from=(r := year_range())[0], date_to=r[1]
        ),
        "actor (frequent)": lambda: EventQuery(actor=rng.choice(["jnim", "boko", "wagner", "islamic state"])),
        "actor (rare) + country": lambda: EventQuery(
            country=(c := rng.choice(countries)), actor=f"militia ({c.lower()}) {rng.randrange(20)}"
        ),
        "bbox 3x3 deg + 1 year": lambda: EventQuery(bbox=box(), date_from=(r := year_range())[0], date_to=r[1]),
        "q full text": lambda: EventQuery(q=rng.choice([*pseudo_words()[20:200], "abducted traders", "marché convoy"])),
        "-fatalities in country": lambda: EventQuery(country=rng.choice(countries), sort="-fatalities"),
        "updated_since 7 days": lambda: EventQuery(updated_since=dt.datetime(2025, 5, 25, tzinfo=dt.UTC)),
        "interaction + country": lambda: EventQuery(
            interaction=rng.choice([12, 17, 27]), country=rng.choice(countries)
        ),
        "page 50 (offset 4900)": lambda: EventQuery(country=rng.choice(countries), offset=4900),
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(url: str, repeat: int) -> None:
    started = time.perf_counter()
    store = store_from_url(url)  # applies pending migrations
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    print(f"(opened, migrated and analysed in {time.perf_counter() - started:.0f} s; {store.dialect})")
    rng = random.Random(11)
    every: list[float] = []
    every_cpu: list[float] = []
    print(f"{'query':32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p95':>8}  typical total")
    for name, make in queries(rng).items():
        store.query_events(make())  # warm the page cache once per query shape
        times, cpu, totals = [], [], []
        for _ in range(repeat):
            query = make()
            started, started_cpu = time.perf_counter(), time.process_time()
            page = store.query_events(query)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            totals.append(page.total)
        every.extend(times)
        every_cpu.extend(cpu)
        print(
            f"{name:32} {percentile(times, 50):8.1f} {percentile(times, 95):8.1f} {max(times):8.1f} "
            f"{percentile(cpu, 95):8.1f}  {int(statistics.median(totals)):,}"
        )
    print(
        f"{'ALL':32} {percentile(every, 50):8.1f} {percentile(every, 95):8.1f} {max(every):8.1f} "
        f"{percentile(every_cpu, 95):8.1f}"
    )
    print(
        f"(wall-clock ms; 'cpu' = this process's CPU ms; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} CPUs)"
    )
    started = time.perf_counter()
    store.stats(EventQuery(country="Mali", date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31)))
    print(f"(GET /stats for one country-year: {(time.perf_counter() - started) * 1000:.0f} ms; not part of the target)")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/harmattan-bench.sqlite"))
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="Measure an existing store without reloading.")
    parser.add_argument("--url", help="a PostgreSQL URL to measure instead of --db (its store tables are replaced)")
    args = parser.parse_args()
    if not args.reuse:
        if args.url:
            load_postgres(args.url, args.events)
        else:
            load(args.db, args.events)
    measure(args.url or f"sqlite:///{args.db}", args.repeat)


if __name__ == "__main__":
    main()
