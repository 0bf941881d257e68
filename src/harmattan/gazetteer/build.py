"""Build the gazetteer SQLite file from a directory of GeoNames dump files.

Reads (any that exist): ``countryInfo.txt``, ``admin1CodesASCII.txt``, ``admin2Codes.txt``,
``cities500.txt`` / ``cities15000.txt`` / ``cities1000.txt`` / ``cities5000.txt`` and
per-country dumps ``XX.txt``. Keeps populated places, admin areas and a few settlement-like
features (localities, camps, wells) of the per-country dumps; synthesises one entry per
country (coordinates of its capital) and per admin1 area (coordinates of its capital, as
ACLED places region-level events). Optionally adds the towns and villages UCDP GED events
locate that GeoNames lacks (``ucdp.py``). Writes one indexed file; never downloads anything.
"""

from __future__ import annotations

import csv
import re
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from harmattan.errors import GazetteerError
from harmattan.gazetteer.base import ADMIN1_CODE, COUNTRY_CODE
from harmattan.gazetteer.naming import (
    ADMIN1_ALIASES,
    ADMIN1_NAMES,
    COUNTRY_ALIASES,
    COUNTRY_NAMES,
    SPELLING_KEY_MIN,
    acled_region,
    name_key,
    spelling_key,
    strip_admin_suffix,
)
from harmattan.gazetteer.ucdp import SAME_PLACE_KM, UcdpPlace, read_ucdp_places
from harmattan.geo import km_between

SCHEMA_VERSION = "1"
_COUNTRY_FILE = re.compile(r"^[A-Z]{2}\.txt$")
_CITY_FILES = ("cities500.txt", "cities1000.txt", "cities5000.txt", "cities15000.txt")
#: Non-populated features of per-country dumps that news reports name as places.
_EXTRA_FEATURES = {("L", "LCTY"), ("S", "CMP"), ("S", "INSM"), ("H", "WLL"), ("H", "WLLS"), ("S", "MKT")}
_ADMIN_FEATURES = {"ADM1", "ADM2", "ADM3", "PCLI"}
#: Alternate names of places outside Africa are kept only for towns at least this big.
_ALT_NAMES_MIN_POPULATION = 15_000
_LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F'’.\-()]+$")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL, iso INTEGER NOT NULL,
    region TEXT NOT NULL, geonameid INTEGER NOT NULL, capital INTEGER);
CREATE TABLE admin1 (cc TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, geonameid INTEGER NOT NULL,
    PRIMARY KEY (cc, code)) WITHOUT ROWID;
