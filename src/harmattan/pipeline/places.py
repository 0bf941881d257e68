"""Places stage: the geoparser. Finds place mentions and picks each event's location.

``find_places`` matches gazetteer names and demonyms in the text and resolves each one in the
article's context (see ``toponyms``). ``locate_event`` turns the mentions of one event's
sentence (or, failing that, of the sentences around it, the lead and the dateline) into
ACLED geography columns with a geo_precision. Unknown place names ("the village of X" that no
gazetteer holds, or a spaCy GPE/LOC entity) become mentions without an entry and are logged;
they are never placed at a guessed point.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence

from harmattan.gazetteer import ADMIN1_CODE, COUNTRY_CODE, Gazetteer
from harmattan.gazetteer.naming import DEMONYMS, name_key
from harmattan.pipeline.place_roles import (
    directional_regions,
    mark_containers,
    mark_landmarks,
    mark_offices,
    mark_road_ends,
    mark_sources,
)
from harmattan.pipeline.toponyms import (
    _AT_BEFORE,
    _NEAR_BEFORE,
    _ORIGIN_BEFORE,
    HARD_STOP,
    SOFT_STOP,
    Toponym,
    build_context,
    countries_in,
    match_toponyms,
    resolve_toponyms,
)
from harmattan.records import Document, EventLocation, GazEntry, PlaceMention, Span

log = logging.getLogger("harmattan.places")

_NAME = r"([A-ZÀ-Ý][\w’'-]+(?:[ -][A-ZÀ-Ý][\w’'-]+){0,2})"
_UNKNOWN_PLACE = (
    re.compile(r"\b(?:village|town|hamlet|locality|community|commune|hameau|localit[ée]s?|ville)"
               r"(?:\s+[a-zàâçéèêëîïôûù]{4,})?\s+(?:of|de|d['’])\s*" + _NAME),  # "la ville nigérienne de Téra"
    re.compile(r"\b(?:camp|base|garrison|garnison|site|poste|position)(?:\s+[a-zàâçéèêëîïôûù]{4,}){0,2}\s+"
               r"(?:of|de|d['’])\s*" + _NAME),  # "le poste opérationnel avancé de X", "sur le site de X"
    re.compile(r"(?<![\w’'])" + _NAME + r"\s+(?:(?:displacement|refugee|IDP|IDPs|military|army)\s+)?"
               r"(?i:villages?|community|communities|town|camps?|district)\b"),
    re.compile(r"(?:\b[àÀ]|(?<![^\s«\"“])A|\bnear|\bpr[èe]s\s+de|\b[Ii]n|\bat)\s+#?" + _NAME
               + r"(?=\s*(?:,|\(|\.|[”»]|\bet\b|\band\b|\bdans\b|\bin\b|\bil\b|\bthere\b)|['’]s\b"
               + r"|\s+\d+\s+(?:morts?|tu[ée]s|victimes|dead|killed|deaths|victims)\b)"),  # "à X 30 morts"
)
#: Villages named as a list: "the villages of X and Y", "two villages in western Niger, X and Y"; the
#: places of attacks: "l'attaque d'X", "la double attaque de X et Y".
_PLACE_LIST = re.compile(
    r"\b(?:villages|towns|communities|hamlets|localit[ée]s|hameaux|pr[ée]fectures|communes|districts|cercles)"
    r"\s+(?:(?:of|de|d['’])\s*(?=[A-ZÀ-Ý])|"
    r"(?:in|of|de|du|dans)\s[^.;:,]{0,40}?,\s+(?=[A-ZÀ-Ý]))"
    r"|\b(?:attaques?|assauts?|massacres?)\s+(?:de\s+|d['’]\s*|contre\s+)(?=[A-ZÀ-Ý])"
)
_LIST_ITEM = re.compile(_NAME + r"(?P<sep>\s*,\s*|\s+(?:and|et)\s+)?")
_DATELINE_TAIL = re.compile(r"^\s*(?:,\s*[A-Z][\w'’ .-]{2,30}?)?\s*(?:\([^)]{2,30}\))?\s*[-–—:|]")
#: Words of an administrative unit, never part of an unknown place's own name ("Barkin Ladi LGA").
_ADMIN_WORDS = frozenset({"lga", "local", "government", "area", "state", "region", "province", "district", "county",
                          "council", "cercle", "commune", "prefecture", "department", "territory", "division"})
_DATELINE_HEAD = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{2,30},\s*$")
_NER_PLACES = {"GPE", "LOC"}
_NER_NOT_PLACES = {"PERSON", "PER", "ORG", "NORP"}
_KIND_RANK = {"place": 3.0, "admin2": 2.0, "admin1": 1.5, "country": 0.5}
#: Where people were heading, never where they were ("leur progression vers Niamey", "bound for Gao").
_HEADING_BEFORE = re.compile(r"(?:\bvers|\btowards?|\ben\s+direction\s+(?:de|du|des|d['’])|\bbound\s+for|"
                             r"\bhead(?:ing|ed)\s+(?:for|to)|\b[àa]\s+destination\s+(?:de|du|des|d['’]))\s*"
                             r"(?:the\s+|la\s+|le\s+|l['’]\s*)?$", re.IGNORECASE)
#: A sentence that tells its scene as a town or village already named ("the town was taken"): a
#: place borrowed for it is a town or village, never the region or country around it.
_TOWN_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:town|village|city|locality)\b(?!\s+of\b)|"
                           r"\b(?:la|cette)\s+(?:ville|localit[ée])\b(?!\s+d)|\b(?:le|ce)\s+village\b(?!\s+d)",
                           re.IGNORECASE)
_CUE_BONUS = {"at": 1.0, "near": 0.8, "": 0.0, "origin": -2.0, "possessive": -1.0, "within": -1.5,
              "office": -1.5, "landmark": -1.5, "road": -0.5}
_active: dict[str, Gazetteer] = {}


def _gazetteer(gazetteer: Gazetteer | None) -> Gazetteer:
    if gazetteer is not None:
        return gazetteer
    if "default" not in _active:
        from harmattan.gazetteer.sqlite import open_gazetteer_file

        _active["default"] = open_gazetteer_file()
    return _active["default"]


def _precision(topo: Toponym, entry: GazEntry) -> int:
    if entry.feature_code in (COUNTRY_CODE, ADMIN1_CODE) or topo.kind in ("admin1", "country"):
        return 3
    if topo.kind == "admin2" or entry.feature_code.startswith("ADM") or topo.cue == "near":
        return 2
    return 1


def _kind(topo: Toponym, entry: GazEntry) -> str:
    if entry.feature_code == COUNTRY_CODE:
        return "country"
    if entry.feature_code == ADMIN1_CODE:
        return "admin1"
    if entry.feature_code.startswith("ADM"):
        return "admin2"
    return "place"


def _ner_spans(doc: Document, labels: set[str]) -> list[tuple[int, int, str]]:
    ents = getattr(doc.nlp, "ents", ()) if doc.nlp is not None else ()
    return [(e.start_char, e.end_char, e.text) for e in ents if e.label_ in labels]


def find_places(doc: Document, *, gazetteer: Gazetteer | None = None) -> tuple[PlaceMention, ...]:
    """Place mentions in the article, each resolved to one entry (or None when unknown)."""
    gaz = _gazetteer(gazetteer)
    text = doc.article.text
    toponyms = match_toponyms(text, gaz)
    not_places = _ner_spans(doc, _NER_NOT_PLACES)
    if not_places:
        toponyms = [t for t in toponyms if not _inside_entity(t, not_places)]
    dateline = doc.article.dateline
    dateline_country = ""
    if dateline is not None:
        line_end = text.find("\n", dateline.start)
        head = text[dateline.start : line_end if line_end > 0 else dateline.end + 40][:80]
        named = countries_in(head, gaz)
        dateline_country = named[0] if named else ""
    title_countries = countries_in(doc.article.title, gaz) if doc.article.title else []
    ctx = build_context(toponyms, dateline_country=dateline_country, title_countries=title_countries)
    ctx.no_point.update(t.span.start for t in toponyms if _is_dateline(text, t.span, dateline))
    mentions: list[PlaceMention] = []
    for topo, entry in resolve_toponyms(toponyms, ctx):
        if topo.kind == "demonym":
            info = gaz.country(topo.demonym_country)
            if info is not None:
                mentions.append(PlaceMention(topo.span, info.entry, precision=3, kind="demonym"))
            continue
        if entry is None:
            if topo.kind == "unknown":
                mentions.append(PlaceMention(topo.span, None, precision=2, kind="place", cue=topo.cue))
            continue
        kind = _kind(topo, entry)
        if _is_dateline(text, topo.span, dateline):
            kind = "dateline"
        mentions.append(PlaceMention(topo.span, entry, precision=_precision(topo, entry), kind=kind,
                                     cue=topo.cue))
    unknown, swallowed = _unknown_places(doc, mentions)
    mentions = [m for m in mentions if m.span.start not in swallowed] + unknown
    top = ctx.countries.most_common(1)
    mentions += capital_mentions(doc, mentions, gaz, top[0][0] if top else "")
    regions = directional_regions(text, mentions, lambda cc, words: _admin1_named(gaz, cc, words),
                                  top[0][0] if top else "")
    if regions:
        mentions = [m for m in mentions if not any(r.span.start < m.span.end and m.span.start < r.span.end
                                                   for r in regions)] + regions
    ordered = sorted(mentions, key=lambda m: m.span.start)
    roles = mark_offices(text, mark_sources(text, doc.sentences, ordered))
    return tuple(mark_containers(text, mark_road_ends(text, mark_landmarks(text, roles))))


#: "the capital", "the Malian capital", "Niger's capital", "la capitale (guinéenne)"; not "the regional capital".
_CAPITAL = re.compile(
    r"\b(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?P<dem>[A-Z][a-z]+)\s+)?|(?P<owner>[A-Z][\w’'-]+)['’]s\s+)capital"
    r"(?:\s+city)?\b|\b(?:[Ll]a|[Ss]a|[Ll]eur)\s+capitale(?:\s+(?P<adj>[a-zéèêëîïôûç-]+))?"
)
_NOT_THE_CAPITAL = frozenset({"régionale", "provinciale", "économique", "départementale", "administrative"})
_OF_COUNTRY = re.compile(r"^\s*(?:of|de|du|de\s+la|de\s+l['’])\s*$")


def capital_mentions(doc: Document, mentions: Sequence[PlaceMention], gaz: Gazetteer, article_country: str
                     ) -> list[PlaceMention]:
    """"The capital" as a mention of the capital city of the country it belongs to: the one its
    demonym or possessive names ("the Chadian capital", "Niger's capital"), else the one that
    follows ("the capital of Niger"), else the one its sentence names, else the article's."""
    text = doc.article.text
    countries = [m for m in mentions if m.kind in ("country", "demonym") and m.entry is not None]
    out: list[PlaceMention] = []
    for match in _CAPITAL.finditer(text):
        start, end = match.span()
        adj = match.group("adj") or ""
        if adj in _NOT_THE_CAPITAL:
            continue
        if any(m.entry is not None and m.kind == "place" and 0 <= m.span.start - end <= 4 for m in mentions):
            continue  # "the capital, Mogadishu": the city is named
        code = ""
        for word in (match.group("dem"), adj):
            if word and name_key(word) in DEMONYMS:
                code = DEMONYMS[name_key(word)]
        owner = match.group("owner")
        if not code and owner:
            at = match.start("owner")
            code = next((m.entry.country_code for m in countries
                         if m.entry and at <= m.span.start and m.span.end <= at + len(owner)), "")
            if not code:
                continue  # "Borno's capital": a state's, not a country's
        if not code:
            following = next((m for m in countries
                              if m.span.start >= end and _OF_COUNTRY.match(text[end : m.span.start])), None)
            if following is not None and following.entry is not None:
                code = following.entry.country_code
        if not code:
            sentence = next((sp for sp in doc.sentences if sp.start <= start < sp.end), None)
            named = {m.entry.country_code for m in countries if m.entry and sentence is not None
                     and _within(m, sentence)}
            code = named.pop() if len(named) == 1 else article_country
        info = gaz.country(code) if code else None
        if info is None or info.capital is None:
            continue
        before = text[max(0, start - 60) : start]
        if _NEAR_BEFORE.search(before) or _ORIGIN_BEFORE.search(before):
            continue  # "60 km from the capital", "fled to the capital": a landmark, not a scene
        cue = "at" if _AT_BEFORE.search(before) else ""
        out.append(PlaceMention(Span(start, end, text[start:end]), info.capital, precision=1, kind="place", cue=cue))
    return out


