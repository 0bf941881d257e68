"""Whether two event reports describe the same real event, and why.

Owns the pairwise rule: ACLED's "same actors, same day, same location" widened to what news
reports look like (dates a day or two apart, nearby places, a generic "gunmen" in one report
and the named group in another, English and French). Pure functions over EventRecords; it
must not know about clusters, stores or articles' text.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from harmattan.geo import km_between
from harmattan.records import EventRecord

#: Days two dates may differ, by the coarser time_precision (1 day, 2 week, 3 month).
DATE_TOLERANCE_DAYS: dict[int, int] = {1: 2, 2: 7, 3: 31}
#: Kilometres two places may be apart, by the coarser geo_precision (3: same admin1 instead).
DISTANCE_LIMIT_KM: dict[int, float] = {1: 30.0, 2: 50.0}
#: Event types that different reports of one event often disagree on (soldiers vs civilians
#: killed, an attack described as a bombing, a protest that turned violent).
COMPATIBLE_EVENT_TYPES: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"Battles", "Violence against civilians"}),
        frozenset({"Battles", "Explosions/Remote violence"}),
        frozenset({"Explosions/Remote violence", "Violence against civilians"}),
        frozenset({"Protests", "Riots"}),
    }
)
#: Days an undated report (dated by its publication) may come after the event it tells.
LATE_REPORT_DAYS = 60
#: The score a pair needs to be merged; see ``compare_reports`` for the weights.
MERGE_THRESHOLD = 2.4

_GENERIC_ACTOR = re.compile(r"^unidentified\b|^unknown\b")
_STATE_OR_PEOPLE = re.compile(r"^(military|police) forces|^government of|^civilians|^protesters|^rioters")
_DATE = re.compile(r"\b(?:On )?\d{4}-\d{2}-\d{2}:?|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_CROWD = re.compile(r"^(rioters|protesters)\b")
_ACTOR_STOP = frozenset(
    [
        "of", "the", "and", "de", "du", "des", "la", "le", "les", "l", "d", "for", "in", "forces", "force", "group",
        "groups", "armed", "movement"
    ]
)
_TEXT_STOP = frozenset(
    [
        "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "for", "by", "with", "from", "was", "were", "is",
        "are", "has", "have", "had", "that", "this", "it", "its", "as", "be", "been", "after", "said", "says", "le",
        "la", "les", "de", "du", "des", "un", "une", "et", "en", "au", "aux", "dans", "par", "pour", "sur", "avec",
        "qui", "que", "est", "sont", "a", "ont", "ete", "selon"
    ]
)


@dataclass(frozen=True)
class PairMatch:
    """Why two reports are (or are not) the same event: a score and its reasons."""

    score: float
    reasons: tuple[str, ...]
    threshold: float = MERGE_THRESHOLD

    @property
    def same_event(self) -> bool:
        return self.score >= self.threshold


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, no accents, only letters, digits and single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", text)).strip()


@lru_cache(maxsize=65536)
def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def date_tolerance(a: EventRecord, b: EventRecord) -> int:
    coarser = max(a.time_precision or 1, b.time_precision or 1)
    return DATE_TOLERANCE_DAYS.get(coarser, DATE_TOLERANCE_DAYS[3])


def is_undated(record: EventRecord) -> bool:
    """A report whose text gave no date: its event_date is the publication date, an upper bound."""
    return not any(e.field == "event_date" for e in record.evidence)


def late_report(a: EventRecord, b: EventRecord, gap: int) -> str | None:
    """Why a report dated too late may still tell the other's event: it gave no date of its own.

    Follow-ups (inquiries, funerals, a death toll revised) are dated by their publication. Only
    the later report may be undated, never more than LATE_REPORT_DAYS after, and the two must
    agree on the sub-event type and the exact place (checked by the caller).
    """
    date_a, date_b = parse_date(a.event_date), parse_date(b.event_date)
    if date_a is None or date_b is None or gap > LATE_REPORT_DAYS:
        return None
    later = a if date_a > date_b else b
    if not is_undated(later) or not a.sub_event_type or a.sub_event_type != b.sub_event_type:
        return None
    return f"undated report published {gap} days after ({later.event_date})"


# --- actors -----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def actor_keys(name: str) -> tuple[str, frozenset[str]]:
    """An actor's acronym (``"jnim"`` from ``"JNIM: Group for ..."``) and its content words."""
    head, _, tail = re.split(r"\s+-\s+", name, maxsplit=1)[0].partition(":")
    acronym = normalise(head) if tail else ""
    words = frozenset(t for t in normalise(name).split() if t not in _ACTOR_STOP)
    return acronym, words


