"""Toponym matching and resolution: text -> place mentions resolved to gazetteer entries.

``match_toponyms`` finds capitalised word sequences (up to five words) whose name key is in
the gazetteer, plus demonyms, and reads the words around each one (locative cue, "region",
"near"). ``resolve_toponyms`` picks one entry per mention from the article's context:
countries and demonyms mentioned, the dateline, admin1 areas named, nearby resolved places,
population and feature class. Pure functions over text and a Gazetteer; no spaCy required.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from harmattan.gazetteer import ADMIN1_CODE, COUNTRY_CODE, Gazetteer, name_key
from harmattan.gazetteer.naming import DEMONYMS, SPELLING_KEY_MIN, spelling_key
from harmattan.geo import km_between
from harmattan.records import GazEntry, Span

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ɏ]+(?:['’\-][0-9A-Za-zÀ-ÖØ-öø-ɏ]+)*")
_ELISION = re.compile(r"^(?:l|d|qu|jusqu|lorsqu|puisqu|n|s|j|c|m|t)['’](?=[A-ZÀ-Ý])")
_POSSESSIVE = re.compile(r"['’]s$")
_MAX_WORDS = 5
_CONNECTORS = {"de", "du", "des", "la", "le", "el", "al", "es", "ag", "ould", "of", "sur", "en", "di"}
#: Lower-case words that open or run inside a protected area's name ("le parc national du W", "parc W").
_LOWER_HEADS = {"parc", "forêt", "foret", "réserve", "reserve"}
_LOWER_INNER = {"national", "nationale", "naturelle"}

#: Capitalised words that are never places in news text.
_HARD_STOP_WORDS = """
    January February March April May June July August September October November December Janvier Février Mars
    Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche President Minister Ministre Président
    General Général Colonel Captain Capitaine Lieutenant Army Armée Police Gendarmerie Islamic Islamique State
    Etat Government Gouvernement God Dieu Allah Mass Church Mosque Muslim Christian Reuters AFP Agence Press
    Presse News Radio Television Union United Nations Council Conseil Forces Force Group Groupe Mission Africa
    Afrique West Ouest East Est North Nord South Sud Central Centre Western Eastern Northern Southern Sahel
    Tuareg Touareg Fulani Peul Peuls Dogon Bambara Dozo Hausa Haoussa Arab Arabe Jihadist Jihadiste Al Qaeda
    Boko Haram Wagner Barkhane Serval Takuba Minusma MINUSMA ECOWAS CEDEAO Cédéao UN ONU AU EU US USA UK JNIM
    ISWAP ISGS GSIM EIGS FAMa FAMA RSF SAF Janjaweed Amnesty Human Rights Watch Red Cross Twitter Facebook
    WhatsApp Premier Prime Media Doctors Sheikh Imam Colonel Koran Coran Ramadan Tabaski Christmas Noël Easter
    Pâques Xinhua Jan Feb Aug Sept Oct Nov Dec Sunday Lake Lac Mont Mount River Fleuve Delta Defence Defense
    Défense Interior Intérieur Security Sécurité Communication Communications Office Bureau High Commissioner
    Senate Sénat Assembly Assemblée National Nationale Republic République Democratic Démocratique People Peuple
    Party Parti Movement Mouvement Front Alliance Coalition Liberation Libération Unity Unité Justice Peace Paix
    Salvation Operation Opération Brigade Battalion Bataillon Company Compagnie Camp Base Attack Attaque Centre
    Center Santé Health Hospital Hôpital School École Ecole University Université Bank Banque Market Marché
    Street Rue Avenue Boulevard Place Square Station Airport Aéroport Palace Palais