def _admin1_named(gaz: Gazetteer, country_code: str, words: str) -> GazEntry | None:
    key = name_key(words)
    return next((e for e in gaz.lookup([key]).get(key, ()) if e.feature_code == ADMIN1_CODE
                 and e.country_code == country_code), None)


def _is_dateline(text: str, span: Span, dateline: Span | None) -> bool:
    """The agency dateline ("NIAMEY (Reuters) -", "Niamey, Niger —") says where the reporter is."""
    if dateline is not None and dateline.start <= span.start < dateline.end + 1:
        return True
    if span.start > 400:
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    if span.start > line_start:  # "NAIROBI, Kenya (AP) —": the country after the city is the dateline too
        return bool(_DATELINE_HEAD.match(text, line_start, span.start)) and bool(
            _DATELINE_TAIL.match(text[span.end : span.end + 60]))
    tail = text[span.end : span.end + 60]
    return bool(_DATELINE_TAIL.match(tail)) or (span.text.isupper() and tail[:1] in (",", " ", "("))


def _inside_entity(topo: Toponym, entities: Sequence[tuple[int, int, str]]) -> bool:
    """A small place inside a longer person or organisation name is part of that name."""
    if topo.kind in ("country", "admin1", "demonym") or any(c.population >= 100_000 for c in topo.candidates):
        return False
    return any(s <= topo.span.start and topo.span.end <= e and e - s > topo.span.end - topo.span.start
               for s, e, _ in entities)


