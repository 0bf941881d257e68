"""The packaged gazetteer: a read-only SQLite file built by ``harmattan gazetteer build``.

Opened lazily and once per process (``open_gazetteer``); lookups are indexed key queries,
cached per key. Owns reading the file only; building lives in ``build.py``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Collection, Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from harmattan.errors import GazetteerError
from harmattan.gazetteer.base import CountryInfo
from harmattan.records import GazEntry

_SELECT = """
SELECT e.geonameid, e.name, e.lat, e.lon, e.fclass, e.fcode, e.cc, COALESCE(c.name, e.cc),
       COALESCE(a1.name, ''), COALESCE(a2.name, ''), e.a1, e.a2, e.population
FROM entries e
LEFT JOIN countries c ON c.code = e.cc
LEFT JOIN admin1 a1 ON a1.cc = e.cc AND a1.code = e.a1
LEFT JOIN admin2 a2 ON a2.cc = e.cc AND a2.a1 = e.a1 AND a2.code = e.a2
"""
_BATCH = 500


def packaged_path() -> Path:
    """The gazetteer file shipped inside the package."""
    return Path(str(files("harmattan") / "data" / "gazetteer.sqlite"))


class SqliteGazetteer:
    """Gazetteer over a file built by ``build_gazetteer``."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise GazetteerError(f"gazetteer file not found: {path} (build one with `harmattan gazetteer build`)")
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, tuple[GazEntry, ...]] = {}
        self._spelling_cache: dict[str, tuple[GazEntry, ...]] = {}
        self._countries: dict[str, CountryInfo] | None = None
        try:
            self._con().execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"{path} is not a Harmattan gazetteer: {exc}") from exc

    def _con(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def lookup(self, keys: Collection[str]) -> Mapping[str, tuple[GazEntry, ...]]:
        return self._lookup("names", keys, self._cache)

    def lookup_spellings(self, keys: Collection[str]) -> Mapping[str, tuple[GazEntry, ...]]:
        try:
            return self._lookup("spellings", keys, self._spelling_cache)
        except sqlite3.OperationalError:  # a file built before the table existed
            return {}

    def _lookup(self, table: str, keys: Collection[str], cache: dict[str, tuple[GazEntry, ...]]
                ) -> Mapping[str, tuple[GazEntry, ...]]:
        missing = [k for k in set(keys) if k not in cache]
        for i in range(0, len(missing), _BATCH):
            batch = missing[i : i + _BATCH]
            found: dict[str, list[GazEntry]] = {k: [] for k in batch}
            marks = ",".join("?" * len(batch))
            sql = (f"SELECT n.key, x.* FROM {table} n JOIN ({_SELECT}) x ON x.geonameid = n.geonameid "
                   f"WHERE n.key IN ({marks}) ORDER BY n.geonameid")
            for row in self._con().execute(sql, batch):
                found[row[0]].append(_entry(row[1:]))
            cache.update((k, tuple(v)) for k, v in found.items())
        return {k: cache[k] for k in keys if cache.get(k)}

    def country(self, code: str) -> CountryInfo | None:
        if self._countries is None:
            self._countries = self._load_countries()
        return self._countries.get(code)

    def admin1(self, country_code: str, admin1_code: str) -> GazEntry | None:
        row = self._con().execute(
            f"{_SELECT} WHERE e.geonameid = (SELECT geonameid FROM admin1 WHERE cc = ? AND code = ?)",
            (country_code, admin1_code),
        ).fetchone()
        return _entry(row) if row else None

    def _load_countries(self) -> dict[str, CountryInfo]:
        out: dict[str, CountryInfo] = {}
        rows = self._con().execute(
            f"SELECT c.code, c.name, c.iso, c.region, x.* FROM countries c "
            f"JOIN ({_SELECT}) x ON x.geonameid = c.geonameid"
        )
        capitals = self._capitals()
        for row in rows:
            out[row[0]] = CountryInfo(code=row[0], name=row[1], iso=row[2], region=row[3], entry=_entry(row[4:]),
                                      capital=capitals.get(row[0]))
        return out

    def _capitals(self) -> dict[str, GazEntry]:
        """Each country's capital city (none in files built before the column existed)."""
        try:
            rows = self._con().execute(
                f"SELECT c.code, x.* FROM countries c JOIN ({_SELECT}) x ON x.geonameid = c.capital")
            return {row[0]: _entry(row[1:]) for row in rows}
        except sqlite3.OperationalError:
            return {}


def _entry(row: tuple[object, ...] | sqlite3.Row) -> GazEntry:
    gid, name, lat, lon, fclass, fcode, cc, country, a1, a2, a1_code, a2_code, population = row
    return GazEntry(
        geonameid=int(gid),  # type: ignore[arg-type]
        name=str(name),
        latitude=float(lat),  # type: ignore[arg-type]
        longitude=float(lon),  # type: ignore[arg-type]
        feature_class=str(fclass),
        feature_code=str(fcode),
        country_code=str(cc),
        country=str(country),
        admin1=str(a1),
        admin2=str(a2),
        admin1_code=str(a1_code),
        admin2_code=str(a2_code),
        population=int(population),  # type: ignore[arg-type]
    )


@lru_cache(maxsize=4)
def _open(path: Path) -> SqliteGazetteer:
    return SqliteGazetteer(path)


def open_gazetteer_file(path: Path | None = None) -> SqliteGazetteer:
    """The gazetteer at ``path`` (default: the packaged one), opened once per process."""
    return _open((path or packaged_path()).resolve())
