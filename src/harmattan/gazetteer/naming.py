"""Name keys and the analysts' naming conventions the gazetteer applies.

Owns: ``name_key`` (the accent-, case- and punctuation-free key every lookup uses),
``spelling_key`` (the looser key of transcription variants), the
ACLED-style country names and regions, French country names, EN/FR demonyms, and the admin1
spellings analysts use where they differ from GeoNames. Hand-written tables of public
knowledge; no GeoNames data and nothing read at import.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['’`ʼ‘]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Lookup key: no accents, lower case, apostrophes dropped, other punctuation -> space.

    "Ménaka" -> "menaka", "N'Djaména" -> "ndjamena", "Bobo-Dioulasso" -> "bobo dioulasso".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = _APOSTROPHES.sub("", plain.replace("œ", "oe").replace("æ", "ae"))
    return _NON_WORD.sub(" ", plain).strip()


#: Transcription variants of one sound in West African place names (French and English spellings).
_SPELLINGS = (("tch", "ch"), ("sh", "ch"), ("dj", "j"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("ou", "u"),
              ("w", "u"), ("y", "i"), ("q", "k"))
_DOUBLED = re.compile(r"([a-z])\1+")
_MUTE_H = re.compile(r"(?<=[aeiou])h")
#: Names (name keys) shorter than this say too little to match by spelling.
SPELLING_KEY_MIN = 5


@lru_cache(maxsize=200_000)
def spelling_key(key: str) -> str:
    """A looser key for transcription variants of a ``name_key``: one word, French "ou" and English
    "w"/"u" alike, "y" as "i", "dj" as "j", doubled letters single, no final mute "e".

    "Bounty" and "Bounti" -> "bunti"; "Bungou" and "Boungou" -> "bungu"; "Tinzaouaten" and
    "Ti-n-Zaouâtene" and "Tinzahuaten" -> "tinzauaten"; "Barsalogho" and "Barsalogo" -> "barsalogo";
    "Yirgou" and "Irgou" -> "irgu" (a "h" after a vowel is mute too).
    """
    loose = key.replace(" ", "")
    for old, new in _SPELLINGS:
        loose = loose.replace(old, new)
    loose = _DOUBLED.sub(r"\1", _MUTE_H.sub("", loose))
    return loose[:-1] if len(loose) > SPELLING_KEY_MIN and loose.endswith("e") else loose


#: Country names as analysts write them (ACLED short names), where GeoNames differs.
COUNTRY_NAMES: dict[str, str] = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "GM": "Gambia",
    "MM": "Myanmar",
    "US": "United States",
    "GB": "United Kingdom",
    "PS": "Palestine",
    "KP": "North Korea",
    "KR": "South Korea",
    "CV": "Cape Verde",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "VA": "Vatican City",
    "CZ": "Czech Republic",
    "RU": "Russia",
    "SY": "Syria",
    "IR": "Iran",
    "LA": "Laos",
    "VN": "Vietnam",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MK": "North Macedonia",
}

#: ACLED regions by ISO 3166 alpha-2 code (Africa, Middle East, Asia in full; others by continent).
_REGION_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "Western Africa": ("BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SN", "SL",
                       "TG", "SH"),
    "Middle Africa": ("AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"),
    "Eastern Africa": ("BI", "KM", "DJ", "ER", "ET", "KE", "MG", "MW", "MU", "YT", "MZ", "RE", "RW", "SC", "SO",
                       "SS", "TZ", "UG", "ZM", "ZW"),
    "Northern Africa": ("DZ", "EG", "LY", "MA", "SD", "TN", "EH"),
    "Southern Africa": ("BW", "SZ", "LS", "NA", "ZA"),
    "Middle East": ("BH", "CY", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"),
    "South Asia": ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"),
    "Southeast Asia": ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"),
    "East Asia": ("CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"),
    "Caucasus and Central Asia": ("AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"),
    "Central America": ("BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA"),
    "Caribbean": ("AG", "BS", "BB", "CU", "DM", "DO", "GD", "HT", "JM", "KN", "LC", "VC", "TT", "PR"),
    "North America": ("CA", "US", "GL"),
}
_REGION_BY_CONTINENT = {"EU": "Europe", "SA": "South America", "OC": "Oceania", "AF": "Eastern Africa",
                        "AS": "East Asia", "NA": "North America", "AN": "Antarctica"}
REGIONS: dict[str, str] = {cc: region for region, codes in _REGION_BY_COUNTRY.items() for cc in codes}


def acled_region(country_code: str, continent: str) -> str:
    """The ACLED region of a country ("ML" -> "Western Africa")."""
    return REGIONS.get(country_code) or _REGION_BY_CONTINENT.get(continent, "")


#: Other names of countries in English and French (the GeoNames name is added by the builder).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "ML": ("Mali", "République du Mali"),
    "BF": ("Burkina", "Burkina Faso", "Burkina-Faso"),
    "NE": ("Niger", "République du Niger"),
    "NG": ("Nigeria", "Nigéria"),
    "TD": ("Tchad",),
    "SD": ("Soudan",),
    "SS": ("Soudan du Sud", "South Sudan"),
    "CD": ("DRC", "DR Congo", "RDC", "RD Congo", "Congo-Kinshasa", "République démocratique du Congo",
           "Democratic Republic of the Congo", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "République du Congo"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"),
    "SN": ("Sénégal",),
    "MR": ("Mauritanie",),
    "GN": ("Guinée", "Guinea-Conakry", "Guinée-Conakry"),
    "GW": ("Guinée-Bissau",),
    "GH": ("Ghana",),
    "BJ": ("Bénin",),
    "TG": ("Togo",),
    "CM": ("Cameroun",),
    "CF": ("Centrafrique", "République centrafricaine", "CAR"),
    "DZ": ("Algérie",),
    "LY": ("Libye",),
    "MA": ("Maroc",),
    "TN": ("Tunisie",),
    "EG": ("Egypte", "Égypte"),
    "ET": ("Éthiopie", "Ethiopie"),
    "ER": ("Érythrée", "Erythrée"),
    "SO": ("Somalie",),
    "KE": ("Kenya",),
    "UG": ("Ouganda",),
    "RW": ("Rwanda",),
    "BI": ("Burundi",),
    "TZ": ("Tanzanie", "Tanzania"),
    "MZ": ("Mozambique",),
    "ZA": ("Afrique du Sud",),
    "GM": ("Gambie", "The Gambia"),
    "SL": ("Sierra Leone",),
    "LR": ("Libéria",),
    "GA": ("Gabon",),
    "AF": ("Afghanistan",),
    "MM": ("Birmanie", "Myanmar", "Burma"),
    "PK": ("Pakistan",),
    "IQ": ("Irak",),
    "SY": ("Syrie", "Syria"),
    "YE": ("Yémen",),
    "FR": ("France",),
    "US": ("Etats-Unis", "États-Unis", "United States", "U.S.", "USA"),
    "GB": ("Royaume-Uni", "Britain", "Great Britain", "United Kingdom", "UK"),
    "RU": ("Russie", "Russia"),
    "MX": ("Mexique",),
    "UA": ("Ukraine",),
    "DE": ("Allemagne",),
    "CN": ("Chine",),
    "IN": ("Inde",),
    "TR": ("Turquie",),
    "SA": ("Arabie saoudite",),
    "IR": ("Iran",),
    "IL": ("Israël",),
}

#: Adjectives and nouns of nationality (EN/FR, with French inflections) -> country code.
DEMONYMS: dict[str, str] = {}
_DEMONYM_STEMS: dict[str, tuple[str, ...]] = {
    "ML": ("Malian", "Malien", "Malienne"),
    "BF": ("Burkinabe", "Burkinabè", "Burkinabé"),
    "NE": ("Nigerien", "Nigérien", "Nigérienne", "Nigerienne"),
    "NG": ("Nigerian", "Nigérian", "Nigériane", "Nigeriane"),
    "TD": ("Chadian", "Tchadien", "Tchadienne"),
    "SD": ("Sudanese", "Soudanais", "Soudanaise"),
    "CD": ("Congolese", "Congolais", "Congolaise"),
    "CI": ("Ivorian", "Ivoirien", "Ivoirienne"),
    "SN": ("Senegalese", "Sénégalais", "Sénégalaise"),
    "MR": ("Mauritanian", "Mauritanien", "Mauritanienne"),
    "GN": ("Guinean", "Guinéen", "Guinéenne"),
    "GH": ("Ghanaian", "Ghanéen", "Ghanéenne"),
    "BJ": ("Beninese", "Béninois", "Béninoise"),
    "TG": ("Togolese", "Togolais", "Togolaise"),
    "CM": ("Cameroonian", "Camerounais", "Camerounaise"),
    "CF": ("Centrafricain", "Centrafricaine"),
    "DZ": ("Algerian", "Algérien", "Algérienne"),
    "LY": ("Libyan", "Libyen", "Libyenne"),
    "ET": ("Ethiopian", "Éthiopien", "Éthiopienne", "Ethiopien", "Ethiopienne"),
    "SO": ("Somali", "Somalian", "Somalien", "Somalienne"),
    "KE": ("Kenyan", "Kényan", "Kenyane", "Kényane"),
    "MZ": ("Mozambican", "Mozambicain", "Mozambicaine"),
    "AF": ("Afghan", "Afghane"),
    "MX": ("Mexican", "Mexicain", "Mexicaine"),
}
for _cc, _words in _DEMONYM_STEMS.items():
    for _word in _words:
        for _form in (_word, _word + "s"):
            DEMONYMS.setdefault(name_key(_form), _cc)

#: Admin1 names as analysts write them, where the GeoNames ASCII name differs (after the
#: "Region"/"State"/"Province" suffix is stripped).
ADMIN1_NAMES: dict[tuple[str, str], str] = {
    ("SO", "Banaadir"): "Banadir",
    ("SO", "Lower Shabeelle"): "Lower Shabelle",
    ("SO", "Middle Shabele"): "Middle Shabelle",
    ("SO", "Hiiraan"): "Hiraan",
    ("SO", "Galguduud"): "Galgaduud",
    ("SD", "Northern Darfur"): "North Darfur",
    ("SD", "Southern Darfur"): "South Darfur",
    ("SD", "Western Darfur"): "West Darfur",
    ("SD", "Eastern Darfur"): "East Darfur",
    ("SD", "Southern Kordofan"): "South Kordofan",
    ("SD", "Al Qadarif"): "Gedaref",
    ("SD", "Sinnar"): "Sennar",
    ("NG", "FCT"): "Federal Capital Territory",
    ("ET", "Oromiya"): "Oromia",
    ("ET", "Binshangul Gumuz"): "Benshangul/Gumuz",
    ("CD", "East Kasai"): "Kasai-Oriental",
    ("CD", "Bas-Congo"): "Kongo Central",
}

#: Extra ways the text names an admin1 area (French forms, old names), keyed like ADMIN1_NAMES.
ADMIN1_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("CD", "North Kivu"): ("Nord-Kivu",),
    ("CD", "South Kivu"): ("Sud-Kivu",),
    ("SD", "North Darfur"): ("Darfour-Nord", "Nord-Darfour", "Darfour du Nord"),
    ("SD", "South Darfur"): ("Darfour-Sud", "Sud-Darfour", "Darfour du Sud"),
    ("SD", "West Darfur"): ("Darfour-Occidental", "Darfour occidental", "Ouest-Darfour"),
    ("ML", "Tombouctou"): ("Timbuktu",),
    ("NG", "Federal Capital Territory"): ("FCT",),
    ("SD", "Central Darfur"): ("Darfour central", "Darfour-Central"),
    ("SD", "East Darfur"): ("Darfour oriental", "Darfour-Est"),
    ("SD", "North Kordofan"): ("Kordofan du Nord", "Nord-Kordofan", "Kordofan-Nord"),
    ("SD", "South Kordofan"): ("Kordofan du Sud", "Sud-Kordofan", "Kordofan-Sud"),
    ("SD", "West Kordofan"): ("Kordofan occidental", "Ouest-Kordofan", "Kordofan-Ouest"),
    ("ET", "Tigray"): ("Tigré",),
    # Cameroon's regions by their French names (GeoNames has the English ones only)
    ("CM", "North-West"): ("Nord-Ouest",),
    ("CM", "South-West"): ("Sud-Ouest",),
    ("CM", "Far North"): ("Extrême-Nord", "Extreme North", "Extreme-Nord"),
    ("CM", "North"): ("Nord",),
    ("CM", "South"): ("Sud",),
    ("CM", "East"): ("Est",),
    ("CM", "West"): ("Ouest",),
}

#: Suffix words dropped from GeoNames admin1 names ("Tillabéri Region" -> "Tillabéri").
ADMIN_SUFFIXES = ("Autonomous District", "Region", "State", "Province", "District", "County", "Governorate",
                  "Prefecture", "Department")


def strip_admin_suffix(name: str) -> str:
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(" " + suffix):
            return name[: -len(suffix) - 1]
    return name