def _unknown_places(doc: Document, known: Sequence[PlaceMention]) -> tuple[list[PlaceMention], set[int]]:
    """Names the patterns or the NER call places but the gazetteer lacks, and the starts of known
    mentions they swallow ("Yar Katsina village": not Katsina; "Nasarawa Mai Fara": not Nasarawa)."""
    text = doc.article.text
    found: dict[int, PlaceMention] = {}
    swallowed: set[int] = set()
    spans = [(m.start(1), m.end(1), m.group(1), "at") for pattern in _UNKNOWN_PLACE for m in pattern.finditer(text)]
    actors = [a.span for a in doc.actors]
    spans += [s for s in _listed_places(text) if not any(a.start < s[1] and s[0] < a.end for a in actors)]
    spans += [(s, e, t, "") for s, e, t in _ner_spans(doc, _NER_PLACES)]
    for start, end, surface, cue in spans:
        key = name_key(surface)
        words = key.split()
        inner = words[1:-1]  # "Nasarawa Mai Fara": a month inside a village's name is no date
        if (start in found or not words or any((w in HARD_STOP and w not in inner) or w in _ADMIN_WORDS for w in words)
                or words[0] in SOFT_STOP
                or key in DEMONYMS or (surface.isupper() and len(surface) <= 6)):
            continue
        overlapping = [m for m in known if m.span.start < end and start < m.span.end]
        inside = cue == "at" and overlapping and all(
            start <= m.span.start and m.span.end <= end and m.span.end - m.span.start < end - start
            and m.kind in ("place", "admin1", "admin2") for m in overlapping)
        if overlapping and not inside:
            continue
        swallowed.update(m.span.start for m in overlapping)
        if not cue:
            before = text[max(0, start - 60) : start]
            cue = "near" if _NEAR_BEFORE.search(before) else "at" if _AT_BEFORE.search(before) else ""
        found[start] = PlaceMention(Span(start, end, surface), None, precision=2, kind="place", cue=cue)
        log.info("unresolved place %r in article %s", surface, doc.article.id)
    return list(found.values()), swallowed


