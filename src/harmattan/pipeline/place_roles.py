"""What a place name does in its sentence: the scene, a container, a source's whereabouts.

Pure text rules over place mentions already found (``places.find_places`` applies them):

- a container: "Gudashi village, Dankurmi district in Maru LGA of Zamfara State": Maru and
  Zamfara only say where Gudashi is (cue ``within``);
- a source's whereabouts: "doctors in Mekele told AP", "the police spokesman stated on Tuesday
  in Jos": the place is where the reporting happened (cue ``source``);
- an official's jurisdiction: "le maire de Tondi, commune qui administre les deux villages", "the
  governor of Kano": the place the office governs, not where the event was (cue ``office``);
- a landmark that says where the place before it lies: "à Dabou, 50 km à l'ouest d'Abidjan", "in
  Koure, 60 km (40 miles) east of Niamey": Abidjan and Niamey are no scenes (cue ``landmark``);
- the near end of a road: "entre Kaniéra et Lakamané", "between Kwala and Sebabougou": the stretch
  is told toward its far end, the scene (cue ``road`` on the near end);
- a French directional region that names an admin1 area: "dans l'est du Burkina" (Est),
  "dans la région du Centre nord", "(centre-nord)".

Owns these patterns only; no gazetteer look-ups except through the callable it is given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from harmattan.pipeline.events import attribution_spans
from harmattan.records import GazEntry, PlaceMention, Span

#: Words allowed between a place and the area that contains it ("X village, Y district in Z").
_CONTAINER_TEXT = """
    village villages town community communities district districts local government area areas lga lgas council
    camp quarter neighbourhood neighborhood ward commune communes rurale rural localité localite cercle province
    provinces region regions région régions state states department département prefecture préfecture county
    territory displacement refugee refugees idp idps military army base site territoire chiefdom canton secteur
    sector capital capitale chef lieu regional provincial seat situé située situated located the la le les l its
    sa son un une a an