"""
#: Seats of power and streets that news text names for the institution, never as a scene.
_INSTITUTION_NAMES = ("White House", "Kremlin", "Downing Street", "Capitol Hill", "Wall Street", "Quai d'Orsay",
                      "Elysée", "Élysée", "Pentagon", "Whitehall", "Foggy Bottom")
HARD_STOP = frozenset([*(name_key(w) for w in _HARD_STOP_WORDS.split()), *map(name_key, _INSTITUTION_NAMES)])

#: Capitalised words that are places only after a locative cue ("in Say", "à Boni").
_SOFT_STOP_WORDS = """
    the a an and or but if in on at to of for by with from as is was were be been has have had this that these
    those it its he she they we you his her their our not no yes all any some more most many much one two three
    four five six seven eight nine ten new old man men say said says also after before during while when where
    who what which why how about over under again then than there here very just only even still le la les un
    une des du de et ou mais si dans sur à au aux en par pour avec sans sous chez ce cet cette ces il elle ils
    elles nous vous on son sa ses leur leurs notre tout tous toute toutes plus moins selon après avant pendant
    lors depuis entre vers contre comme ainsi alors encore déjà aussi bien très peu trop non oui être avoir été
    fait dit bon mal grand petit long haut bas tête fin fort mort morts mise pris prise ville village zone
    region région province cercle commune kill attack attacks bamba boro dan kara mine army sun star hope gold
    good best will may can bar pays sept dix bien mon durant selon grand grande face comme quand lorsque puis
    enfin donc car ici voici voilà lire aussi afin parmi malgré hier aujourd'hui demain ainsi tandis cependant
    pourtant toutefois outre sauf soit