def _listed_places(text: str) -> list[tuple[int, int, str, str]]:
    """Each name of a list that follows "villages of" or "two villages in X," (the list ends at
    the first name not followed by a comma or "and")."""
    out: list[tuple[int, int, str, str]] = []
    for head in _PLACE_LIST.finditer(text):
        pos = head.end()
        while (item := _LIST_ITEM.match(text, pos)) is not None:
            out.append((item.start(1), item.end(1), item.group(1), "at"))
            if not item.group("sep") or len(out) > 12:
                break
            pos = item.end()
    return out


def unresolved_places(doc: Document) -> tuple[str, ...]:
    """Surface forms of the place names the gazetteer could not resolve."""
    return tuple(dict.fromkeys(m.span.text for m in doc.places if m.entry is None))


def _sentence_index(doc: Document, span: Span) -> int:
    for i, s in enumerate(doc.sentences):
        if s.start <= span.start < s.end or (span.start <= s.start < span.end):
            return i
    return -1


def _within(m: PlaceMention, span: Span) -> bool:
    return span.start <= m.span.start and m.span.end <= span.end


def _pick(mentions: Sequence[PlaceMention], countries: set[str]) -> PlaceMention | None:
    """The mention most likely to be where the event happened."""
    best: tuple[float, PlaceMention] | None = None
    for n, m in enumerate(mentions):
        if m.kind not in _KIND_RANK or m.cue == "source" or (m.entry is None and m.cue not in ("at", "near")):
            continue
        score = _KIND_RANK[m.kind] + _CUE_BONUS.get(m.cue, 0.0) - 0.05 * n - (0.3 if m.entry is None else 0.0)
        if countries and m.entry is not None and m.entry.country_code not in countries:
            score -= 2.5
        if best is None or score > best[0]:
            best = (score, m)
    return best[1] if best else None


