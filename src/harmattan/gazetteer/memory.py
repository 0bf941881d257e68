"""An in-memory Gazetteer for unit tests: a handful of entries given by the test.

Same behaviour as the packaged store for what tests touch: name keys -> entries, countries,
admin1 areas. Holds no data of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

from harmattan.gazetteer.base import ADMIN1_CODE, COUNTRY_CODE, CountryInfo
from harmattan.gazetteer.naming import SPELLING_KEY_MIN, name_key, spelling_key
from harmattan.records import GazEntry


class InMemoryGazetteer:
    """Entries with their names; countries and admin1 areas are entries with codes PCLI / ADM1."""

    def __init__(
        self,
        entries: Iterable[tuple[GazEntry, Iterable[str]]],
        *,
        countries: Iterable[CountryInfo] = (),
    ) -> None:
        self._by_key: dict[str, list[GazEntry]] = defaultdict(list)
        self._by_spelling: dict[str, list[GazEntry]] = defaultdict(list)
        self._admin1: dict[tuple[str, str], GazEntry] = {}
        self._countries = {c.code: c for c in countries}
        for entry, names in entries:
            keys = {name_key(n) for n in (entry.name, *names)}
            for key in keys:
                self._by_key[key].append(entry)
            for loose in {spelling_key(key) for key in keys if len(key) >= SPELLING_KEY_MIN}:
                self._by_spelling[loose].append(entry)
            if entry.feature_code == ADMIN1_CODE:
                self._admin1[(entry.country_code, entry.admin1_code)] = entry
        for info in self._countries.values():
            if info.entry.feature_code == COUNTRY_CODE:
                self._by_key[name_key(info.name)].append(info.entry)

    def lookup(self, keys: Collection[str]) -> Mapping[str, tuple[GazEntry, ...]]:
        return {k: tuple(self._by_key[k]) for k in keys if k in self._by_key}

    def lookup_spellings(self, keys: Collection[str]) -> Mapping[str, tuple[GazEntry, ...]]:
        return {k: tuple(self._by_spelling[k]) for k in keys if k in self._by_spelling}

    def country(self, code: str) -> CountryInfo | None:
        return self._countries.get(code)

    def admin1(self, country_code: str, admin1_code: str) -> GazEntry | None:
        return self._admin1.get((country_code, admin1_code))