def same_actor(a: str, b: str) -> bool:
    """``"RSF: Rapid Support Forces"`` is ``"Rapid Support Forces"``; Mali's army is not Niger's.

    Rioters and protesters of one country are the same crowd seen by two reporters.
    """
    if _CROWD.sub("crowd", normalise(a)) == _CROWD.sub("crowd", normalise(b)):
        return True
    (acr_a, words_a), (acr_b, words_b) = actor_keys(a), actor_keys(b)
    if acr_a and (acr_a == acr_b or acr_a in words_b):
        return True
    if acr_b and acr_b in words_a:
        return True
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= 0.6


def is_generic(name: str) -> bool:
    """"Unidentified Armed Group (Mali)": compatible with any named armed group."""
    return bool(_GENERIC_ACTOR.match(normalise(name)))


def is_armed_group(name: str) -> bool:
    return bool(name) and not _STATE_OR_PEOPLE.match(normalise(name))


def actors_of(record: EventRecord) -> list[str]:
    names: list[str] = []
    for value in (record.actor1, record.actor2, record.assoc_actor_1, record.assoc_actor_2):
        names.extend(part.strip() for part in (value or "").split(";") if part.strip())
    return names


def short_actor(name: str) -> str:
    """The name an analyst would say: the acronym if there is one."""
    head, _, tail = name.partition(":")
    return head.strip() if tail else name


def compare_actors(a: EventRecord, b: EventRecord) -> tuple[float, str | None]:
    """Score for the actors two reports share; negative when two named groups disagree."""
    names_a, names_b = actors_of(a), actors_of(b)
    if not names_a or not names_b:
        return 0.0, None
    shared = [x for x in names_a if any(same_actor(x, y) for y in names_b)]
    named_shared = [x for x in shared if is_armed_group(x) and not is_generic(x)]
    if named_shared:
        return 1.0, f"shared actor {short_actor(named_shared[0])}"
    score, reason = 0.0, None
    if shared:
        score, reason = 0.5, f"shared actor {short_actor(shared[0])}"
    groups_a = [x for x in names_a if is_armed_group(x)]
    groups_b = [x for x in names_b if is_armed_group(x)]
    named_a = [x for x in groups_a if not is_generic(x)]
    named_b = [x for x in groups_b if not is_generic(x)]
    if named_a and named_b:
        return score - 1.5, reason  # two different named groups: likely two events
    generic_a = [x for x in groups_a if is_generic(x)]
    generic_b = [x for x in groups_b if is_generic(x)]
    if (generic_a and (named_b or generic_b)) or (generic_b and named_a):
        other = (named_b or named_a or generic_b)[0]
        return score + 0.3, reason or f"unidentified armed group compatible with {short_actor(other)}"
    return score, reason


# --- places -----------------------------------------------------------------------------


def compare_places(a: EventRecord, b: EventRecord) -> tuple[float, str | None] | None:
    """Score for how close two reports put the event; None when too far apart to be one."""
    coarser = max(a.geo_precision or 3, b.geo_precision or 3)
    same_admin1 = bool(a.admin1) and normalise(a.admin1) == normalise(b.admin1)
    if a.admin1 and b.admin1 and not same_admin1 and coarser < 3:
        return None
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        dist = km_between((a.latitude, a.longitude), (b.latitude, b.longitude))  # type: ignore[arg-type]
        limit = DISTANCE_LIMIT_KM.get(coarser)
        if limit is not None:
            if dist > limit:
                if same_admin1 and coarser < 3 and same_name(a.location, b.location):
                    return 0.8, f"same place name ({a.location}), located {dist:.0f} km apart"
                return None
            if dist < 2.0:
                return 1.0, f"same place ({a.location or b.location})"
            return 1.0 - 0.5 * dist / limit, f"{dist:.0f} km apart"
    loc_a, loc_b = normalise(a.location), normalise(b.location)
    if loc_a and loc_b:
        if loc_a == loc_b or fuzz.token_set_ratio(loc_a, loc_b) >= 90 or fuzz.ratio(loc_a, loc_b) >= 85:
            level = "same place" if coarser < 3 else "same area"
            return (1.0 if coarser < 3 else 0.5), f"{level} ({a.location})"
        if coarser == 1 and not (a.latitude is None) ^ (b.latitude is None):
            return -0.5, None  # two different named towns, neither located
    if same_admin1:
        return 0.3, f"same admin1 ({a.admin1})"
    return 0.0, None