def _countries_of(mentions: Sequence[PlaceMention]) -> set[str]:
    """Countries a sentence places itself in ("en provenance du Sénégal" is not one)."""
    return {m.entry.country_code for m in mentions
            if m.entry is not None and m.kind in ("country", "demonym") and m.cue != "origin"}


def dominant_country(doc: Document, gazetteer: Gazetteer | None = None) -> str:
    """The country the article is mostly about (ISO alpha-2), or ''."""
    weights: Counter[str] = Counter()
    for m in doc.places:
        if m.entry is not None:
            weights[m.entry.country_code] += {"country": 2, "demonym": 1, "dateline": 1}.get(m.kind, 1)
    if doc.article.title:
        weights.update({cc: 3 for cc in countries_in(doc.article.title, _gazetteer(gazetteer))})
    return weights.most_common(1)[0][0] if weights else ""


def locate_event(doc: Document, sentence: Span, *, gazetteer: Gazetteer | None = None) -> EventLocation:
    """Where the event reported in ``sentence`` happened, in ACLED's geography columns."""
    gaz = _gazetteer(gazetteer)
    idx = _sentence_index(doc, sentence)
    own = [m for m in doc.places if _within(m, sentence)]
    countries = _countries_of(own)
    choice = _pick(own, countries)
    names_country = any(m.kind == "country" and m.cue != "possessive" for m in own)
    heading = choice is not None and choice.cue == "origin" and bool(
        _HEADING_BEFORE.search(doc.article.text, max(0, choice.span.start - 60), choice.span.start))
    if choice is None or choice.kind == "country" or heading:
        spans = _neighbours(doc, idx)
        if names_country:  # "in Niger": only the sentences right around it may say where in Niger
            spans = spans[:3]
        if heading:  # "their progress towards Niamey": the sentence before or after may tell where they were
            spans = spans[:2]
        article = countries or {dominant_country(doc, gaz)}
        town = choice is None and _TOWN_ANAPHOR.search(sentence.text) is not None
        for span in spans:
            near = [m for m in doc.places if _within(m, span)]
            found = _pick(near, countries or _countries_of(near))
            # two sentences on, only a place of the country the event is in (or the article is about)
            far = _sentence_index(doc, span) == idx + 2
            if town and found is not None and found.kind != "place":
                continue  # "the town was taken": not the region the next sentence names
            if found is not None and found.kind != "country" and found.cue != "origin" and (
                not (countries or far) or (found.entry is not None and found.entry.country_code in article)
            ):
                choice = found
                break
    elif choice.kind == "admin1" and choice.entry is not None:
        choice = _refine(doc, idx, choice) or choice
    if choice is not None and choice.entry is not None:
        return _location(choice, gaz)
    if choice is not None:  # a place the gazetteer does not know: its name, no guessed point
        country = _unknown_country(doc, own, _neighbours(doc, idx)[:2]) or _fallback_country(doc, idx, countries, gaz)
        return _unknown_location(doc, choice, sentence, country, gaz)
    country = _fallback_country(doc, idx, countries, gaz)
    if not country:
        return EventLocation(country="")
    info = gaz.country(country)
    if info is None:
        return EventLocation(country="")
    entry = info.entry
    known = (entry.latitude, entry.longitude) != (0.0, 0.0)  # a country the dumps gave no point
    return EventLocation(country=info.name, iso=info.iso, region=info.region, location=info.name,
                         latitude=round(entry.latitude, 4) if known else None,
                         longitude=round(entry.longitude, 4) if known else None, geo_precision=3)