"""
_CONTAINER_WORDS = frozenset(_CONTAINER_TEXT.split())
_UNIT_WORDS = frozenset({"commune", "communes", "district", "lga", "cercle", "province", "region", "région",
                         "state", "department", "département", "prefecture", "préfecture", "county", "territoire"})
_CONTAINER_LINKS = frozenset({"in", "of", "dans", "de", "du", "des", "d", "near", "près", "pres", "à", ","})
_GAP_TOKEN = re.compile(r"[,()]|[\w’'-]+")
_MAX_GAP = 70

#: Reporting verbs right after a place ("Mekele, told AP"), or before it ("said on Tuesday in Jos").
_VERB = (r"(?:told|said|says|stated|declared|announced|explained|a\s+(?:indiqué|déclaré|affirmé|annoncé|"
         r"expliqué|raconté|confirmé|précisé)|ont\s+(?:indiqué|déclaré|affirmé|annoncé|raconté|confirmé))")
_SOURCE_AFTER = re.compile(r"^\W{0,3}\s*" + _VERB + r"\b", re.IGNORECASE)
_SPOKE = (r"(?:told|said|says|stated|declared|a\s+(?:indiqué|déclaré|affirmé|expliqué|raconté|précisé)|"
          r"ont\s+(?:indiqué|déclaré|affirmé|raconté))")
_SOURCE_BEFORE = re.compile(
    r"\b" + _SPOKE + r"(?:\s+[\w’'-]+){0,4}?\s+(?:in|at|from|à|depuis)\s+(?:the\s+|la\s+|le\s+)?$", re.IGNORECASE
)
_SOURCE_NOUN_BEFORE = re.compile(
    r"\b(?:residents?|witnesses?|sources?|doctors?|officials?|journalists?|spokes(?:man|woman|person)|"
    r"correspondents?|reporters?|habitants?|témoins?|médecins?|responsables?|journalistes?|correspondants?|"
    r"porte-parole|élus?)\s+(?:[\w’'-]+\s+){0,3}?(?:in|at|of|from|à|de|d['’])\s*(?:the\s+)?$",
    re.IGNORECASE,
)
#: A place named for comparison ("Comme à N'Djamena, il y a eu des manifestations à Moundou"): not this scene.
_COMPARED_BEFORE = re.compile(r"(?:^|[.,;:!?]\s*|\n)(?:comme|ainsi\s+qu['’]|as|like|just\s+as)\s+"
                              r"(?:à|au|aux|en|in|at)\s+(?:the\s+|la\s+|le\s+)?$", re.IGNORECASE)
#: Where a page was published ("Publié le 12 janvier 2020 à 21h29 à Niamey"): the newsroom's town.
_PUBLISHED_BEFORE = re.compile(r"\b(?:publié|published|posted|mis\s+à\s+jour|updated)\s+(?:le\s+|on\s+)?"
                               r"[^.\n]{0,30}?\d[^.\n]{0,25}?\s(?:à|in|from)\s+$", re.IGNORECASE)
#: The seat of a government named for the government ("the junta in Bamako", "le pouvoir à Niamey"),
#: unless the sentence acts against it there ("marched against the government in Bamako").
_SEAT = r"(?:junta|government|authorities|regime|rulers|junte|pouvoir|gouvernement|autorités|régime|dirigeants)"
_SEAT_BEFORE = re.compile(r"\b" + _SEAT + r"\s+(?:au\s+pouvoir\s+|in\s+power\s+)?(?:in|à)\s+$", re.IGNORECASE)
_AGAINST_SEAT = re.compile(r"\b(?:against|contre)\s+(?:the\s+|la\s+|le\s+|l['’]\s*)?" + _SEAT + r"\s+\S+\s+$"
                           r"|\b(?:against|contre)\s+(?:the\s+|la\s+|le\s+|l['’]\s*)?" + _SEAT
                           + r"\s+(?:au\s+pouvoir|in\s+power)\s+\S+\s+$", re.IGNORECASE)
_VERB_SOON = re.compile(r"^[^.;:!?]{0,60}?\b" + _VERB + r"\b", re.IGNORECASE)

_DIRECTION = r"(?:centre|center|nord|sud|est|ouest)(?:[- ](?:nord|sud|est|ouest))?"
#: "dans l'est du Burkina", "le centre-nord du pays" (the country follows), "région du Centre nord",
#: "(centre-nord)" (the country is the article's).
_DIRECTIONAL_OF = re.compile(r"\b(?:l['’]\s*|le\s+)(" + _DIRECTION + r")\s+(?:du|de\s+la|de\s+l['’])\s*",
                             re.IGNORECASE)
_DIRECTIONAL_REGION = re.compile(
    r"\br[ée]gion\s+(?:du\s+|de\s+l['’]\s*|des\s+)(" + _DIRECTION + r")\b|\((" + _DIRECTION + r")\)", re.IGNORECASE
)


def mark_containers(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Give cue ``within`` to each place that follows another one as the area containing it."""
    out = list(mentions)
    listed = _listed(text, out)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur.cue in ("source",) or prev.kind in ("country", "demonym", "dateline") or i in listed:
            continue
        if cur.kind not in ("place", "admin1", "admin2"):
            continue
        gap = text[prev.span.end : cur.span.start]
        if _is_container_gap(gap):
            out[i] = replace(cur, cue="within")
    return out


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:et|and|&))\s*")


def _listed(text: str, mentions: Sequence[PlaceMention]) -> set[int]:
    """Places named as a list of three or more ("à Moundou, Doba, Koumra et Sarh"): one after a
    bare comma is the next of the list, not the area holding the one before."""
    bare = [i for i in range(1, len(mentions))
            if _LIST_GAP.fullmatch(text[mentions[i - 1].span.end : mentions[i].span.start])]
    return {i for i in bare if i - 1 in bare or i + 1 in bare}