def same_name(a: str, b: str) -> bool:
    """One place name, spelled with or without accents ("Kouré" / "Koure").

    Two reports that name the same town in the same admin1 tell of one place even when the
    gazetteer put them on two homonyms: a wrong coordinate must not split one event.
    """
    return bool(normalise(a)) and normalise(a) == normalise(b)


def same_named_place(a: EventRecord, b: EventRecord) -> bool:
    """Two reports naming one town (``same_name``) in one admin1, whatever their coordinates."""
    return same_name(a.location, b.location) and normalise(a.admin1) == normalise(b.admin1)


# --- event types, fatalities, text ------------------------------------------------------


def compare_types(a: EventRecord, b: EventRecord) -> tuple[float, str] | None:
    if a.sub_event_type and a.sub_event_type == b.sub_event_type:
        return 1.0, "same sub-event type"
    if a.event_type == b.event_type:
        return 0.5, f"same event type ({a.event_type})"
    if frozenset({a.event_type, b.event_type}) in COMPATIBLE_EVENT_TYPES:
        return 0.0, f"compatible event types ({a.sub_event_type} / {b.sub_event_type})"
    return None


def compare_fatalities(a: EventRecord, b: EventRecord) -> tuple[float, str | None]:
    if a.fatalities > 0 and a.fatalities == b.fatalities:
        return 0.3, f"same fatalities ({a.fatalities})"
    if a.fatalities > 0 and b.fatalities > 0 and max(a.fatalities, b.fatalities) <= 2 * min(a.fatalities, b.fatalities):
        return 0.1, None
    return 0.0, None


def report_text(record: EventRecord) -> str:
    """What a report says about the event: its notes and evidence spans (place and date are scored apart)."""
    spans = " ".join(dict.fromkeys(e.text for e in record.evidence if e.field != "event_date"))
    return " ".join((record.notes, spans))


