"""Gazetteer: name keys, the in-memory fake, and a build from tiny GeoNames-format dumps and UCDP GED files."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmattan.errors import GazetteerError
from harmattan.gazetteer import InMemoryGazetteer, name_key
from harmattan.gazetteer.build import build_gazetteer
from harmattan.gazetteer.naming import ADMIN1_ALIASES, spelling_key
from harmattan.gazetteer.sqlite import SqliteGazetteer
from harmattan.gazetteer.ucdp import place_name, read_ucdp_places
from harmattan.records import GazEntry


@pytest.mark.parametrize(
    ("name", "key"),
    [("Ménaka", "menaka"), ("N'Djaména", "ndjamena"), ("N’Djamena", "ndjamena"), ("Bobo-Dioulasso", "bobo dioulasso"),
     ("TILLABÉRI", "tillaberi"), ("Côte d'Ivoire", "cote divoire")],
)
def test_gazetteer_name_key_ignores_accents_case_and_punctuation(name: str, key: str) -> None:
    assert name_key(name) == key


def test_gazetteer_fake_finds_entries_by_any_of_their_names() -> None:
    timbuktu = GazEntry(1, "Timbuktu", 16.77, -3.01, "P", "PPLA", "ML", "Mali", admin1="Tombouctou")
    gaz = InMemoryGazetteer([(timbuktu, ["Tombouctou"])])
    assert gaz.lookup(["tombouctou", "gao"]) == {"tombouctou": (timbuktu,)}


def _row(gid: int, name: str, alts: str, lat: float, lon: float, fclass: str, fcode: str, cc: str, a1: str,
         pop: int) -> str:
    cols = [str(gid), name, name, alts, str(lat), str(lon), fclass, fcode, cc, "", a1, "", "", "", str(pop), "", "",
            "Africa/Bamako", "2023-01-01"]
    return "\t".join(cols)


@pytest.fixture
def dumps(tmp_path: Path) -> Path:
    src = tmp_path / "geonames"
    src.mkdir()
    (src / "countryInfo.txt").write_text(
        "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea\tPopulation\tContinent\ttld\tCur\tCurName\tPhone\t"
        "PF\tPR\tLang\tgeonameid\tneighbours\tEq\n"
        "ML\tMLI\t466\tML\tMali\tBamako\t1240000\t19077690\tAF\t.ml\tXOF\tFranc\t223\t\t\tfr-ML\t2453866\tSN\t\n",
        encoding="utf-8",
    )
    (src / "admin1CodesASCII.txt").write_text("ML.04\tMopti\tMopti\t2453347\nML.01\tBamako\tBamako\t2460594\n",
                                              encoding="utf-8")
    (src / "ML.txt").write_text(
        "\n".join([
            _row(2460596, "Bamako", "Bamakò", 12.65, -8.0, "P", "PPLC", "ML", "01", 1_300_000),
            _row(2453348, "Mopti", "", 14.48, -4.18, "P", "PPLA", "ML", "04", 186_187),
            _row(2459917, "Boni", "", 15.08, -2.22, "P", "PPL", "ML", "04", 0),
            _row(2453347, "Mopti Region", "Région de Mopti", 14.5, -3.5, "A", "ADM1", "ML", "04", 0),
            _row(9999, "Some Hill", "", 15.0, -3.0, "T", "HLL", "ML", "04", 0),
        ]) + "\n",
        encoding="utf-8",
    )
    return src


def test_gazetteer_build_writes_places_regions_and_countries(dumps: Path, tmp_path: Path) -> None:
    report = build_gazetteer(dumps, tmp_path / "gaz.sqlite")
    gaz = SqliteGazetteer(report.path)
    found = gaz.lookup(["boni", "mopti", "bamako", "mali", "some hill"])
    assert "some hill" not in found  # hills are not places events happen in
    assert found["boni"][0].admin1 == "Mopti"
    region = next(e for e in found["mopti"] if e.feature_code == "ADM1")
    assert (region.latitude, region.longitude) == (14.48, -4.18)  # placed at its capital, as ACLED does
    country = gaz.country("ML")
    assert country is not None and (country.name, country.iso, country.region) == ("Mali", 466, "Western Africa")
    assert country.capital is not None and country.capital.name == "Bamako"
    assert gaz.admin1("ML", "04") == region


def test_gazetteer_build_refuses_a_directory_without_geonames_files(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        build_gazetteer(tmp_path, tmp_path / "gaz.sqlite")


def test_gazetteer_open_missing_file_raises_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        SqliteGazetteer(tmp_path / "nope.sqlite")


@pytest.mark.parametrize(
    ("where", "expected"),
    [("Alpha town", ("Alpha", "PPL")), ("Bravo Kura village", ("Bravo Kura", "PPL")),
     ("Charlie-Ouro village (Delta)", ("Charlie-Ouro", "PPL")), ("Echo camp", ("Echo", "CMP")),
     ("Between Alpha and Bravo", None), ("Alpha-Bravo road", None), ("Borno state", None), ("Alpha garage", None)],
)
def test_gazetteer_ucdp_place_name_drops_the_kind_word(where: str, expected: tuple[str, str] | None) -> None:
    assert place_name(where) == expected


_UCDP_HEADER = "id,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,country\n"


def _ucdp_csv(path: Path, rows: list[str], *, hxl: bool = False) -> Path:
    tags = ",,#loc+name,#adm1+name,#adm2+name,#geo+lat,#geo+lon,#country+name\n" if hxl else ""
    path.write_text(_UCDP_HEADER + tags + "".join(r + ",\n" for r in rows), encoding="utf-8")
    return path


def test_gazetteer_ucdp_events_at_one_place_make_one_point(tmp_path: Path) -> None:
    csv_path = _ucdp_csv(tmp_path / "ged.csv", [
        "1,1,Alpha village,Mopti region,Bandiagara cercle,14.30,-3.60,Mali",
        "2,1.0,Alpha village,Mopti region,Bandiagara cercle,14.30,-3.60,Mali",
        "3,2,Alpha town,Mopti region,Bandiagara cercle,14.31,-3.61,Mali",  # a few km off: the same place
        "4,1,Alpha village,Kayes region,,13.0,-11.0,Mali",  # a namesake far away
        "5,3,Bravo village,Mopti region,,14.0,-4.0,Mali",  # located to the district only
    ], hxl=True)
    places = read_ucdp_places([csv_path])
    assert [(p.name, p.latitude, p.events) for p in places] == [("Alpha", 14.30, 3), ("Alpha", 13.0, 1)]


def test_gazetteer_build_adds_ucdp_villages_geonames_lacks(dumps: Path, tmp_path: Path) -> None:
    csv_path = _ucdp_csv(tmp_path / "ged.csv", [
        "1,1,Alpha village,Mopti region,,14.30,-3.60,Mali",
        "2,1,Boni town,Mopti region,,15.09,-2.21,Mali",  # GeoNames has Boni right there
        "3,1,Bravo village,,,12.70,-8.05,Mali",  # no region given: the nearest GeoNames town's
    ])
    report = build_gazetteer(dumps, tmp_path / "gaz.sqlite", ucdp=[csv_path])
    assert report.ucdp_places == 2
    found = SqliteGazetteer(report.path).lookup(["alpha", "boni", "bravo"])
    assert [(e.name, e.admin1, e.geonameid < 0) for e in found["alpha"]] == [("Alpha", "Mopti", True)]
    assert [e.geonameid for e in found["boni"]] == [2459917]
    assert [e.admin1 for e in found["bravo"]] == ["Bamako"]


def test_gazetteer_build_refuses_a_csv_that_is_not_ucdp(dumps: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(GazetteerError):
        build_gazetteer(dumps, tmp_path / "gaz.sqlite", ucdp=[other])


@pytest.mark.parametrize(
    ("one", "other"),
    [("Bounty", "Bounti"), ("Bungou", "Boungou"), ("Tinzaouaten", "Ti-n-Zaouâtene"), ("Barsalogho", "Barsalogo"),
     ("Yirgou", "Irgou"), ("Ouahigouya", "Wahiguya"), ("Tillabery", "Tillabéri"), ("Tinzahuaten", "Tinzaouatène")],
)
def test_gazetteer_spelling_key_joins_transcription_variants(one: str, other: str) -> None:
    assert spelling_key(name_key(one)) == spelling_key(name_key(other))


@pytest.mark.parametrize(("one", "other"), [("Kidal", "Kidala"), ("Mopti", "Motti"), ("Gao", "Gaou")])
def test_gazetteer_spelling_key_keeps_other_names_apart(one: str, other: str) -> None:
    assert spelling_key(name_key(one)) != spelling_key(name_key(other))


def test_gazetteer_build_finds_african_places_by_spelling_variant(dumps: Path, tmp_path: Path) -> None:
    gaz = SqliteGazetteer(build_gazetteer(dumps, tmp_path / "gaz.sqlite").path)
    assert gaz.lookup(["bamacko"]) == {}
    assert [e.name for e in gaz.lookup_spellings([spelling_key("moptie")])[spelling_key("moptie")]
            if e.feature_class == "P"] == ["Mopti"]
    fake = InMemoryGazetteer([(e, []) for e in gaz.lookup(["mopti"])["mopti"]])
    assert fake.lookup_spellings(["mopti"]).keys() == {"mopti"}


@pytest.mark.parametrize(
    ("cc", "region", "french"),
    [("CM", "North-West", "Nord-Ouest"), ("CM", "Far North", "Extrême-Nord"),
     ("SD", "South Kordofan", "Kordofan du Sud"), ("ET", "Tigray", "Tigré")],
)
def test_gazetteer_admin1_areas_have_their_french_names(cc: str, region: str, french: str) -> None:
    assert french in ADMIN1_ALIASES[(cc, region)]