"""
SOFT_STOP = frozenset(name_key(w) for w in _SOFT_STOP_WORDS.split())

#: Words after a name that make it an admin area ("Mopti region", "Borno State").
_ADMIN1_AFTER = {"region", "regions", "state", "states", "province", "provinces", "governorate", "county"}
_ADMIN2_AFTER = {"cercle", "district", "department", "departement", "prefecture", "local", "lga", "territory"}
#: Words before a name that make it an admin area ("région de Tillabéri", "state of Borno").
_ADMIN1_BEFORE = re.compile(
    r"(?:r[ée]gions?|province|[ée]tat|state|governorate|gouvernorat)\s+"
    r"(?:of\s+(?:the\s+)?|de\s+(?:la\s+|l['’]\s*)?|du\s+|des\s+|d['’]\s*)?$",
    re.IGNORECASE,
)
_ADMIN2_BEFORE = re.compile(
    r"(?:cercle|d[ée]partement|pr[ée]fecture|district|territoire|territory)\s+(?:de\s+|d['’]\s*|of\s+)?$", re.IGNORECASE
)
#: Words before a name saying the event is near it, not in it.
_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\boutside|\bclose\s+to|\bnearby|\baround|\bnot\s+far\s+from|\bpr[èe]s\s+de|\bnon\s+loin\s+de|"
    r"\b[àa]\s+proximit[ée]\s+de|\baux\s+environs\s+de|\bdans\s+les\s+environs\s+de|\baux\s+alentours\s+de|"
    r"\bkm\s+(?:\w+\s+){0,3}(?:of|from|de|d['’])|\bkilom[eè]tres?\s+(?:\w+\s+){0,3}(?:of|from|de|d['’])|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|"
    r"\b(?:au\s+)?(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)\s+(?:de|du|d['’]))\s*(?:the\s+)?"
    r"(?:(?:village|town|city|commune|localit[ée]|ville)\s+(?:of|de|d['’])\s*)?$",
    re.IGNORECASE,
)
#: Words before a name saying the event is at it.
_AT_BEFORE = re.compile(
    r"(?:\bin|\bat|\bon|\binto|\bà|\ba|\bdans|\ben|\bsur|\bvillage\s+of|\btown\s+of|\bcity\s+of|"
    r"\b(?:village|ville)(?:\s+[a-zàâçéèêëîïôûù]{4,})?\s+(?:de|d['’])|\blocalit[ée]\s+(?:de|d['’])|\bcommune\s+(?:de|d['’]|of)|\bville\s+(?:de|d['’])|"
    r"\b(?:camp|garnison|garrison)\s+(?:militaire\s+|military\s+)?(?:de|d['’]|of)|\bvillages?|\btowns?|\bcommune|\bhit|\battacked|\battaqu[ée]s?|\bstormed|\braided|"
    r"\btargeted|\bvis[ée]s?|\battaques?\s+(?:de|du|d['’]|contre)|\bassauts?\s+(?:contre|sur))\s*(?:the\s+|la\s+|le\s+|l['’]\s*)?(?:(?:northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|remote|restive|border|rural)\s+)?"
    r"(?:(?:village|town|city|locality|commune)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
#: A title and given names right before a name make it a person's ("President Roch Marc Christian Kaboré").
_PERSON_BEFORE = re.compile(
    r"\b(?i:pr[ée]sident|ministre|minister|g[ée]n[ée]ral|general|colonel|capitaine|captain|governor|gouverneur|"
    r"M\.|Mr\.?|Mme|Mrs\.?|Dr\.?)\s+(?:[a-zàâçéèêëîïôûù]+\s+)?(?:[A-ZÀ-Ý][\w’'-]+\s+){1,3}$"
)
#: A verb of speech right after a name makes it a speaker, not a place ("Alpha added", "Alpha a déclaré").
_SPEAKS_AFTER = re.compile(r"\s*,?\s*(?:said|says|added|adds|told|stated|a\s+(?:déclaré|dit|ajouté|affirmé|indiqué))\b")
#: Words before a name saying where someone came from or went to ("vers la commune de X", "bound for X").
_ORIGIN_BEFORE = re.compile(
    r"(?:\bfrom|\bto|\btowards|\bvers|\bjusqu['’]\s*[àa]|\bfuient|\bbound\s+for|\bhead(?:ing|ed)\s+for|"
    r"\b(?:en\s+direction|[àa]\s+destination|en\s+provenance|venus?|venant|originaires?)\s+(?:de|du|des|d['’])|"
    r"\bpour\s+destination)\s*(?:the\s+|la\s+|le\s+|l['’]\s*)?"
    r"(?:(?:commune|ville|village|localit[ée]|town|city)\s+(?:of\s+|de\s+|d['’]\s*))?$",
    re.IGNORECASE,
)
#: Words around a name that make it a street, a newspaper, an institution or an administration.
_STREET_BEFORE = {"avenue", "rue", "boulevard", "bd", "street", "road", "route", "place"}
_NOT_PLACE_AFTER = {"street", "road", "avenue", "boulevard", "times", "post", "tribune", "herald", "journal",
                    "daily", "administration", "club", "airlines", "airways", "fc"}
#: A name before a landmark that is in another named place names the landmark ("the Baga fish market in
#: Maiduguri", "the Alpha central mosque in Bravo"); the scene is the place after "in".
_LANDMARK_IN = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:market|marketplace|motor\s+park|mosque|church|bridge|stadium|roundabout|junction)"
    r"\s+(?:in|at)\s+(?:the\s+)?[A-ZÀ-Ý]"
)
_QUOTES_OPEN = ("“", '"', "«", "‘")
_GEO_NEIGHBOURS = {"north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
                   "upper", "lower", "greater", "nord", "sud", "est", "ouest", "centre", "region", "state",
                   "province", "cercle", "commune", "district", "department", "county", "governorate", "city",
                   "town", "village", "prefecture", "river", "lake", "camp", "base"}


@dataclass(frozen=True)
class Toponym:
    """A name in the text with its gazetteer candidates and what the words around it say."""

    span: Span
    key: str
    candidates: tuple[GazEntry, ...]
    kind: str = "place"  # place | admin1 | admin2 | country | demonym | unknown (a homonym the gazetteer lacks)
    cue: str = ""  # at | near | origin | possessive | "" (no locative cue)
    demonym_country: str = ""
    joined: bool = False  # next to another capitalised word: maybe part of a person's or group's name
    variant: bool = False  # found by its spelling key only ("Bounty" for the village Bounti)


@dataclass
class Context:
    """What the article says about where it is: weights of countries and admin1 areas."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: list[GazEntry] = field(default_factory=list)
    no_point: set[int] = field(default_factory=set)  # span starts of names that only say where the reporter is
    reporter_points: set[int] = field(default_factory=set)  # their entries: near them counts, 300 km away not

    def dominant(self) -> set[str]:
        """The countries the article is mostly about (at least a third of the top weight)."""
        if not self.countries:
            return set()
        top = self.countries.most_common(1)[0][1]
        return {cc for cc, w in self.countries.items() if w * 3 >= top}

    def country_weight(self, code: str) -> float:
        if code not in self.countries:
            return 0.0
        return 4.0 * self.countries[code] / max(self.countries.values())


