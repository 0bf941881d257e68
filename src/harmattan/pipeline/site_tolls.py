"""How a toll is shared among the sites of events: the counts of a sentence that names several
places, place by place (``deaths_by_place``); the toll of a merged event from its sentences
(``group_fatalities``); a toll told with no place of its own divided among the sites a sentence
lists together (``share_toll_among_sites``)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence

from harmattan.pipeline.counts import parse_number
from harmattan.pipeline.drafts import Draft
from harmattan.pipeline.fatalities import fatalities_across_reports
from harmattan.pipeline.within_article import own_place
from harmattan.records import EventLocation, FatalityMention, Span

_ANOTHER_PLACE = re.compile(r"(?:[,;]|\band\b|\bet\b)\s+(?:in|at|à)\s+(?-i:[A-Z])", re.I)
_PLACES_LISTED = re.compile(r"\s*(?:,\s*)?(?:and\s+|et\s+|&\s+)?(?:in\s+|at\s+|à\s+|the\s+)?", re.I)


# a name listed between two places found ("Alpha, Gamma Hills and Beta"): a site the gazetteer lacks
_LISTED_NAME = re.compile(r"\s*,\s*(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}", re.I)


def _names_between(gap: str) -> int | None:
    """How many other names a list of places holds between two of them (None: not a list)."""
    names = 0
    while (head := _LISTED_NAME.match(gap)) is not None and _PLACES_LISTED.fullmatch(gap) is None:
        names += 1
        gap = gap[head.end() :]
        if gap[:1] not in (",", " ", ""):
            return None
    if names and not re.match(r"\s*,?\s*(?:and|et|&)\s", gap, re.I):
        return None  # the last name listed comes before the conjunction
    return names if _PLACES_LISTED.fullmatch(gap) is not None else None


def _split_toll(evidence: FatalityMention, count: int, sites: int) -> list[FatalityMention]:
    """One toll divided evenly among ``sites`` sites, the remainder to the first, as ACLED splits a
    total it cannot attribute (100 over two villages: 50 and 50); [] when a share would be 0."""
    share, rest = divmod(count, sites)
    if not share:
        return []
    return [dataclasses.replace(evidence, count=share + (rest if i == 0 else 0), shared=True) for i in range(sites)]


def _without_total(out: list[list[FatalityMention]], added: Sequence[FatalityMention]) -> list[list[FatalityMention]]:
    """The places' counts less the one that is their sum ("a toll of 57, with 32 killed in Alpha
    and 25 in Beta", "10 killed: six in Alpha and four in Beta"); with no such sum, a bare
    listed count (``added``) stays only where the place has no other."""
    if len(out) > 1 and all(out):
        kept = []
        for near in out:
            rest = [f for f in near if f.count != sum(g.count for other in out for g in other if g is not f)]
            kept.append(rest if rest else near)
        if kept != out:
            return kept
    return [[f for f in near if not any(f is a for a in added)] or near for near in out]


def deaths_by_place(
    text: str, deaths: Sequence[FatalityMention], places: Sequence[Span | None], sentence: Span
) -> list[list[FatalityMention]]:
    """The counts of a sentence that names several places, place by place (``places`` in text order).

    "Seven were killed in Alpha, four in Beta": each count goes to the place it precedes; "in
    Alpha 70 died and in Beta 30": to the place it follows. One toll told for places listed
    together ("100 killed in Alpha and Beta") is divided evenly among them, the remainder to the
    first, as ACLED splits a total it cannot attribute (50 and 50); names listed between them
    that the gazetteer did not find are sites too ("15 killed in Alpha, Gamma and Beta": 5 each).
    A count that is the sum of the places' counts is their total, no place's own ("put the toll
    at 57, with 32 killed in Alpha and 25 in Beta": 32 and 25).
    """
    spans = [p if p is not None else Span(sentence.end, sentence.end, "") for p in places]
    if deaths and all(f.span.start >= spans[0].end for f in deaths):  # place first, then its count
        out = []
        for i, place in enumerate(spans):
            end = spans[i + 1].start if i + 1 < len(spans) else sentence.end
            other = _ANOTHER_PLACE.search(text, place.end, end)  # "... et à Zaroumadareye 30 morts"
            end = other.start() if other is not None else end
            out.append([f for f in deaths if place.end <= f.span.start < end])
        out = _without_total(out, [])
    else:
        out = []
        added: list[FatalityMention] = []
        previous_end = sentence.start
        for place in spans:
            near = [f for f in deaths if previous_end <= f.span.start < place.end]
            if place.end > place.start:
                listed = _listed_count(text, max([previous_end, *(f.span.end for f in near)]), place.start)
                if listed is not None:  # "10 killed: six in Alpha" keeps six too, read by _without_total
                    near.append(listed)
                    added += [listed] if len(near) > 1 else []
            out.append(near)
            previous_end = place.end
        out = _without_total(out, added)
    told = [i for i, near in enumerate(out) if near]
    unfound = [_names_between(text[a.end : b.start]) for a, b in itertools.pairwise(spans)]
    if len(told) == 1 and None not in unfound and told[0] in (0, len(out) - 1):
        toll = fatalities_across_reports([out[told[0]]])
        evidence = toll[3]
        parts = _split_toll(evidence, toll[0], len(out) + sum(n or 0 for n in unfound)) if evidence else []
        if parts:
            return [[part] for part in parts[: len(out)]]
    return out


_COUNT_BEFORE_PLACE = re.compile(
    r"(?:^\s*|[,;]\s*|\s)(?:and\s+|et\s+)?(?P<num>\d+|[a-zà-ÿ-]+)\s+"
    r"(?:(?:people|persons|were killed|were shot dead|dead|killed|"
    r"morts|tués|tuées|personnes)\s+)*(?:in|at|à)\s+(?:the\s+village\s+of\s+|le\s+village\s+de\s+)?$",
    re.I,
)


def _listed_count(text: str, start: int, place_start: int) -> FatalityMention | None:
    """The bare count a list of places gives each one ("seven in Sakkida, four in Farin Zare")."""
    match = _COUNT_BEFORE_PLACE.search(text[start:place_start])
    if match is None:
        return None
    count = parse_number(match.group("num"))
    if not count or count > 2000:
        return None
    s = start + match.start("num")
    return FatalityMention(Span(s, place_start, text[s:place_start]), count)


_SEVERAL_SITES = re.compile(
    r"\b(?:attacks|raids|communities|villages|attaques|communautés|localités)\b", re.I
)


def group_fatalities(
    group: Sequence[Draft],
    where: EventLocation | None = None,
    *,
    later: Sequence[Sequence[FatalityMention]] = (),
) -> tuple[int, int, int, FatalityMention | None]:
    """Deaths of a merged event from the counts its sentences tell (``fatalities_across_reports``).

    When the event has a town, a toll told in a sentence that names only the country or the
    province ("100 killed in Niger"), or names no place but tells of several attacks or
    villages ("these attacks left 96 dead"), is read after the others: that wider toll may
    cover several sites, and the town's own count ("in Alpha, 70 died") is this event's. The
    counts of sentences that tell the town's toll without reporting the event (``later``) are
    read after the event's own sentences, before those wider tolls."""
    ordered = list(group)
    wider: list[Draft] = []
    if where is not None and where.location and where.geo_precision < 3:

        def wide(d: Draft) -> bool:
            loc = d.location
            if not own_place(d):
                return _SEVERAL_SITES.search(d.mention.span.text) is not None
            return bool(loc.location) and loc.location in (loc.country, loc.admin1)

        wider = [d for d in ordered if wide(d)]
        ordered = [d for d in ordered if not wide(d)]
    # a wider toll may cover several sites: like a share, it does not beat a share told for this one
    widest = [tuple(dataclasses.replace(f, shared=True) for f in d.fatalities) for d in wider]
    reports = [d.fatalities for d in ordered] + [tuple(t) for t in later] + widest
    return fatalities_across_reports(reports)


# places listed together, a capital's apposition allowed ("à X, la capitale et à Y", "X and Y")
_SITES_LISTED = re.compile(
    r"(?:\s*,\s*(?:la|le|the)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?" + _PLACES_LISTED.pattern, re.I
)


def share_toll_among_sites(
    text: str,
    groups: list[list[Draft]], wheres: Sequence[EventLocation], later: list[list[tuple[FatalityMention, ...]]]
) -> list[list[Draft]]:
    """A toll told without a place of its own ("Gunmen kill 100 in villages", "Le bilan : une
    cinquantaine de morts") joins one event, but when that event's sentence names several sites
    as separate events ("the attacks on the villages of Alpha and Beta") and the other sites
    have no toll of their own, the toll is theirs together: ACLED divides it evenly among them
    (100 -> 50 and 50), the remainder to the first. ``later`` gets each other site's share."""
    groups = [list(g) for g in groups]
    for i, group in enumerate(groups):
        count, _, _, evidence = group_fatalities(group, wheres[i], later=later[i])
        holders = [d for d in group if d.fatalities]
        if not count or evidence is None or later[i] or not holders:
            continue
        if any(own_place(d) and d.location.location not in (d.location.country, d.location.admin1) for d in holders):
            continue
        split = [d.mention.span for d in group if own_place(d) and not d.fatalities]
        for span in split:
            sites = [j for j, g in enumerate(groups) if any(d.mention.span == span for d in g)]
            others = [j for j in sites if j != i]
            if not others or len({wheres[j].location for j in sites}) < len(sites):
                continue
            named = sorted(
                (d.location.evidence for j in sites for d in groups[j] if d.mention.span == span and own_place(d)),
                key=lambda ev: ev.start if ev is not None else 0,
            )
            if len(named) != len(sites) or not all(
                a is not None and b is not None and _SITES_LISTED.fullmatch(text[a.end : b.start]) is not None
                for a, b in itertools.pairwise(named)
            ):
                continue  # "Kouré, 60 km from Niamey", "flown to Bamako": not sites listed together
            if any(later[j] or group_fatalities(groups[j], wheres[j])[0] for j in others):
                continue
            parts = _split_toll(evidence, count, len(sites))
            if not parts:
                continue
            mine = parts[sites.index(i)]
            groups[i] = [dataclasses.replace(d, fatalities=(mine,)) if d.fatalities else d for d in group]
            for j in others:
                later[j].append((parts[sites.index(j)],))
            break
    return groups