CREATE TABLE admin2 (cc TEXT NOT NULL, a1 TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (cc, a1, code)) WITHOUT ROWID;
CREATE TABLE entries (geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    fclass TEXT NOT NULL, fcode TEXT NOT NULL, cc TEXT NOT NULL, a1 TEXT NOT NULL, a2 TEXT NOT NULL,
    population INTEGER NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE spellings (key TEXT NOT NULL, geonameid INTEGER NOT NULL, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
"""


@dataclass
class _Row:
    geonameid: int
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    cc: str
    a1: str
    a2: str
    population: int
    modified: str
    names: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    path: Path
    entries: int
    names: int
    countries: int
    bytes: int
    ucdp_places: int = 0  # places added from UCDP GED files


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


@dataclass(frozen=True)
class _Admin1:
    """One row of admin1CodesASCII.txt with the names analysts use for it."""

    cc: str
    code: str
    name: str  # GeoNames' name
    ascii_name: str  # its ASCII name without the suffix ("Tillaberi")
    display: str  # the name analysts write (ADMIN1_NAMES), else ascii_name
    geonameid: int
    raw_ascii_name: str  # GeoNames' ASCII name ("Tillaberi Region")


def _read_admin1(path: Path) -> list[_Admin1]:
    out = []
    for f in _read_tsv(path):
        if len(f) < 4 or "." not in f[0]:
            continue
        cc, code = f[0].split(".", 1)
        ascii_name = strip_admin_suffix(f[2])
        out.append(_Admin1(cc, code, f[1], ascii_name, ADMIN1_NAMES.get((cc, ascii_name), ascii_name), int(f[3]), f[2]))
    return out


def _read_admin2(path: Path) -> list[list[str]]:
    """Rows of admin2Codes.txt ("CC.A1.A2", name, ascii name, ...); none when the file is absent."""
    return [f for f in _read_tsv(path) if f[0].count(".") == 2] if path.exists() else []


def _keep_alt(name: str) -> bool:
    key = name_key(name)
    return len(key) >= 3 and not any(c.isdigit() for c in name) and bool(_LATIN.match(name)) and not (
        name.isupper() and len(name) <= 4
    )


def _read_places(path: Path, *, country_dump: bool, african: set[str]) -> Iterator[_Row]:
    for f in _read_tsv(path):
        if len(f) < 19:
            continue
        fclass, fcode = f[6], f[7]
        if fclass != "P" and not (
            country_dump and ((fclass == "A" and fcode in _ADMIN_FEATURES) or (fclass, fcode) in _EXTRA_FEATURES)
        ):
            continue
        try:
            population = int(f[14] or 0)
            row = _Row(int(f[0]), f[1], float(f[4]), float(f[5]), fclass, fcode, f[8], f[10], f[11], population,
                       f[18])
        except ValueError:
            continue
        row.names = {f[1], f[2]}
        if f[8] in african or population >= _ALT_NAMES_MIN_POPULATION:
            row.names.update(n for n in f[3].split(",") if n and _keep_alt(n))
        yield row


def _read_supplement(path: Path) -> Iterator[_Row]:
    """Hand-added places: geonameid, name, alternate names, lat, lon, country, admin1 code, feature code."""
    for f in _read_tsv(path):
        gid, name, alts, lat, lon, cc, a1, fcode = f[:8]
        row = _Row(int(gid), name, float(lat), float(lon), "P", fcode, cc, a1, "", 0, "9999")
        row.names = {name, *(a for a in alts.split(",") if a)}
        yield row


def _merge(rows: dict[int, _Row], row: _Row) -> None:
    old = rows.get(row.geonameid)
    if old is None:
        rows[row.geonameid] = row
        return
    names = old.names | row.names
    newer = row if row.modified >= old.modified else old
    newer.names = names
    if not newer.a2:
        newer.a2 = old.a2 or row.a2
    rows[row.geonameid] = newer


def _admin1_seat(rows: dict[int, _Row]) -> dict[tuple[str, str], _Row]:
    """The capital of each admin1 area: its PPLC, else its biggest PPLA, else its biggest town."""
    rank = {"PPLC": 3, "PPLA": 2}
    best: dict[tuple[str, str], _Row] = {}
    for row in rows.values():
        if row.fclass != "P" or not row.a1:
            continue
        key = (row.cc, row.a1)
        cur = best.get(key)
        if cur is None or (rank.get(row.fcode, 0), row.population) > (rank.get(cur.fcode, 0), cur.population):
            best[key] = row
    return best


def build_gazetteer(source: Path, out: Path, *, ucdp: Sequence[Path] = ()) -> BuildReport:
    """Build ``out`` from the GeoNames files in ``source`` (plus the places UCDP GED files in
    ``ucdp`` locate that GeoNames lacks); raises GazetteerError if unusable."""
    info_path = source / "countryInfo.txt"
    admin1_path = source / "admin1CodesASCII.txt"
    if not info_path.exists() or not admin1_path.exists():
        raise GazetteerError(f"{source} needs at least countryInfo.txt and admin1CodesASCII.txt")
    countries = [f for f in _read_tsv(info_path) if len(f) >= 17]
    african = {f[0] for f in countries if f[8] == "AF"}

    rows: dict[int, _Row] = {}
    city_files = [source / n for n in _CITY_FILES if (source / n).exists()]
    country_files = sorted(p for p in source.iterdir() if _COUNTRY_FILE.match(p.name))
    if not city_files and not country_files:
        raise GazetteerError(f"{source} holds no GeoNames place file (cities500.txt, XX.txt, ...)")
    for path in city_files:
        for row in _read_places(path, country_dump=False, african=african):
            _merge(rows, row)
    for path in country_files:
        for row in _read_places(path, country_dump=True, african=african):
            _merge(rows, row)

    for path in (Path(__file__).with_name("supplement.tsv"), source / "supplement.tsv"):
        if path.exists():
            for row in _read_supplement(path):
                _merge(rows, row)

    seats = _admin1_seat(rows)
    admin1_areas = _read_admin1(admin1_path)
    admin2_areas = _read_admin2(source / "admin2Codes.txt")
    added = _add_ucdp(rows, read_ucdp_places(ucdp), countries, admin1_areas, admin2_areas) if ucdp else 0
    con = _fresh_db(out)
    names: dict[int, set[str]] = defaultdict(set)
    entries: list[tuple[object, ...]] = []

    # Admin1 areas: one entry each, placed at the seat of the area.
    admin1_rows = []
    for area in admin1_areas:
        cc, code, display, gid = area.cc, area.code, area.display, area.geonameid
        source_row = rows.pop(gid, None)
        seat = seats.get((cc, code))
        lat, lon = (seat.lat, seat.lon) if seat else (source_row.lat, source_row.lon) if source_row else (None, None)
        admin1_rows.append((cc, code, display, gid))
        if lat is None or lon is None:
            continue
        entries.append((gid, display, lat, lon, "A", ADMIN1_CODE, cc, code, "", 0))
        keys = {area.name, area.raw_ascii_name, strip_admin_suffix(area.name), area.ascii_name, display,
                *ADMIN1_ALIASES.get((cc, display), ())}
        if source_row is not None:
            keys |= source_row.names
        names[gid] |= keys
    con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?, ?)", admin1_rows)

    con.executemany("INSERT OR REPLACE INTO admin2 VALUES (?, ?, ?, ?)",
                    ((*f[0].split(".", 2), f[1]) for f in admin2_areas))

    # Countries: one entry each, placed at the capital.
    capitals = {(r.cc, name_key(r.name)): r for r in rows.values() if r.fcode == "PPLC"}
    country_rows = []
    for f in countries:
        cc, continent = f[0], f[8]
        gid = int(f[16]) if f[16].isdigit() else -int.from_bytes(cc.encode(), "big")
        display = COUNTRY_NAMES.get(cc, f[4])
        capital = capitals.get((cc, name_key(f[5]))) or next((r for (c, _), r in capitals.items() if c == cc), None)
        country_rows.append((cc, display, int(f[2] or 0), acled_region(cc, continent), gid,
                             capital.geonameid if capital else None))
        # The country's own GeoNames point (its centroid) where a country dump has it, else its capital.
        point = rows.pop(gid, None) or capital
        lat, lon = (point.lat, point.lon) if point else (0.0, 0.0)
        entries.append((gid, display, lat, lon, "A", COUNTRY_CODE, cc, "", "", int(f[7] or 0)))
        names[gid] |= {f[4], display, *COUNTRY_ALIASES.get(cc, ())}
    con.executemany("INSERT INTO countries VALUES (?, ?, ?, ?, ?, ?)", country_rows)

    for row in rows.values():
        entries.append((row.geonameid, row.name, round(row.lat, 5), round(row.lon, 5), row.fclass, row.fcode,
                        row.cc, row.a1, row.a2, row.population))
        names[row.geonameid] |= row.names
    con.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
    name_rows = {(key, gid) for gid, ns in names.items() for n in ns if len(key := name_key(n)) >= 2}
    # "Ti-n-Zaouâtene" is also written "Tinzaouatène": multi-word names get a joined key too.
    name_rows |= {(key.replace(" ", ""), gid) for key, gid in list(name_rows) if " " in key and len(key) >= 6}
    con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", sorted(name_rows))
    # Transcription variants ("Bounty" for "Bounti"), for the places of African countries only.
    in_africa = {gid for gid, _, _, _, _, _, cc, *_ in entries if cc in african}
    spellings = {(spelling_key(key), gid) for key, gid in name_rows
                 if gid in in_africa and len(key) >= SPELLING_KEY_MIN}
    con.executemany("INSERT OR IGNORE INTO spellings VALUES (?, ?)", sorted(spellings))
    sources = "GeoNames (CC BY 4.0)" + ("; UCDP GED (CC BY 4.0, Sundberg & Melander 2013)" if added else "")
    con.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSION), ("source", sources)])
    con.commit()
    con.execute("VACUUM")
    con.close()
    return BuildReport(out, len(entries), len(name_rows), len(country_rows), out.stat().st_size, added)


#: Words of an admin area's name that say what it is ("Borno state", "Province du Kossi", "Maiduguri lga").
_ADMIN_WORDS = frozenset({"state", "region", "province", "territory", "district", "lga", "department",
                          "departement", "prefecture", "county", "de", "du", "des", "la", "le", "l", "d", "of"})


def _admin_key(name: str) -> str:
    return " ".join(w for w in name_key(name).split() if w not in _ADMIN_WORDS)


def _add_ucdp(rows: dict[int, _Row], places: Sequence[UcdpPlace], countries: Sequence[list[str]],
              admin1_areas: Sequence[_Admin1], admin2_areas: Sequence[list[str]]) -> int:
    """Add the UCDP places that no GeoNames place of the same name lies near (ids -2,000,000 down);
    admin1 and admin2 come from UCDP's adm_1 / adm_2 names, else from the nearest GeoNames place."""
    by_country = {name_key(name): f[0] for f in countries
                  for name in (f[4], COUNTRY_NAMES.get(f[0], f[4]), *COUNTRY_ALIASES.get(f[0], ()))}
    admin1: dict[tuple[str, str], str] = {}
    for area in admin1_areas:
        for name in (area.name, area.raw_ascii_name, area.display, *ADMIN1_ALIASES.get((area.cc, area.display), ())):
            admin1.setdefault((area.cc, _admin_key(name)), area.code)
    admin2: dict[tuple[str, str, str], str] = {}
    for f in admin2_areas:
        cc, a1, code = f[0].split(".", 2)
        for name in f[1:3]:
            admin2.setdefault((cc, a1, _admin_key(name)), code)
    wanted = {name_key(p.name) for p in places}
    known: dict[str, list[_Row]] = defaultdict(list)
    grid: dict[tuple[str, int, int], list[_Row]] = defaultdict(list)
    for row in rows.values():
        for key in {name_key(n) for n in row.names} & wanted:
            known[key].append(row)
        if row.fclass == "P" and row.a1:
            grid[(row.cc, int(row.lat * 2), int(row.lon * 2))].append(row)
    added = 0
    for place in places:
        country = by_country.get(name_key(place.country))
        point = (place.latitude, place.longitude)
        namesakes = known[name_key(place.name)]
        if country is None or any(km_between(point, (r.lat, r.lon)) <= SAME_PLACE_KM for r in namesakes):
            continue
        nearest = _nearest(grid, country, point)
        a1 = admin1.get((country, _admin_key(place.adm_1))) or (nearest.a1 if nearest else "")
        a2 = admin2.get((country, a1, _admin_key(place.adm_2)), "") or (
            nearest.a2 if nearest and nearest.a1 == a1 else "")
        fclass = "S" if place.feature_code == "CMP" else "P"
        gid = -2_000_000 - added
        row = _Row(gid, place.name, place.latitude, place.longitude, fclass, place.feature_code, country, a1, a2, 0, "")
        row.names = {place.name}
        rows[gid] = row
        known[name_key(place.name)].append(row)
        added += 1
    return added


def _nearest(grid: dict[tuple[str, int, int], list[_Row]], cc: str, point: tuple[float, float]) -> _Row | None:
    """The nearest populated place of country ``cc`` within about 50 km (half-degree cells around it)."""
    x, y = int(point[0] * 2), int(point[1] * 2)
    near = [r for dx in (-1, 0, 1) for dy in (-1, 0, 1) for r in grid.get((cc, x + dx, y + dy), ())]
    return min(near, key=lambda r: km_between(point, (r.lat, r.lon))) if near else None


def _fresh_db(out: Path) -> sqlite3.Connection:
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    con = sqlite3.connect(out)
    con.execute("PRAGMA journal_mode = OFF")
    con.executescript(_SCHEMA)
    return con


if __name__ == "__main__":  # pragma: no cover - convenience for developers
    report = build_gazetteer(Path(sys.argv[1]), Path(sys.argv[2]))
    csv.writer(sys.stdout).writerow([report.entries, report.names, report.bytes])
