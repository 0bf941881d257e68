"""Places located by UCDP GED events: towns and villages that GeoNames' city files lack.

Reads UCDP Georeferenced Event Dataset exports (CSV, one event per row with ``where_prec``,
``where_coordinates``, ``latitude``, ``longitude``, ``adm_1``, ``adm_2``, ``country``; an HXL tag
row and trailing commas are tolerated). Keeps events located to a town or village (where_prec 1
or 2), cleans the place name ("Maiduguri town" -> "Maiduguri") and merges the events at one place
into one point, the one most events give. Owns reading only; ``build.py`` merges the places into
the gazetteer. UCDP GED is CC BY 4.0 (Sundberg & Melander 2013, Journal of Peace Research 50(4)).
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from harmattan.errors import GazetteerError
from harmattan.gazetteer.naming import name_key
from harmattan.geo import km_between

#: where_prec 1: the exact town or village; 2: within 25 km of it (the point is still the town's).
_PRECISE = {"1", "2"}
_KINDS = {"town": "PPL", "village": "PPL", "city": "PPL", "community": "PPL", "locality": "PPL", "hamlet": "PPL",
          "settlement": "PPL", "camp": "CMP"}
#: "Maiduguri town", "Silmangué village (Bourem)", "Kacham camp"; not "Between Djibo and Inata",
#: "Jos-Bauchi road" or "Kano garage" (no town or village named).
_WHERE = re.compile(
    r"^(?P<name>[A-ZÀ-Ý][\w'’.-]*(?:[ -](?:[A-ZÀ-Ý0-9][\w'’.-]*|da|de|du|el|al|wa|n))*)\s+"
    r"(?P<kind>" + "|".join(_KINDS) + r")(?:\s*\([^)]*\))?$",
    re.IGNORECASE,
)
#: Points of one place name closer than this are one place (also: a UCDP place this near a GeoNames
#: place of its name is that place).
SAME_PLACE_KM = 25.0


@dataclass(frozen=True)
class UcdpPlace:
    """A town or village as UCDP GED events locate it."""

    name: str
    latitude: float
    longitude: float
    feature_code: str  # PPL, or CMP for a camp
    country: str  # UCDP's country name ("Nigeria", "Burkina Faso")
    adm_1: str  # "Borno state", "Centre Nord region"
    adm_2: str  # "Maiduguri lga", "Kossi province"
    events: int


def place_name(where: str) -> tuple[str, str] | None:
    """The place name and feature code in a UCDP ``where_coordinates`` value, or None."""
    m = _WHERE.match(where.strip())
    if m is None or any(w.lower() in {"between", "near", "and", "road", "of"} for w in m.group("name").split()):
        return None
    return m.group("name"), _KINDS[m.group("kind").lower()]


def _rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = {"where_prec", "where_coordinates", "latitude", "longitude", "country"} - set(
                reader.fieldnames or ())
            if missing:
                raise GazetteerError(f"{path} is not a UCDP GED export (no {', '.join(sorted(missing))} column)")
            for row in reader:
                if (row.get("latitude") or "").startswith("#"):
                    continue  # the HXL tag row of HDX copies
                yield row
    except OSError as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc


def _precision(value: str) -> str:
    return value.split(".")[0].strip()


def read_ucdp_places(paths: Iterable[Path]) -> list[UcdpPlace]:
    """Towns and villages of the UCDP GED files, one per place (sorted by country and name)."""
    points: dict[tuple[str, str], Counter[tuple[float, float, str, str, str, str]]] = defaultdict(Counter)
    for path in paths:
        for row in _rows(path):
            if _precision(row.get("where_prec") or "") not in _PRECISE:
                continue
            found = place_name(row.get("where_coordinates") or "")
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except (TypeError, ValueError):
                continue
            if found is None or not row.get("country"):
                continue
            name, code = found
            points[(row["country"], name_key(name))][
                (round(lat, 5), round(lon, 5), name, code, row.get("adm_1") or "", row.get("adm_2") or "")] += 1
    out: list[UcdpPlace] = []
    for (country, _), seen in sorted(points.items()):
        places: list[tuple[tuple[float, float, str, str, str, str], int]] = []
        for point, n in seen.most_common():
            near = next((i for i, (p, _) in enumerate(places) if km_between(p[:2], point[:2]) <= SAME_PLACE_KM), None)
            if near is None:
                places.append((point, n))
            else:
                places[near] = (places[near][0], places[near][1] + n)
        for (lat, lon, name, code, adm_1, adm_2), n in places:
            out.append(UcdpPlace(name, lat, lon, code, country, adm_1, adm_2, n))
    return out