def _words(text: str, offset: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(text):
        start, word = m.start(), m.group()
        elided = _ELISION.match(word)
        if elided:
            start += elided.end()
            word = word[elided.end() :]
        word = _POSSESSIVE.sub("", word)
        out.append((offset + start, offset + start + len(word), word))
    return out


_ARTICLE_PREFIX = re.compile(r"^(?:el|al|ad|as|ash|an|ar|at|az|ed|en|er|es|et)-[A-ZÀ-Ý]")


def _capitalised(word: str) -> bool:
    """A name-like word: capitalised ("Gao"), or behind an Arabic article ("el-Fasher"); not "UN"."""
    if word[:1].isupper():
        return not (len(word) <= 3 and word.isupper())
    return "-" in word[:4] and bool(_ARTICLE_PREFIX.match(word))


_ELIDED_GAP = re.compile(r"\s{1,2}(?:[dl]['’])?")


def _only_space(text: str, a: int, b: int) -> bool:
    """Words of one name: separated by a space or two, or by an elided article ("Côte d’Ivoire")."""
    return _ELIDED_GAP.fullmatch(text, a, b) is not None


def match_toponyms(text: str, gazetteer: Gazetteer, *, offset: int = 0) -> list[Toponym]:
    """Every gazetteer name and demonym in ``text`` (offsets shifted by ``offset``)."""
    words = _words(text, 0)
    grams: dict[tuple[int, int], str] = {}
    for i, (start, _, word) in enumerate(words):
        if not _capitalised(word) and not word.isupper() and word.lower() not in _LOWER_HEADS:
            continue
        for j in range(i, min(i + _MAX_WORDS, len(words))):
            if j > i and not _only_space(text, words[j - 1][1], words[j][0]):
                break
            last = words[j][2]
            named = _capitalised(last) or (j > i and len(last) == 1 and last.isupper())  # "Parc W"
            if j > i and not named and last.lower() not in _CONNECTORS | _LOWER_INNER:
                break
            if named and (j > i or _capitalised(word)):  # "DR Congo", not "UN"
                grams[(i, j)] = name_key(text[start : words[j][1]])
    found = dict(gazetteer.lookup(set(grams.values())))
    _add_area_namesakes(grams, found)
    longest: dict[int, int] = {}
    for (a, b), key in grams.items():
        if key in found and b >= longest.get(a, -1):
            longest[a] = b
    variants = _spelling_variants(grams, found, longest, gazetteer)
    for (a, b), key in grams.items():
        if key in variants and b >= longest.get(a, -1):
            longest[a] = b
    # A name used as a surname once ("minister Mahamadou Alpha") is that person's all through the
    # article ("Alpha added"), unless the text says it is a place ("in Alpha").
    persons = {grams[(a, b)] for a, b in longest.items()
               if _PERSON_BEFORE.search(text, max(0, words[a][0] - 60), words[a][0])}
    out: list[Toponym] = []
    i = 0
    while i < len(words):
        best = (i, longest[i]) if i in longest else None
        start, end, word = words[i]
        country = DEMONYMS.get(name_key(word))
        next_word = words[i + 1][2].lower() if i + 1 < len(words) else ""
        if country and (best is None or best[1] == i) and next_word not in _ADMIN1_AFTER:
            best = None
        if best is None:
            if country:
                span = Span(offset + start, offset + end, word)
                out.append(Toponym(span, name_key(word), (), kind="demonym", demonym_country=country))
            i += 1
            continue
        j = best[1]
        key = grams[best]
        topo = _read_cues(text, words, i, j, key, found.get(key) or variants[key], offset)
        if topo is not None and key not in found:
            # a spelling variant is a place only where the text says it is one ("à Bungou")
            topo = replace(topo, variant=True) if topo.kind == "place" and topo.cue in ("at", "near") else None
        if topo is not None and topo.kind == "place" and topo.cue not in ("at", "near") and (
                key in persons or _SPEAKS_AFTER.match(text, words[j][1])):
            topo = None
        if topo is not None:
            out.append(topo)
        i = j + 1
    return out


_AREA_HEADS = frozenset({"region", "province", "prefecture", "cercle", "commune", "departement", "department",
                         "district", "state", "etat"})


def _add_area_namesakes(grams: Mapping[tuple[int, int], str], found: dict[str, tuple[GazEntry, ...]]) -> None:
    """"Région des Savanes" may be an alternate name of one country's Savanes only: the areas
    named by the words after the head ("Savanes") are candidates too, for the context to choose."""
    for (a, b), key in grams.items():
        words = key.split()
        if key not in found or words[0] not in _AREA_HEADS:
            continue
        tail = next((grams[(k, b)] for k in range(a + 1, b + 1) if grams.get((k, b)) in found), None)
        if tail is not None:
            known = {e.geonameid for e in found[key]}
            found[key] = found[key] + tuple(e for e in found[tail] if e.geonameid not in known)


def _spelling_variants(grams: Mapping[tuple[int, int], str], found: Mapping[str, tuple[GazEntry, ...]],
                       longest: Mapping[int, int], gazetteer: Gazetteer) -> dict[str, tuple[GazEntry, ...]]:
    """Candidates by spelling key for the names the gazetteer lacks as written ("Bounty", "Bungou"):
    only where no known name starts inside them, and never for stop words."""
    starts = set(longest)
    loose: dict[str, str] = {}
    for (a, b), key in grams.items():
        if key in found or any(a <= s <= b for s in starts) or key in HARD_STOP or key in SOFT_STOP:
            continue
        if len(key) >= SPELLING_KEY_MIN:
            loose[key] = spelling_key(key)
    if not loose:
        return {}
    by_spelling = gazetteer.lookup_spellings(set(loose.values()))
    return {key: by_spelling[sp] for key, sp in loose.items() if sp in by_spelling}


def _read_cues(
    text: str, words: Sequence[tuple[int, int, str]], i: int, j: int, key: str,
    candidates: tuple[GazEntry, ...], offset: int,
) -> Toponym | None:
    start, end = words[i][0], words[j][1]
    before = text[max(0, start - 60) : start].removesuffix("#")  # "à #Savo": a hashtag keeps its cue
    after_word = words[j + 1][2] if j + 1 < len(words) and _only_space(text, end, words[j + 1][0]) else ""
    before_word = words[i - 1][2] if i > 0 and _only_space(text, words[i - 1][1], start) else ""
    kinds = {c.feature_code for c in candidates}
    kind = "place"
    if COUNTRY_CODE in kinds:
        kind = "country"
    explicit = False
    street = re.sub(r"^[ld]['’]", "", before_word.lower()) in _STREET_BEFORE
    landmark = kind == "place" and _LANDMARK_IN.match(text, end) is not None
    if after_word.lower() in _NOT_PLACE_AFTER or street or landmark or _nickname(text, start, end):
        return None
    if after_word.lower() in _ADMIN1_AFTER or _ADMIN1_BEFORE.search(before):
        explicit = ADMIN1_CODE in kinds
        kind = "admin1" if explicit else "admin2" if "ADM2" in kinds else kind
    elif after_word.lower() in _ADMIN2_AFTER or _ADMIN2_BEFORE.search(before):
        kind = "admin2"
    elif kind != "country" and kinds == {ADMIN1_CODE}:
        kind = "admin1"
    cue = ""
    if _NEAR_BEFORE.search(before):
        cue = "near"
    elif _ORIGIN_BEFORE.search(before):  # before "at": "vers la commune de X", "jusqu'à X" are destinations
        cue = "origin"
    elif _AT_BEFORE.search(before):
        cue = "at"
    if text[end : end + 2] in ("'s", "’s") and kind == "country":
        cue = "possessive"
    if kind == "country" and (after_word.lower() in {"river", "delta"} or before_word.lower() in {"fleuve", "river"}):
        return None
    if kind in ("place", "admin2"):
        if key in HARD_STOP or (key in SOFT_STOP and cue not in ("at", "near")):
            return None
    elif kind == "admin1" and key in HARD_STOP and not explicit:
        return None
    if kind == "place" and cue == "" and _PERSON_BEFORE.search(before):
        return None  # "le président burkinabè Roch Marc Christian Kaboré": a surname, not the village
    span = Span(offset + start, offset + end, text[start:end])
    joined = kind in ("place", "admin2") and cue == "" and (_name_like(before_word) or _name_like(after_word))
    return Toponym(span, key, candidates, kind=kind, cue=cue, joined=joined)


def _nickname(text: str, start: int, end: int) -> bool:
    """A quoted name right before another capitalised word is a nickname (Joaquin “El Chapo” Guzman)."""
    if text[max(0, start - 1) : start] not in _QUOTES_OPEN:
        return False
    tail = text[end : end + 3]
    return bool(re.match(r"[”\"»’]\s?[A-ZÀ-Ý]", tail))


def _name_like(word: str) -> bool:
    """A capitalised word that is not a function word, a month or a geographic word: next to a
    place name it makes the pair look like a person's or a group's name ("Mali Traoré")."""
    key = name_key(word)
    return bool(word) and word[:1].isupper() and key not in SOFT_STOP and key not in _GEO_NEIGHBOURS and (
        key not in HARD_STOP or key in _NAME_PARTS)


_NAME_PARTS = frozenset({"al", "el", "monday", "president", "general", "colonel", "captain", "imam", "sheikh"})


def build_context(toponyms: Sequence[Toponym], *, dateline_country: str = "", title_countries: Sequence[str] = ()
                  ) -> Context:
    """Country weights from what names a country for sure: countries, demonyms, admin areas named as
    such, the title and the dateline. A place found in one country only adds weight (once per name)
    to a country already named, so that junk matches ("Biden", twice) cannot vouch for each other."""
    ctx = Context()
    for t in toponyms:
        if t.kind == "demonym":
            ctx.countries[t.demonym_country] += 1
        elif t.kind == "country":
            ctx.countries[next(c.country_code for c in t.candidates if c.feature_code == COUNTRY_CODE)] += 2
    for cc in title_countries:
        ctx.countries[cc] += 2
    if dateline_country:
        ctx.countries[dateline_country] += 1
    named = set(ctx.countries)
    seen: set[str] = set()
    for t in toponyms:
        if t.kind == "admin1" and t.key not in seen:
            codes = {c.country_code for c in t.candidates if c.feature_code == ADMIN1_CODE}
            unique = {c.country_code for c in t.candidates} == codes  # "Tillabéri", not "Beni" (Bolivia, Congo)
            if len(codes) == 1 and (unique or not named or codes <= named):
                seen.add(t.key)
                ctx.countries[codes.pop()] += 1
    named = set(ctx.countries)
    for t in toponyms:
        if t.kind in ("place", "admin2") and t.candidates and t.key not in seen and not t.joined:
            codes = {c.country_code for c in t.candidates}
            if len(codes) == 1 and (not named or codes <= named):
                seen.add(t.key)
                ctx.countries[codes.pop()] += 1
    return ctx


def _km(a: GazEntry, b: GazEntry) -> float:
    return km_between((a.latitude, a.longitude), (b.latitude, b.longitude))


_FEATURE_PRIOR = {"PPLC": 4.0, "PPLA": 3.0, "PPLA2": 2.0, "PPLA3": 1.2, "PPL": 1.0, "PPLX": 0.5,
                  ADMIN1_CODE: 2.5, "ADM2": 0.8, "ADM3": 0.3, COUNTRY_CODE: 8.0}


# Harmattan watches Africa: with no country named (a bare headline), an African reading of a
# name is the likelier one ("Borno" the Nigerian state, not the Italian village).
AFRICA = frozenset(
    "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS "
    "LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW".split()
)


def score_candidate(entry: GazEntry, topo: Toponym, ctx: Context) -> float:
    """How likely this entry is the place the mention means, given the article's context."""
    prior = _FEATURE_PRIOR.get(entry.feature_code, 1.0 if entry.feature_class == "P" else -1.0)
    if not ctx.countries and entry.country_code in AFRICA:
        prior += 1.5
    if topo.kind == "admin1":
        prior += 4.0 if entry.feature_code == ADMIN1_CODE else -2.0
    elif topo.kind == "admin2":
        prior += 2.0 if entry.feature_code == "ADM2" else 0.0
    score = prior + 0.4 * min(math.log10(entry.population + 1), 7.0)
    if name_key(entry.name) == topo.key:  # named by its own name, not an alternate one
        score += 1.0
    score += ctx.country_weight(entry.country_code)
    if ctx.countries and entry.country_code not in ctx.countries:
        score -= 3.0
    if ctx.admin1.get((entry.country_code, entry.admin1_code)):
        score += 2.0
    if ctx.points and entry.feature_class in ("P", "L", "S", "H"):
        score += _proximity(entry, ctx, namesakes={c.geonameid for c in topo.candidates})
    return score


def _proximity(entry: GazEntry, ctx: Context, *, namesakes: set[int] | frozenset[int] = frozenset()) -> float:
    """Bonus for lying near the article's other places (3 degrees of latitude ~ 330 km: skipped).
    The name's own namesakes are no neighbours: the first choice of "Kouré" must not vouch for the
    other Kouré 60 km away."""
    near: list[tuple[float, bool]] = []
    for p in {p.geonameid: p for p in ctx.points}.values():
        if p.geonameid == entry.geonameid or p.geonameid in namesakes or abs(p.latitude - entry.latitude) > 3.0:
            continue
        near.append((_km(entry, p), p.geonameid in ctx.reporter_points))
    if not near:
        return 0.0
    nearest = min(d for d, _ in near)
    if nearest < 100:
        return 2.0 if nearest < 30 else 1.5
    return 0.5 if any(d < 300 and not reporter for d, reporter in near) else 0.0


def best_candidate(topo: Toponym, ctx: Context) -> GazEntry:
    """The best-scored entry. Among equals: one in the admin1 area holding most places of that name
    (the likelier region when the text tells none), then the lowest geonameid (GeoNames' older, better
    attested rows; later duplicates of a village carry high ids)."""
    areas = Counter((c.country_code, c.admin1_code) for c in topo.candidates)
    return max(topo.candidates,
               key=lambda c: (score_candidate(c, topo, ctx), areas[(c.country_code, c.admin1_code)], -c.geonameid))


def resolve_toponyms(toponyms: Sequence[Toponym], ctx: Context) -> list[tuple[Toponym, GazEntry | None]]:
    """One entry per toponym (None for demonyms and junk), in three passes: unambiguous names fix
    the admin1 areas and points that help the ambiguous ones, whose first choices then help each
    other ("Bosso et Diffa": the Bosso next to Diffa). A small place of a country whose admin1 areas
    the article names, but not this one, is most likely a homonym missing from the gazetteer: it
    comes back as kind "unknown" (its name is kept, no point). A name the article calls a region
    ("the Sagaing region") is that region when named again bare ("Sagaing has emerged as a
    hotspot"), not its homonymous town; "in Sagaing" may still be the town."""
    regions = {t.key for t in toponyms if t.kind == "admin1"}
    toponyms = [replace(t, kind="admin1") if t.kind == "place" and t.cue == "" and t.key in regions
                and any(c.feature_code == ADMIN1_CODE for c in t.candidates) else t for t in toponyms]
    for t in toponyms:
        if len(t.candidates) == 1 and t.kind != "demonym":
            entry = t.candidates[0]
            if entry.feature_class == "P":
                ctx.points.append(entry)
                if t.span.start in ctx.no_point:
                    ctx.reporter_points.add(entry.geonameid)
            if entry.feature_code == ADMIN1_CODE:
                ctx.admin1[(entry.country_code, entry.admin1_code)] += 1
    for t in toponyms:
        if t.kind == "admin1":
            best = best_candidate(t, ctx)
            ctx.admin1[(best.country_code, best.admin1_code)] += 1
    first: dict[int, GazEntry] = {}
    for t in toponyms:
        if len(t.candidates) > 1 and t.kind in ("place", "admin2"):
            best = best_candidate(t, ctx)
            if best.feature_class == "P" and _plausible(best, t, ctx):
                first[t.span.start] = best
                if t.span.start in ctx.no_point:
                    ctx.reporter_points.add(best.geonameid)
    ctx.points.extend(first.values())
    named_admin1 = {cc for cc, _ in ctx.admin1}
    out: list[tuple[Toponym, GazEntry | None]] = []
    for t in toponyms:
        if not t.candidates:
            out.append((t, None))
            continue
        best = best_candidate(t, ctx)
        if t.kind == "place" and not _plausible(best, t, ctx):
            out.append((t, None))
            continue
        if (t.kind == "place" and best.country_code in named_admin1 and best.feature_class == "P"
                and best.feature_code not in ("PPLC", "PPLA") and best.population < 20_000
                and not ctx.admin1.get((best.country_code, best.admin1_code))
                and len(t.candidates) > 1 and t.cue in ("at", "near")):
            out.append((replace(t, kind="unknown"), None))
            continue
        out.append((t, best))
    return out


def _plausible(entry: GazEntry, topo: Toponym, ctx: Context) -> bool:
    """Junk-match guard. A place outside the countries the article is about must be a capital or
    a city of a million named by its own name, or a big town named after "in"/"near"; a place next
    to another capitalised word must be well known ("Mali Traoré" is a person)."""
    if entry.feature_code == COUNTRY_CODE:
        return True
    if topo.variant:  # a spelling variant names a place of the country, and region, the article is about
        regions = {a1 for cc, a1 in ctx.admin1 if cc == entry.country_code}
        return (entry.feature_class in ("P", "S", "L") and (not regions or entry.admin1_code in regions)
                and (not ctx.countries or entry.country_code in ctx.dominant()))
    in_context = not ctx.countries or entry.country_code in ctx.countries
    if entry.feature_code == ADMIN1_CODE:
        return in_context
    own_name = name_key(entry.name) == topo.key
    big = entry.feature_code in ("PPLC", "PPLA") or entry.population >= 100_000
    if topo.joined and not (in_context and big):
        return False
    if not in_context:
        return own_name and (entry.feature_code == "PPLC" or entry.population >= 1_000_000)
    if ctx.countries and entry.country_code not in ctx.dominant():
        return own_name and (entry.feature_code == "PPLC" or entry.population >= 1_000_000
                             or (big and topo.cue in ("at", "near")))
    if not ctx.countries or ctx.countries[entry.country_code] < 2:  # only a dateline or one passing mention
        return big or entry.feature_code == "PPLA2" or (topo.cue in ("at", "near") and entry.population >= 1_000)
    return entry.feature_class == "P" or topo.cue in ("at", "near")


_COUNTRIES_IN: dict[tuple[int, str], list[str]] = {}


def countries_in(text: str, gazetteer: Gazetteer) -> list[str]:
    """Country codes named (or implied by a demonym) in a short text such as a headline
    (cached: the places stage asks about the same title once per event)."""
    key = (id(gazetteer), text)
    cached = _COUNTRIES_IN.get(key)
    if cached is not None:
        return list(cached)
    out: list[str] = []
    for t in match_toponyms(text, gazetteer):
        if t.kind == "demonym":
            out.append(t.demonym_country)
        elif t.kind == "country":
            out.extend(c.country_code for c in t.candidates if c.feature_code == COUNTRY_CODE)
    if len(_COUNTRIES_IN) > 2048:
        _COUNTRIES_IN.clear()
    _COUNTRIES_IN[key] = out
    return list(out)


def first_entries(mapping: Mapping[str, tuple[GazEntry, ...]]) -> dict[str, GazEntry]:
    return {k: v[0] for k, v in mapping.items() if v}