def _refine(doc: Document, idx: int, region: PlaceMention) -> PlaceMention | None:
    """A town or village of ``region`` named in the sentences around one that names only the
    region ("an airstrike in the Tigray region" ... "the village of Togoga was struck")."""
    area = region.entry
    assert area is not None
    for span in _neighbours(doc, idx)[:3]:
        near = [m for m in doc.places if _within(m, span) and m.kind in ("place", "admin2") and (
            m.entry is None or (m.entry.country_code, m.entry.admin1_code) == (area.country_code, area.admin1_code))]
        found = _pick(near, set())
        if found is not None and found.cue not in ("origin", "within", "landmark"):
            return found
    return None


def places_in_sentence(doc: Document, sentence: Span, *, gazetteer: Gazetteer | None = None
                       ) -> list[EventLocation]:
    """The distinct places where the events of ``sentence`` happened, in text order.

    "killed in Sakkida and Gyadde villages" gives two; a place that only contains another one
    ("in Maru LGA"), a source's whereabouts or an origin ("from Niamey") gives none. A sentence
    without such a place gives one location, the one ``locate_event`` finds.
    """
    gaz = _gazetteer(gazetteer)
    own = [m for m in doc.places if _within(m, sentence)]
    scenes = [m for m in own if m.kind in ("place", "admin2") and m.cue in ("at", "near", "")
              and (m.entry is not None or m.cue in ("at", "near"))]
    dominant = {m.entry.country_code for m in own if m.entry is not None and m.kind in ("country", "demonym")}
    dominant.add(dominant_country(doc, gaz))
    scenes = [m for m in scenes if m.entry is None or m.entry.country_code in dominant]
    if len(scenes) < 2:
        return [locate_event(doc, sentence, gazetteer=gaz)]
    out: list[EventLocation] = []
    for m in scenes:
        if m.entry is not None:
            where = _location(m, gaz)
        else:
            where = _unknown_location(doc, m, sentence, _unknown_country(doc, own) or dominant_country(doc, gaz), gaz)
        if all(name_key(w.location) != name_key(where.location) for w in out):
            out.append(where)
    return out