@lru_cache(maxsize=8192)
def text_profile(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Character 4-grams of content words, the numbers, and capitalised names of a text."""
    text = _DATE.sub(" ", text)  # an article's own date says nothing about which event it reports
    names = frozenset(normalise(m) for m in re.findall(r"\b[A-ZÀ-Ý][\w'’-]{2,}", text))
    words = [w for w in normalise(text).split() if w not in _TEXT_STOP]
    numbers = frozenset(w for w in words if w.isdigit())
    grams = frozenset(g for w in words if not w.isdigit() for g in _ngrams(f" {w} ", 4))
    return grams, numbers, names - {normalise(w) for w in _TEXT_STOP}


def _ngrams(word: str, n: int) -> Iterable[str]:
    return (word[i : i + n] for i in range(max(1, len(word) - n + 1)))


def text_similarity(a: EventRecord, b: EventRecord) -> float:
    """Language-light similarity: shared character n-grams (cognates, names) and numbers.

    Character n-grams over place and group names carry across English and French
    ("Barsalogho", "JNIM", "soldats"/"soldiers"), where word overlap would not.
    """
    grams_a, nums_a, names_a = text_profile(report_text(a))
    grams_b, nums_b, names_b = text_profile(report_text(b))
    if not grams_a or not grams_b:
        return 0.0
    gram_sim = len(grams_a & grams_b) / math.sqrt(len(grams_a) * len(grams_b))
    name_sim = len(names_a & names_b) / min(len(names_a), len(names_b)) if names_a and names_b else 0.0
    num_sim = len(nums_a & nums_b) / min(len(nums_a), len(nums_b)) if nums_a and nums_b else 0.0
    return round(0.5 * gram_sim + 0.3 * name_sim + 0.2 * num_sim, 2)


# --- the rule ---------------------------------------------------------------------------


def same_country(a: EventRecord, b: EventRecord) -> bool:
    """Equal countries, or one report without a country (then other evidence must carry it)."""
    return not a.country or not b.country or normalise(a.country) == normalise(b.country)


def same_acled_event(a: EventRecord, b: EventRecord) -> str | None:
    """ACLED's identity rule (same day, same place, same actors), even within one article.

    An article that tells one clash twice (two sentences, two sub-event types) gives two
    records of one event; two villages attacked the same day stay two events. Returns the
    reason, or None.
    """
    if max(a.time_precision or 1, b.time_precision or 1) != 1 or a.event_date[:10] != b.event_date[:10]:
        return None
    if not same_country(a, b) or compare_types(a, b) is None:
        return None
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        if km_between((a.latitude, a.longitude), (b.latitude, b.longitude)) >= 2.0:  # type: ignore[arg-type]
            return None
    elif not a.location or normalise(a.location) != normalise(b.location):
        return None
    if (a.geo_precision or 3) != (b.geo_precision or 3):
        return None
    if compare_actors(a, b)[0] < 0:
        return None
    return f"same day, same place ({a.location or b.location}), same actors"


#: State forces say where an event was; a victim's nationality ("Civilians (France)") does not.
_ACTOR_COUNTRY = re.compile(r"^(?:military forces|police forces|government) of (?:the )?(.+)$")


def actor_countries(record: EventRecord) -> frozenset[str]:
    """Countries whose state forces act in a report: "Military Forces of Chad" -> chad."""
    found = set()
    for name in actors_of(record):
        match = _ACTOR_COUNTRY.search(normalise(name))
        if match:
            found.add(normalise(match.group(1)))
    return frozenset(found)


def misplaced(record: EventRecord, other: EventRecord) -> str | None:
    """Why a report's country is doubtful: no admin1, none of its state forces is from it, some are
    from the other's.

    A dateline or a capital named in passing ("Nouakchott", "Nairobi") can place a report in
    the wrong country; its actors still say where the event was.
    """
    countries = actor_countries(record)
    if record.admin1 or not record.country or not other.country or normalise(record.country) in countries:
        return None  # a place resolved to an admin1 is trusted
    if normalise(other.country) not in countries:
        return None
    return f"place of one report doubtful ({record.location}, {record.country}): its actors are from {other.country}"


def compare_reports(a: EventRecord, b: EventRecord, *, threshold: float = MERGE_THRESHOLD) -> PairMatch | None:
    """Score two reports from different articles; None when a hard rule says they differ.

    Hard rules: same country, dates within the tolerance of their precision, places within
    the distance of their precision, compatible event types. Evidence then adds up: date
    closeness, place, event type, actors, fatalities and text similarity.
    """
    if set(a.article_ids) & set(b.article_ids):
        return None  # an article's separate events are distinct by construction
    doubtful = None if same_country(a, b) else misplaced(a, b) or misplaced(b, a)
    if not same_country(a, b) and doubtful is None:
        return None
    date_a, date_b = parse_date(a.event_date), parse_date(b.event_date)
    if date_a is None or date_b is None:
        return None
    gap = abs((date_a - date_b).days)
    late = late_report(a, b, gap) if gap > date_tolerance(a, b) else None
    if gap > date_tolerance(a, b) and late is None:
        return None
    types = compare_types(a, b)
    if types is None:
        return None
    places = (-0.3, doubtful) if doubtful else compare_places(a, b)
    if places is None or (late and places[0] < 1.0):
        return None

    reasons: list[str] = []
    precise = max(a.time_precision or 1, b.time_precision or 1) == 1
    if late:
        score = 0.0
        reasons.append(late)
    elif gap == 0:
        score = 1.0 if precise else 0.6
        reasons.append(f"same day ({a.event_date})" if precise else f"same date ({a.event_date}, approximate)")
    else:
        score = (0.8 if gap == 1 else 0.5) if precise else 0.3
        unit = "day" if gap == 1 else "days"
        reasons.append(f"close dates ({a.event_date} vs {b.event_date}, {gap} {unit})")
    for part, reason in (places, types, compare_actors(a, b), compare_fatalities(a, b)):
        score += part
        if reason:
            reasons.append(reason)
    if not a.country or not b.country:
        score -= 0.3  # an unknown country is no evidence against, but no evidence for either
    similarity = text_similarity(a, b)
    score += 1.5 * similarity
    reasons.append(f"text similarity {similarity:.2f}")
    return PairMatch(round(score, 3), tuple(reasons), threshold)