#: "X and the village of Y" names another village; "X, un village de la commune de Y" names X's commune.
_NAMING = re.compile(r"(?:village|town|city|localit[ée]|ville|hameau)\s+(?:of|de|d['’])\s*$", re.IGNORECASE)


def _is_container_gap(gap: str) -> bool:
    if not gap or len(gap) > _MAX_GAP or any(c in gap for c in ".;:!?\n") or _NAMING.search(gap):
        return False
    tokens = _GAP_TOKEN.findall(gap.replace("’", "'"))
    linked = False
    unit = False  # "Irgou (commune de Barsalogho)": a bracket holds the area; "Sikolo (Kafolo)" another name
    for token in tokens:
        low = token.lower().rstrip("'")
        if low in _CONTAINER_LINKS:
            linked = True
        elif low in _UNIT_WORDS:
            unit = True
        elif low not in _CONTAINER_WORDS and not token[:1].isupper() and low not in ("(", ")"):
            return False
    return linked or (unit and "(" in tokens)


#: A photo caption's credit or label: "(AP Photo/Cliff Owen)", "REUTERS/Joe Penney", "FILE PHOTO:".
_CAPTION = re.compile(r"\((?:AP|AFP|Reuters|EPA)\s+Photo\b[^)]{0,40}\)|\bREUTERS\s*/\s*[A-Z]|"
                      r"\b(?:FILE\s+)?PHOTO\s*:|\bAFP\s+PHOTO\b|\bPhoto\s*:\s*(?:AP|AFP|Reuters)\b")


