"""Gazetteer: the Gazetteer protocol, the packaged GeoNames-derived SQLite store, a fake.

``open_gazetteer(settings)`` returns the store named by ``settings.gazetteer_path`` or the
one shipped in the package, opened lazily once per process. Contains data from GeoNames
(https://www.geonames.org/), CC BY 4.0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from harmattan.gazetteer.base import ADMIN1_CODE, COUNTRY_CODE, CountryInfo, Gazetteer
from harmattan.gazetteer.memory import InMemoryGazetteer
from harmattan.gazetteer.naming import name_key

if TYPE_CHECKING:
    from harmattan.config import Settings

__all__ = ["ADMIN1_CODE", "COUNTRY_CODE", "CountryInfo", "Gazetteer", "InMemoryGazetteer", "name_key",
           "open_gazetteer"]


def open_gazetteer(settings: Settings) -> Gazetteer:
    """The configured gazetteer (packaged file unless ``gazetteer_path`` is set)."""
    from harmattan.gazetteer.sqlite import open_gazetteer_file

    return open_gazetteer_file(settings.gazetteer_path)