def _unknown_country(doc: Document, own: Sequence[PlaceMention], around: Sequence[Span] = ()) -> str:
    """The country of an unknown place: that of the known places and areas of its sentence, else
    the one its sentence names, else the one the sentences right around it name (``around``),
    else the article's (a demonym says whose troops, not where)."""
    for kinds in (("place", "admin1", "admin2"), ("country",)):
        found = {m.entry.country_code for m in own if m.entry is not None and m.kind in kinds
                 and (m.cue not in ("source", "origin", "possessive") or m.kind == "country")}
        if len(found) == 1:
            return found.pop()
    named = {m.entry.country_code for m in doc.places if m.entry is not None and m.kind == "country"
             and m.cue not in ("origin", "possessive") and any(_within(m, s) for s in around)}
    return named.pop() if len(named) == 1 else dominant_country(doc)


def _unknown_location(doc: Document, m: PlaceMention, sentence: Span, country: str, gaz: Gazetteer) -> EventLocation:
    """An unknown place keeps its name; admin1 comes from a known place or area of the same
    country in the sentence, coordinates stay empty."""
    info = gaz.country(country) if country else None
    return EventLocation(country=info.name if info else "", iso=info.iso if info else 0,
                         region=info.region if info else "", admin1=_context_admin1(doc, sentence, country),
                         location=m.span.text, geo_precision=2, evidence=m.span)


def _context_admin1(doc: Document, sentence: Span, country: str) -> str:
    """The admin1 area the text around a sentence is about: a known place or area of the same
    country in the sentence, else in its neighbours, else the article's most named one."""
    def admin1s(spans: Sequence[Span]) -> list[str]:
        return [p.entry.admin1 for p in doc.places if p.entry is not None and p.entry.admin1
                and p.kind in ("place", "admin1", "admin2") and p.entry.country_code == country
                and p.cue not in ("landmark", "origin", "source")  # "X, 80 km from Mogadishu": not Mogadishu's
                and any(_within(p, s) for s in spans)]

    idx = _sentence_index(doc, sentence)
    for spans in ([sentence], _neighbours(doc, idx)[:3], list(doc.sentences)):
        found = Counter(admin1s(spans))
        if found:  # a tie goes to the area of the nearest sentence (the one before, then after)
            order = [a for span in spans for a in admin1s([span])]
            return max(found, key=lambda a: (found[a], -order.index(a)))
    return ""


def _neighbours(doc: Document, idx: int) -> list[Span]:
    """Sentences to borrow a place from: the two before, the one after, then the lead."""
    if idx < 0:
        return list(doc.sentences[:2])
    order = [idx - 1, idx + 1, idx - 2, idx + 2, 0, 1]
    seen: list[int] = []
    for i in order:
        if 0 <= i < len(doc.sentences) and i != idx and i not in seen:
            seen.append(i)
    return [doc.sentences[i] for i in seen]


def _fallback_country(doc: Document, idx: int, countries: set[str], gaz: Gazetteer) -> str:
    if countries:
        own = [m for m in doc.places
               if m.kind == "country" and m.entry is not None and m.entry.country_code in countries]
        return own[0].entry.country_code if own and own[0].entry else sorted(countries)[0]
    for span in _neighbours(doc, idx)[:3]:
        near = _countries_of([m for m in doc.places if _within(m, span)])
        if len(near) == 1:
            return near.pop()
    dominant = dominant_country(doc, gaz)
    if dominant:
        return dominant
    dateline = [m for m in doc.places if m.kind == "dateline" and m.entry is not None]
    return dateline[0].entry.country_code if dateline and dateline[0].entry else ""


#: Words of an admin2 area's name that are not the name of its seat ("Cercle de Goundam").
_AREA_WORDS = frozenset({"cercle", "province", "prefecture", "department", "departement", "district", "lga",
                         "local", "government", "area", "commune", "county", "de", "du", "des", "la", "le", "l",
                         "of", "the"})
_SEAT_CODES = ("PPLC", "PPLA", "PPLA2", "PPLA3")


def _seat(area: GazEntry, gaz: Gazetteer) -> GazEntry | None:
    """The town an admin2 area is named after and governed from ("Cercle de Goundam" -> Goundam):
    ACLED places an event known only to the district at its seat, as it places a region's at its capital."""
    core = " ".join(w for w in name_key(area.name).split() if w not in _AREA_WORDS)
    if not core:
        return None
    towns = [e for e in gaz.lookup([core]).get(core, ()) if e.feature_class == "P"
             and (e.country_code, e.admin1_code) == (area.country_code, area.admin1_code)
             and (e.feature_code in _SEAT_CODES or e.population > 0)]
    return max(towns, key=lambda e: (e.feature_code in _SEAT_CODES, e.population), default=None)


