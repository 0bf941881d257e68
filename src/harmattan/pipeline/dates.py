"""Dates stage: every date expression of an EN/FR article resolved against the article's date.

``find_dates`` finds the expressions (weekdays, "yesterday"/"hier", "last month", "début juin",
"March 9", "le 4 juin 2024", "Christmas Day", "ce week-end"...) with our own compiled rules and
resolves them with a past preference: a weekday or a month without a year is the most recent
one on or before the article date (the article's own weekday is the article day itself).
``date_for_event`` chooses the date of one event from the mentions near its sentence.
Precision follows ACLED: 1 day, 2 week (or weekend) known, 3 only the month known (the 15th,
or the middle of a part of a month). Year-only expressions ("in 2017") are not dates here.

dateparser is not used: the forms it misses (stack-probe section 4: "lundi dernier", "début
juin", holidays, "dimanche soir") had to be ruled anyway, the rules below cover the forms it
gets right, and one regex pass per article keeps the pipeline fast. This module must not
decide which event a date belongs to beyond ``date_for_event``'s documented rule.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence

from harmattan.records import DateMention, Document, Span

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "déc": 12,
}  # fmt: skip
_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "few": 3, "several": 3, "quelques": 3, "plusieurs": 3,
}  # fmt: skip
# Fixed-date holidays only (movable feasts such as Tabaski need a lunar calendar).
_HOLIDAYS: tuple[tuple[str, int, int], ...] = (
    (r"christmas\s+eve|veille\s+de\s+no[eë]l|r[ée]veillon\s+de\s+no[eë]l", 12, 24),
    (r"christmas(?:\s+day)?|(?:le\s+)?jour\s+de\s+no[eë]l|no[eë]l", 12, 25),
    (r"new\s+year'?s\s+eve|saint[-\s]sylvestre|r[ée]veillon\s+du\s+nouvel\s+an", 12, 31),
    (r"new\s+year'?s(?:\s+day)?|nouvel\s+an|jour\s+de\s+l'an", 1, 1),
)

_FR_MONTHS = (
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
    "octobre", "novembre", "décembre", "decembre",
)  # fmt: skip
_WD = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MON = r"(?P<mon>" + _MONTH_ALT + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|ème|e)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<n>\d{1,2}|" + "|".join(_SMALL_NUMBERS) + r")"

_FLAGS = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


# "the night of Saturday to Sunday" / "dans la nuit du 27 au 28 octobre": the night's first day.
_NIGHT_RANGE = _rx(
    r"\b(?:night|nuit)\s+(?:of\s+|de\s+|du\s+|d')(?:(?P<wd1>" + "|".join(_WEEKDAYS) + r")\s*)?(?P<d1>[0-3]?\d)?"
    r"(?:er)?\s+(?:to|au|à|a|into)\s+(?:(?P<wd2>" + "|".join(_WEEKDAYS) + r")\s*)?"
    r"(?:(?P<d2>[0-3]?\d)(?:er)?\s+(?P<mon>" + _MONTH_ALT + r")\.?(?:\s+" + _YEAR + r")?)?"
)
# "entre le 27 et le 31 mars", "du 1er au 3 juin 2023", "les 4 et 5 mai", "27-31 March", "from March 27 to 31":
# ACLED codes a span of days at its mid-point.
_WD_OPT = r"(?:(?:" + "|".join(_WEEKDAYS) + r")\s+)?"
_DAY_RANGE = _rx(
    r"\b(?:(?:entre|between|from|du|les)\s+(?:le\s+|the\s+)?" + _WD_OPT + r"(?=\d)|(?=[0-3]?\d-[0-3]?\d\s))"
    r"(?P<d1>[0-3]?\d)(?:er|st|nd|rd|th)?"
    r"(?:\s+(?:of\s+)?(?P<mon1>" + _MONTH_ALT + r")\.?)?"
    r"\s*(?:\s(?:et|and|au|to|à)\s+(?:le\s+|the\s+)?|-)" + _WD_OPT + r"(?P<d2>[0-3]?\d)(?:er|st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<mon>" + _MONTH_ALT + r")\b\.?(?:,?\s+" + _YEAR + r")?"
    r"|\b(?:between|from)\s+(?P<mon_a>" + _MONTH_ALT + r")\.?\s+(?P<d1a>[0-3]?\d)(?:st|nd|rd|th)?"
    r"\s+(?:and|to|-)\s+(?:(?P<mon_b>" + _MONTH_ALT + r")\.?\s+)?(?P<d2a>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<year_a>(?:19|20)\d\d))?"
)
_EXPLICIT_DMY = _rx(
    r"\b(?:" + _WD + r",?\s+)?(?:the\s+|le\s+)?" + _DAY + r"\s+(?:of\s+|de\s+)?" + _MON + r"(?:,?\s+" + _YEAR + r")?\b"
)
_EXPLICIT_MDY = re.compile(
    r"\b(?:(?i:" + _WD + r"),?\s+)?(?P<mon>" + "|".join(m.capitalize() for m in _MONTHS) + r")\.?\s+"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|km|miles|per))(?:,?\s+" + _YEAR + r")?",
    0,
)
_NUMERIC = re.compile(
    r"\b(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b|\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"
)
_PART_OF_MONTH = _rx(
    r"\b(?P<part>early|late|mid-?|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of"
    r"|d[ée]but|fin|mi-?|courant|au\s+d[ée]but\s+du\s+mois\s+d[e']|à\s+la\s+fin\s+du\s+mois\s+d[e'])\s*(?:de\s+|d'|of\s+)?"
    r"(?P<mon>" + _MONTH_ALT + r")\b\.?(?:,?\s+" + _YEAR + r")?"
)
_MONTH_YEAR = _rx(r"\b(?:(?:mois\s+)?(?:de\s+|d')?)" + _MON + r",?\s+" + _YEAR + r"\b")
_MONTH_ALONE_EN = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Ll]ast|[Tt]his|[Bb]y|[Uu]ntil|[Ss]ince)\s+(?P<mon>"
    + "|".join(m.capitalize() for m in _MONTHS if len(m) > 3)
    + r")\b(?![-\s]*\d)"
)
_MONTH_ALONE_FR = _rx(
    r"\b(?:en|depuis|au\s+mois\s+d[e']|le\s+mois\s+d[e']|courant|d[èe]s)\s*(?P<mon>"
    + "|".join(_FR_MONTHS)
    + r")\b(?:\s+(?P<dernier>dernier))?(?![-\s]*\d)"
)
_HOLIDAY = _rx(
    r"\b(?:on\s+|le\s+|la\s+nuit\s+de\s+|la\s+nuit\s+du\s+)?(?P<name>"
    + "|".join(f"(?:{p})" for p, _, _ in _HOLIDAYS)
    + r")\b"
)
_WEEKEND = _rx(
    r"\b(?:(?:this|last|over\s+the|during\s+the|at\s+the|on\s+the|the\s+past)\s+weekend|weekend'?s"
    r"|(?:ce|le|du|durant\s+le|pendant\s+le)\s+week-?end(?:\s+dernier)?)\b"
)
_WEEK = _rx(
    r"\b(?:(?P<last>last|past|previous)\s+week|(?P<this>this|earlier\s+this)\s+week"
    r"|la\s+semaine\s+(?P<derniere>derni[èe]re|pass[ée]e)|cette\s+semaine"
    r"|(?P<n>\w+)\s+weeks?\s+ago|il\s+y\s+a\s+(?P<nfr>\w+)\s+semaines?)\b"
)
_MONTH_REL = _rx(
    r"\b(?:(?P<last>last|past|previous)\s+month|(?P<this>earlier\s+this|this|early\s+this|late\s+this)\s+month"
    r"|le\s+mois\s+(?P<dernier>dernier|pass[ée])|(?:au\s+)?d[ée]but\s+du\s+mois|ce\s+mois(?:-ci)?"
    r"|plus\s+t[ôo]t\s+ce\s+mois)\b"
)
_DAY_REL = _rx(
    r"\b(?P<word>the\s+day\s+before\s+yesterday|avant-hier|yesterday|hier|today|aujourd'hui|ce\s+jour"
    r"|last\s+night|la\s+nuit\s+derni[èe]re|la\s+veille|tonight|this\s+morning|ce\s+matin)\b"
)
_DAYS_AGO = _rx(r"\b(?:" + _NUM + r"\s+days?\s+ago|il\s+y\s+a\s+(?P<nfr>\d{1,2}|\w+)\s+jours)\b")
_WEEKDAY = _rx(
    r"\b(?P<pre>last\s+|this\s+past\s+|past\s+|ce\s+|this\s+|next\s+|coming\s+)?"
    + _WD
    + r"(?P<post>\s+derni[e]r|\s+pass[ée])?\b"
    r"(?P<next>\s+(?:next|prochain))?"
)
_ORDINAL_DAY = _rx(r"\b(?:on|since)\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:" + _MONTH_ALT + r"))")

# A date right after these words is when a statement was made, not when the event happened.
_REPORTING = _rx(
    r"\b(?:said|says|say|announced|announces|reported|reports|told|confirmed|added|stated|declared|claimed|revealed"
    r"|indicated|noted|explained|statement|communiqu[ée]|annonc[ée]|indiqu[ée]|d[ée]clar[ée]|affirm[ée]|pr[ée]cis[ée]"
    r"|rapport[ée]|confirm[ée]|appris|ajout[ée]|revendiqu[ée]|expliqu[ée]|publi[ée]|released|updated|published"
    r"|posted|mise?\s+à\s+jour)"
    r"(?:\s+[\w'’-]+)?\s*,?\s*(?:on\s+|late\s+|early\s+|ce\s+|le\s+|in\s+the\s+\w+\s+of\s+)?$"
)


def _recent_weekday(article_date: dt.date, weekday: int, *, strictly_before: bool = False) -> dt.date:
    delta = (article_date.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return article_date - dt.timedelta(days=delta)


_UPCOMING = dt.timedelta(days=31)


def _past_day(article_date: dt.date, month: int, day: int, year: int | None) -> dt.date | None:
    """The date, with the year inferred as the latest one not after the article date, unless it
    falls within the month after the article: then it is the coming one, a plan ("a march planned
    for 20 October"), not last year's."""
    if year:
        return dt.date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None
    latest = None
    for y in (article_date.year + 1, article_date.year, article_date.year - 1):
        if day > calendar.monthrange(y, month)[1]:
            continue
        candidate = dt.date(y, month, day)
        if candidate <= article_date + dt.timedelta(days=1):
            latest = latest or candidate
        elif candidate <= article_date + _UPCOMING:
            return candidate
    return latest


def _past_month(article_date: dt.date, month: int, year: int | None) -> int:
    if year:
        return year
    return article_date.year if month <= article_date.month else article_date.year - 1


def _number(token: str | None) -> int | None:
    if not token:
        return None
    token = token.lower()
    return int(token) if token.isdigit() else _SMALL_NUMBERS.get(token)


Found = tuple[int, int, dt.date, int]  # start, end, date, precision
Rule = Callable[[re.Match[str], dt.date], tuple[dt.date, int] | None]


def _agree(found: dt.date, weekday: str | None, ad: dt.date) -> dt.date:
    """``found``, or the recent date with its day of the month that falls on the named weekday when
    the writer slipped on the year or month ("samedi 2 janvier 2020" in a January 2021 article)."""
    if weekday is None or found.weekday() == _WEEKDAYS[weekday.lower()]:
        return found
    months = ad.year * 12 + ad.month - 1
    candidates = []
    for back in range(3):  # the article's month and the two before it
        year, month = divmod(months - back, 12)
        if found.day <= calendar.monthrange(year, month + 1)[1]:
            candidates.append(dt.date(year, month + 1, found.day))
    fits = [c for c in candidates if c <= ad + dt.timedelta(days=1) and c.weekday() == _WEEKDAYS[weekday.lower()]]
    return fits[0] if fits else found


def _night_range(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    if m.group("d2") and m.group("mon"):
        end = _past_day(ad, _MONTHS[m.group("mon").lower()], int(m.group("d2")), _int(m.group("year")))
        if end is None:
            return None
        end = _agree(end, m.group("wd2"), ad)
        if m.group("d1"):
            start_day = int(m.group("d1"))
            start = end - dt.timedelta(days=1) if start_day != end.day else end
            return start, 1
        return end - dt.timedelta(days=1), 1
    if m.group("wd1"):
        return _recent_weekday(ad, _WEEKDAYS[m.group("wd1").lower()]), 1
    return None


def _day_range(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    if m.group("d2a"):
        d1, d2, month2 = int(m.group("d1a")), int(m.group("d2a")), m.group("mon_b") or m.group("mon_a")
        month1, year = m.group("mon_a"), _int(m.group("year_a"))
    else:
        d1, d2, month2 = int(m.group("d1")), int(m.group("d2")), m.group("mon")
        month1, year = m.group("mon1") or month2, _int(m.group("year"))
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    end = _past_day(ad, _MONTHS[month2.lower().rstrip(".")], d2, year)
    if end is None:
        return None
    start_month = _MONTHS[month1.lower().rstrip(".")]
    start_year = end.year - 1 if start_month > end.month else end.year
    if d1 > calendar.monthrange(start_year, start_month)[1]:
        return None
    start = dt.date(start_year, start_month, d1)
    if not dt.timedelta(0) < end - start <= dt.timedelta(days=62):
        return None
    return start + (end - start) // 2, 2 if (end - start).days <= 7 else 3


def _int(value: str | None) -> int | None:
    return int(value) if value else None


# "Mouvement du 23 mars", "March 23 Movement" (M23): a date in an organisation's name.
_NAME_BEFORE = _rx(r"\b(?:mouvement|movement|alliance|coalition)\s+(?:du|of\s+the)\s+$")
_NAME_AFTER_DATE = _rx(r"^[-\s]*(?:movement|mouvement|alliance|coalition)\b")


def _explicit(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    if _NAME_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]) or _NAME_AFTER_DATE.match(
        m.string[m.end() : m.end() + 20]
    ):
        return None
    found = _past_day(ad, _MONTHS[m.group("mon").lower().rstrip(".")], day, _int(m.group("year")))
    return (_agree(found, m.group("wd"), ad), 1) if found else None


def _numeric(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso")), 1
        return dt.date(int(m.group("year")), int(m.group("b")), int(m.group("a"))), 1
    except ValueError:
        return None


_PART_DAY = {"early": 5, "début": 5, "debut": 5, "beginning": 5, "start": 5, "late": 25, "end": 25, "fin": 25}


def _part_of_month(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    month = _MONTHS[m.group("mon").lower()]
    part = m.group("part").lower().split()
    day = next((_PART_DAY[w] for w in part if w in _PART_DAY), 15)
    return dt.date(_past_month(ad, month, _int(m.group("year"))), month, day), 3


def _month_year(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    return dt.date(int(m.group("year")), _MONTHS[m.group("mon").lower().rstrip(".")], 15), 3


def _month_alone(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    month = _MONTHS[m.group("mon").lower()]
    year = _past_month(ad, month, None)
    if "dernier" in m.groupdict() and m.group("dernier") and month == ad.month:
        year -= 1
    return dt.date(year, month, 15), 3


_GIVEN_NAME = re.compile(r"^\s+[A-Z][a-zà-ÿ]+")


def _holiday(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    name = m.group("name")
    if m.string[m.start("name") - 1 : m.start("name")] == "-" or (
        name.lower() in ("noël", "noel") and _GIVEN_NAME.match(m.string[m.end() : m.end() + 20])
    ):
        return None  # "Jean-Noël Barrot", "Noël Tshiani": a given name
    for pattern, month, day in _HOLIDAYS:
        if re.fullmatch(pattern, name, _FLAGS):
            found = _past_day(ad, month, day, None)
            return (found, 1) if found else None
    return None


def _weekend(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    return _recent_weekday(ad, 5), 2


def _week(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    monday = ad - dt.timedelta(days=ad.weekday())
    if m.group("last") or m.group("derniere"):
        return monday - dt.timedelta(days=5), 2  # the Wednesday of the previous week
    count = _number(m.group("n") or m.group("nfr"))
    if count:
        return ad - dt.timedelta(days=7 * count), 2
    if m.group("n") or m.group("nfr"):
        return None
    return monday + (ad - monday) / 2, 2


def _month_rel(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    if m.group("last") or m.group("dernier"):
        previous = ad.replace(day=1) - dt.timedelta(days=1)
        return previous.replace(day=15), 3
    # "earlier this month": the middle of the month's days told so far, not a day after the article
    return ad.replace(day=15 if ad.day >= 15 else (1 + ad.day) // 2), 3


_DAY_OFFSETS = {
    "the day before yesterday": 2, "avant-hier": 2, "yesterday": 1, "hier": 1, "last night": 1,
    "la nuit dernière": 1, "la nuit derniere": 1, "la veille": 1, "today": 0, "aujourd'hui": 0, "ce jour": 0,
    "tonight": 0, "this morning": 0, "ce matin": 0,
}  # fmt: skip


def _day_rel(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    word = " ".join(m.group("word").lower().split())
    return ad - dt.timedelta(days=_DAY_OFFSETS[word]), 1


def _days_ago(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    count = _number(m.group("n") or m.group("nfr"))
    return (ad - dt.timedelta(days=count), 1 if count <= 3 else 2) if count else None


def _weekday(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    if m.group("next") or (m.group("pre") or "").strip().lower() in ("next", "coming"):
        return None  # future: a plan, not an event
    last = bool(m.group("post")) or (m.group("pre") or "").strip().lower() in ("last", "past", "this past")
    return _recent_weekday(ad, _WEEKDAYS[m.group("wd").lower()], strictly_before=last), 1


def _ordinal_day(m: re.Match[str], ad: dt.date) -> tuple[dt.date, int] | None:
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    month_start = ad.replace(day=1)
    for start in (month_start, (month_start - dt.timedelta(days=1)).replace(day=1)):
        if day <= calendar.monthrange(start.year, start.month)[1] and start.replace(day=day) <= ad:
            return start.replace(day=day), 1
    return None


# Most specific first: a span claimed by an earlier rule is not matched again by a later one.
_RULES: tuple[tuple[re.Pattern[str], Rule], ...] = (
    (_NIGHT_RANGE, _night_range),
    (_NUMERIC, _numeric),
    (_DAY_RANGE, _day_range),
    (_EXPLICIT_DMY, _explicit),
    (_EXPLICIT_MDY, _explicit),
    (_PART_OF_MONTH, _part_of_month),
    (_MONTH_YEAR, _month_year),
    (_HOLIDAY, _holiday),
    (_WEEKEND, _weekend),
    (_WEEK, _week),
    (_MONTH_REL, _month_rel),
    (_DAYS_AGO, _days_ago),
    (_DAY_REL, _day_rel),
    (_WEEKDAY, _weekday),
    (_MONTH_ALONE_EN, _month_alone),
    (_MONTH_ALONE_FR, _month_alone),
    (_ORDINAL_DAY, _ordinal_day),
)

# "since April 2023", "jusqu'à dimanche": bounds of a state of affairs, not the day of an event.
_BOUND_BEFORE = _rx(r"\b(?:since|depuis)\s+(?:le\s+|the\s+)?$")
_UNTIL_BEFORE = _rx(r"\b(?:until|till|jusqu'(?:à|au)|jusqu’(?:à|au))\s+(?:le\s+|the\s+)?$")
# "Monday Kasa, who confirmed...": a weekday used as a given name (no preposition, a capitalised name after).
_NAME_AFTER = re.compile(r"^\s+(?!(?:" + "|".join(m.capitalize() for m in _MONTHS) + r")\b)[A-Z][a-z]+\b(?!\s+\d)")
_PREPOSITION_BEFORE = _rx(r"\b(?:on|last|this|since|by|until|early|late|from|next|past|ce|le|dès|depuis|du|de)\s+$")

_EXPLAINED = _rx(r"^\s*(?:\(\s*(?:le\s+)?|being\s+|soit\s+(?:le\s+)?)$")


def _claimed(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in taken)


def find_dates(text: str, language: str, article_date: dt.date) -> tuple[DateMention, ...]:
    """Every date expression in ``text``, resolved against ``article_date``, in text order.

    ``language`` is accepted for the stage contract; the rules match English and French
    forms alike (mixed-language articles exist). A date right after a reporting verb ("said on
    Monday", "a annoncé dimanche") has the role "report"; one after "since"/"depuis" the role
    "bound" (when a state of affairs began), one after "until"/"jusqu'à" the role "until".
    "today"/"yesterday"/"hier" inside a quotation has the role "report": it counts from the
    speaker's day, not the article's. "yesterday (Friday)" and
    "today (Saturday)" keep only the weekday: the writer's explicit day wins.
    """
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern, rule in _RULES:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start or _claimed(taken, start, end):
                continue
            if rule is _weekday and _weekday_is_name(text, m):
                continue
            resolved = rule(m, article_date)
            if resolved is None:
                continue
            taken.append((start, end))
            found.append((start, end, resolved[0], resolved[1]))
    found.sort()
    found = _drop_explained(text, _narrative_year(text, found, article_date))
    return tuple(
        DateMention(Span(s, e, text[s:e]), date, precision, role=_role(text, s, e)) for s, e, date, precision in found
    )


_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY_OF_MONTH = _rx(r"\d.*\b(?:" + _MONTH_ALT + r")\b|\b(?:" + _MONTH_ALT + r")\b.*\d")


def _narrative_year(text: str, found: list[Found], article_date: dt.date) -> list[Found]:
    """A day without a year told in the paragraph of a dated one ("une vidéo diffusée le 5 mai 2021.
    Il y expliquait avoir été kidnappé le 8 avril") is in the story's year when that puts it before
    the dated day, unless it reads as a day of the last weeks before the article."""
    recent = article_date - dt.timedelta(days=60)
    out: list[Found] = []
    anchor: Found | None = None
    for item in found:
        start, end, date, precision = item
        said = text[start:end]
        if _HAS_YEAR.search(said):
            anchor = item if precision == 1 else anchor
        elif (
            anchor is not None
            and precision == 1
            and not recent <= date <= article_date + dt.timedelta(days=1)
            and "\n" not in text[anchor[1] : start]
            and _DAY_OF_MONTH.search(said)
        ):
            told = anchor[2]
            if date.day <= calendar.monthrange(told.year, date.month)[1]:
                in_story = date.replace(year=told.year)
                if told - dt.timedelta(days=330) <= in_story <= told:
                    item = (start, end, in_story, precision)
        out.append(item)
    return out


def _quoted(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a quotation opened earlier in its paragraph."""
    para = text[text.rfind("\n", 0, start) + 1 : start]
    return para.count('"') % 2 == 1 or para.count("“") > para.count("”") or para.count("«") > para.count("»")


def _role(text: str, start: int, end: int) -> str:
    if _DAY_REL.fullmatch(text[start:end]) and _quoted(text, start):
        # '"the agreement signed today"': the speaker's day, which the article need not share
        return "report"
    if _BOUND_BEFORE.search(text[max(0, start - 20) : start]):
        return "bound"
    if _UNTIL_BEFORE.search(text[max(0, start - 20) : start]):
        return "until"
    if text[end : end + 2] in ("'s", "’s"):  # "Sunday's attack"
        return "event"
    return "report" if _REPORTING.search(text[max(0, start - 60) : start]) else "event"


def _weekday_is_name(text: str, m: re.Match[str]) -> bool:
    word = m.group("wd")
    return (
        not m.group("pre")
        and word[0].isupper()
        and bool(_NAME_AFTER.match(text[m.end() : m.end() + 30]))
        and not _PREPOSITION_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
    )


def _drop_explained(text: str, found: list[Found]) -> list[Found]:
    """Drop a relative day explained right after by an explicit one: "yesterday (Friday)", "jeudi (20.10.2022)"."""
    keep: list[Found] = []
    for i, item in enumerate(found):
        following = found[i + 1] if i + 1 < len(found) else None
        relative = _DAY_REL.fullmatch(text[item[0] : item[1]]) or _WEEKDAY.fullmatch(text[item[0] : item[1]])
        if relative and following and following[3] == 1 and _EXPLAINED.match(text[item[1] : following[0]]):
            continue
        keep.append(item)
    return keep


def date_for_event(
    sentence_dates: Sequence[DateMention],
    nearby_dates: Iterable[DateMention],
    article_date: dt.date,
    article_precision: int = 1,
) -> tuple[dt.date, int, DateMention | None]:
    """The date of an event reported in one sentence: ``(date, time_precision, evidence)``.

    1. The earliest non-reporting date of the event's sentence (a sentence naming two days
       usually tells the event, then when it was announced or what followed).
    2. Else the day a state of affairs began, told in the sentence ("a blockade since 3 September").
    3. Else the first non-reporting date of ``nearby_dates``: the caller passes the dates of
       the article's earlier sentences, nearest first (a report tells its story in order, so
       the last date named before the sentence is the one it continues; measured on the dev
       gold this beats "same paragraph only" and "the article date"). A month named long before
       the article ("the war began in April 2023") is background, not a date to carry on.
    4. Else a report or "until" date of the sentence ("57 killed, a committee said on Friday").
    5. Else the article date with the article's precision, and no evidence.
    """
    latest = article_date + dt.timedelta(days=1)  # later dates are page furniture ("updated on ...")
    sentence_dates = [d for d in sentence_dates if d.date <= latest]
    nearby_dates = [d for d in nearby_dates if d.date <= latest]
    events = [d for d in sentence_dates if d.role == "event"]
    if events:
        best = min(events, key=lambda d: (d.date, d.span.start))
        return best.date, best.precision, best
    since = [d for d in sentence_dates if d.role == "bound"]
    if since:  # "a blockade on Kayes since 3 September": the state began that day
        return since[0].date, since[0].precision, since[0]
    background = article_date - dt.timedelta(days=45)
    for mention in nearby_dates:
        if mention.role == "event" and not (mention.precision == 3 and mention.date < background):
            return mention.date, mention.precision, mention
    reported = [d for d in sentence_dates if d.role != "event"]
    if reported:
        return reported[0].date, reported[0].precision, reported[0]
    return article_date, article_precision, None


class DatesStage:
    name = "dates"
    requires: tuple[str, ...] = ("language",)
    provides: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Document) -> Document:
        if doc.article.date is None:
            return doc
        return dataclasses.replace(doc, dates=find_dates(doc.article.text, doc.language, doc.article.date))