def mark_sources(text: str, sentences: Sequence[Span], mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Give cue ``source`` to places that say where a source spoke, not where the event was."""
    out = list(mentions)
    frames: list[tuple[int, int]] = []
    for s in sentences:
        # A frame running on past 60 characters holds the reported clause too ("officials said that ...").
        frames.extend((s.start + a, s.start + b) for a, b in attribution_spans(s.text) if b - a <= 60 or a == 0)
        if _CAPTION.search(s.text):  # a photo caption tells where a picture was taken (GOLD_GUIDE: not coded)
            frames.append((s.start, s.end))
    for i, m in enumerate(out):
        if m.kind in ("country", "demonym", "dateline"):
            continue
        start, end = m.span.start, m.span.end
        before = text[max(0, start - 70) : start]
        after = text[end : end + 80]
        source = (
            any(a <= start and end <= b for a, b in frames)
            or bool(_SOURCE_AFTER.match(after))
            or bool(_SOURCE_BEFORE.search(before))
            or (bool(_SOURCE_NOUN_BEFORE.search(before)) and bool(_VERB_SOON.match(after)))
            or (bool(_SEAT_BEFORE.search(before)) and not _AGAINST_SEAT.search(before))
            or bool(_PUBLISHED_BEFORE.search(before))
            or bool(_COMPARED_BEFORE.search(before))
        )
        if source:
            out[i] = replace(m, cue="source")
    return out


#: An office whose holder is named by the area it governs ("le maire de X", "the governor of X").
_OFFICE_BEFORE = re.compile(
    r"\b(?:maires?|pr[ée]f[eè]ts?|sous-pr[ée]f[eè]ts?|gouverneurs?|haut-commissaires?|d[ée]put[ée]s?|"
    r"mayors?|governors?|senators?|lawmakers?|chairman|chairmen|chairperson|commissioners?|administrators?|emirs?)"
    r"\s+(?:(?:de\s+la\s+|of\s+the\s+)?(?:commune|ville|town|city|district|local\s+government(?:\s+area)?|region|"
    r"r[ée]gion|province|state|cercle|d[ée]partement)\s+)?(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*|of\s+|"
    r"for\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
#: "X, commune qui administre les villages", "X, the council that runs the villages".
_OFFICE_AFTER = re.compile(r"\W{0,3}\s*(?:la\s+|une\s+|the\s+)?(?:commune|municipalit[ée]|council|municipality)"
                           r"\s+(?:qui\s+administre|that\s+(?:runs|administers|covers)|which\s+(?:runs|administers|"
                           r"covers))\b", re.IGNORECASE)


def mark_offices(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Give cue ``office`` to places named as an official's jurisdiction, not as the scene."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind in ("country", "demonym", "dateline"):
            continue
        before = text[max(0, m.span.start - 80) : m.span.start]
        if _OFFICE_BEFORE.search(before) or _OFFICE_AFTER.match(text[m.span.end : m.span.end + 80]):
            out[i] = replace(m, cue="office")
    return out


#: What lies between a place and the landmark that locates it: ", 50 km (31 miles) east of".
_DISTANCE_GAP = re.compile(
    r"\W{0,3}(?:(?:town|village|city|district|ville|localit[ée]|commune|region|r[ée]gion|province|state)\W{1,3})?(?:à\s+|about\s+|some\s+|just\s+|environ\s+|"
    r"quelque\s+)?(?:\d[\d,.]*|une\s+(?:centaine|dizaine|"
    r"vingtaine|trentaine)|a\s+few|quelques)(?:\s+de)?\s*(?:km|kilom[eè]tres?|kilomet(?:er|re)s?|miles?)\b[^.;:!?]{0,50}",
    re.IGNORECASE,
)


def mark_landmarks(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Give cue ``landmark`` to a place that only tells how far the place before it lies from it."""
    out = list(mentions)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if prev.kind not in ("place", "admin1", "admin2") or cur.kind in ("country", "demonym", "dateline") \
                or cur.cue != "near":
            continue
        if _DISTANCE_GAP.fullmatch(text, prev.span.end, cur.span.start):
            out[i] = replace(cur, cue="landmark")
    return out


_BETWEEN_BEFORE = re.compile(r"\b(?:between|entre)\s+(?:the\s+towns?\s+of\s+|les\s+localit[ée]s\s+de\s+)?$",
                             re.IGNORECASE)
_AND_GAP = re.compile(r"\s+(?:and|et)\s+", re.IGNORECASE)


def mark_road_ends(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Give cue ``road`` to the first place of "between X and Y": the event is placed at Y."""
    out = list(mentions)
    for i in range(len(out) - 1):
        cur, far = out[i], out[i + 1]
        if cur.kind != "place" or far.kind != "place":
            continue
        if _BETWEEN_BEFORE.search(text, max(0, cur.span.start - 40), cur.span.start) and _AND_GAP.fullmatch(
                text, cur.span.end, far.span.start):
            out[i] = replace(cur, cue="road")
    return out


def directional_regions(
    text: str,
    mentions: Sequence[PlaceMention],
    admin1_named: Callable[[str, str], GazEntry | None],
    article_country: str,
) -> list[PlaceMention]:
    """Admin1 areas named by a French direction ("l'est du Burkina" -> Est), as mentions.

    ``admin1_named(country_code, words)`` returns the admin1 area of that country called so.
    """
    found: list[PlaceMention] = []
    countries = {m.span.start: m for m in mentions if m.kind == "country" and m.entry is not None}
    for match in _DIRECTIONAL_OF.finditer(text):
        country = countries.get(match.end())
        if country is None and text[match.end() : match.end() + 4].lower() == "pays":
            cc = article_country
        else:
            cc = country.entry.country_code if country is not None and country.entry is not None else ""
        entry = admin1_named(cc, match.group(1)) if cc else None
        if entry is not None:
            span = Span(match.start(1), match.end(1), match.group(1))
            found.append(PlaceMention(span, entry, precision=3, kind="admin1", cue="at"))
    for match in _DIRECTIONAL_REGION.finditer(text):
        group = 1 if match.group(1) else 2
        entry = admin1_named(article_country, match.group(group)) if article_country else None
        if entry is not None:
            span = Span(match.start(group), match.end(group), match.group(group))
            found.append(PlaceMention(span, entry, precision=3, kind="admin1", cue="at"))
    return found