def _location(m: PlaceMention, gaz: Gazetteer) -> EventLocation:
    entry = m.entry
    assert entry is not None
    if m.kind == "admin2" and entry.feature_code.startswith("ADM"):
        seat = _seat(entry, gaz)
        if seat is not None:
            entry = dataclasses.replace(seat, admin2=entry.admin2 or seat.admin2)
    info = gaz.country(entry.country_code)
    name = info.name if info else entry.country
    if m.kind == "country":
        location = name
    elif m.kind == "admin1":
        location = entry.admin1 or entry.name
    else:
        location = entry.name
    return EventLocation(
        country=name,
        iso=info.iso if info else 0,
        region=info.region if info else "",
        admin1=entry.admin1 if m.kind != "country" else "",
        admin2=entry.admin2,
        location=location,
        latitude=round(entry.latitude, 4),
        longitude=round(entry.longitude, 4),
        geo_precision=m.precision,
        evidence=m.span,
    )


def country_location(name: str, *, gazetteer: Gazetteer | None = None) -> EventLocation | None:
    """A country-level location (geo_precision 3, at the country's point) for a country named by
    other evidence than a place, e.g. the actor ("Boko Haram", "Burkinabe soldiers")."""
    gaz = _gazetteer(gazetteer)
    code = _country_codes(gaz).get(name_key(name))
    info = gaz.country(code) if code else None
    if info is None:
        return None
    lat, lon = info.entry.latitude, info.entry.longitude
    return EventLocation(
        country=info.name, iso=info.iso, region=info.region, location=info.name,
        latitude=round(lat, 4) if (lat or lon) else None, longitude=round(lon, 4) if (lat or lon) else None,
        geo_precision=3,
    )


#: How long before the report a political development is told as background, not as news.
_RECALLED_DAYS = 60


def recalled_development_scope(where: EventLocation, sentence: Span, *, event_type: str, event_date: dt.date,
                               article_date: dt.date | None, gazetteer: Gazetteer | None = None) -> EventLocation:
    """A political development recalled from months before the report ("since the coup in
    October", "the junta that took power in April 2021"), told in a sentence that names no place
    of its own, is coded at its country: the towns of the sentences around it belong to the
    story being reported (a strike, a protest), not to the coup or the agreement."""
    borrowed = where.evidence is None or not (sentence.start <= where.evidence.start < sentence.end)
    national = name_key(where.location) == name_key(where.country)
    if (event_type != "Strategic developments" or article_date is None or not borrowed or not where.country
            or national or (article_date - event_date).days <= _RECALLED_DAYS):
        return where
    return country_location(where.country, gazetteer=gazetteer) or where


_CODES: dict[int, dict[str, str]] = {}


def _country_codes(gaz: Gazetteer) -> dict[str, str]:
    """Country name key -> ISO alpha-2, over every code the gazetteer knows (built once)."""
    if id(gaz) not in _CODES:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        infos = (gaz.country(a + b) for a in letters for b in letters)
        _CODES[id(gaz)] = {name_key(i.name): i.code for i in infos if i is not None}
    return _CODES[id(gaz)]


class PlacesStage:
    """Sets ``doc.places``; the gazetteer is opened on the first article, once per process."""

    name = "places"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("places",)

    def __init__(self, gazetteer: Gazetteer | Callable[[], Gazetteer] | None = None) -> None:
        self._source = gazetteer
        self._gazetteer: Gazetteer | None = None

    def __call__(self, doc: Document) -> Document:
        if self._gazetteer is None:
            source = self._source
            self._gazetteer = source() if callable(source) else source if source is not None else _gazetteer(None)
            _active["default"] = self._gazetteer
        return dataclasses.replace(doc, places=find_places(doc, gazetteer=self._gazetteer))
