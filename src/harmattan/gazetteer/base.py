"""The Gazetteer protocol: what the geoparser may ask of a place store.

Four questions only: which entries carry these name keys (or these looser spelling keys), what
do we know about a country, and which entry is an admin1 area. Implementations: ``SqliteGazetteer`` (the packaged file)
and ``InMemoryGazetteer`` (a fake for tests). This module must not open files.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

from harmattan.records import GazEntry

#: Feature codes the gazetteer gives to the rows it synthesises for countries and admin1 areas.
COUNTRY_CODE = "PCLI"
ADMIN1_CODE = "ADM1"


@dataclass(frozen=True)
class CountryInfo:
    """A country as events report it: ACLED name, ISO 3166 numeric code, ACLED region."""

    code: str  # ISO 3166 alpha-2
    name: str
    iso: int
    region: str
    entry: GazEntry  # the country as a gazetteer entry (its GeoNames point, else its capital's)
    capital: GazEntry | None = None  # the capital city ("the capital", "la capitale malienne")


class Gazetteer(Protocol):
    """Read-only access to place names, countries and admin1 areas."""

    def lookup(self, keys: Collection[str]) -> Mapping[str, tuple[GazEntry, ...]]:
        """Entries for each ``name_key`` found (keys without entries are left out)."""
        ...

    def lookup_spellings(self, keys: Collection[str]) -> Mapping[str, tuple[GazEntry, ...]]:
        """Entries for each ``spelling_key`` found: transcription variants of African place names."""
        ...

    def country(self, code: str) -> CountryInfo | None:
        """The country with this ISO alpha-2 code."""
        ...

    def admin1(self, country_code: str, admin1_code: str) -> GazEntry | None:
        """The admin1 area entry (coordinates of its capital), if known."""
        ...
