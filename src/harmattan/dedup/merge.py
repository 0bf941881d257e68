"""Report -> event clustering: merge new reports into each other and into existing events.

Owns the clustering (best pairs first, never two events of one article in a cluster) and
how a cluster becomes one EventRecord. Pure logic: the store decides what to read and
write; this module never touches a database.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from harmattan.dedup.similarity import (
    DATE_TOLERANCE_DAYS,
    LATE_REPORT_DAYS,
    MERGE_THRESHOLD,
    PairMatch,
    actor_countries,
    actors_of,
    compare_reports,
    is_generic,
    is_undated,
    normalise,
    parse_date,
    same_acled_event,
    same_actor,
    same_named_place,
)
from harmattan.records import EventRecord, Evidence

_MERGED_NOTE = re.compile(r"\s*Merged from \d+ reports\.\s*$")
_SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "New media", "Other")


@dataclass(frozen=True)
class MergeResult:
    """What merging changed.

    ``events``: every event that is new or changed (merged events carry all their reports).
    ``replaced``: event_id_cnty of existing events absorbed into another; the store deletes them.
    """

    events: tuple[EventRecord, ...]
    replaced: tuple[str, ...]


# --- candidate pairs --------------------------------------------------------------------


def candidate_pairs(
    new: Sequence[EventRecord], existing: Sequence[EventRecord]
) -> Iterator[tuple[int, int]]:
    """Index pairs (new-new and new-existing) in the same country and date window.

    Nodes are numbered new first, then existing; existing events are never compared with
    each other (they were merged when they arrived). Blocks are (country, time_precision),
    so day-precise reports only look two days around them. Reports without a country are
    compared with every country.
    """
    n_new = len(new)
    nodes = [*new, *existing]
    blocks: dict[tuple[str, int, bool], list[tuple[int, int]]] = defaultdict(list)
    for index, record in enumerate(nodes):
        day = parse_date(record.event_date)
        if day is not None:
            blocks[(normalise(record.country), _precision(record), is_undated(record))].append((day.toordinal(), index))
    for rows in blocks.values():
        rows.sort()
    for i, record in enumerate(new):
        day = parse_date(record.event_date)
        if day is None:
            continue
        country, precision, undated = normalise(record.country), _precision(record), is_undated(record)
        for (block_country, block_precision, block_undated), rows in blocks.items():
            if country and block_country and block_country != country:
                continue
            window = DATE_TOLERANCE_DAYS[max(precision, block_precision)]
            if undated or block_undated:  # an undated report may come weeks after its event
                window = max(window, LATE_REPORT_DAYS)
            lo = bisect.bisect_left(rows, (day.toordinal() - window, -1))
            hi = bisect.bisect_right(rows, (day.toordinal() + window, n_new + len(existing)))
            for _, j in rows[lo:hi]:
                # each new-new pair once (existing nodes are numbered after all new ones)
                if j > i and not _surely_far(record, nodes[j]):
                    yield (i, j)
    yield from _misplaced_pairs(nodes, n_new)


def _misplaced_pairs(nodes: Sequence[EventRecord], n_new: int) -> Iterator[tuple[int, int]]:
    """Pairs across countries where a report without admin1 has only another country's state forces."""
    by_country: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(nodes):
        by_country[normalise(record.country)].append(index)
    seen: set[tuple[int, int]] = set()
    for i, record in enumerate(nodes):
        own, countries = normalise(record.country), actor_countries(record)
        if not own or record.admin1 or own in countries:
            continue  # see similarity.misplaced
        for country in countries:
            for j in by_country.get(country, ()):
                pair = (min(i, j), max(i, j))
                if pair[0] < n_new and pair not in seen:
                    seen.add(pair)
                    yield pair


def _surely_far(a: EventRecord, b: EventRecord) -> bool:
    """A cheap bounding-box test: two located, town-level reports more than ~55 km apart.

    One place name in one admin1 is never far: its two coordinates may be two homonyms.
    """
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return False
    if max(a.geo_precision or 3, b.geo_precision or 3) >= 3:
        return False
    if same_named_place(a, b):
        return False
    lat_gap = abs(a.latitude - b.latitude)
    lon_gap = abs(a.longitude - b.longitude) * math.cos(math.radians(min(abs(a.latitude), 89.0)))
    return max(lat_gap, lon_gap) > 0.5


def _precision(record: EventRecord) -> int:
    return min(max(record.time_precision or 1, 1), 3)


# --- clustering -------------------------------------------------------------------------


class _Clusters:
    """Union-find over nodes that refuses to join two clusters sharing an article."""

    def __init__(self, nodes: Sequence[EventRecord]) -> None:
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.articles = [set(n.article_ids) for n in nodes]
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
        self.links: dict[int, list[tuple[int, int, PairMatch]]] = {i: [] for i in range(len(nodes))}

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, match: PairMatch) -> bool:
        ri, rj = self.root(i), self.root(j)
        if ri == rj:
            return False
        twins = self.twins(ri, rj)
        if twins is None:
            return False
        self.parent[rj] = ri
        self.articles[ri] |= self.articles[rj]
        self.members[ri].extend(self.members.pop(rj))
        self.links[ri].extend([*self.links[rj], *twins, (i, j, match)])
        self.links[rj] = []
        return True

    def twins(self, ri: int, rj: int) -> list[tuple[int, int, PairMatch]] | None:
        """Links that let two clusters sharing an article join; None when they may not.

        Clusters sharing an article join only when that article's records on both sides are
        one event by ACLED's identity rule (the article told it twice).
        """
        shared = self.articles[ri] & self.articles[rj]
        links: list[tuple[int, int, PairMatch]] = []
        for article in sorted(shared):  # a set of ids: sorted, so reasons come in one order every run
            for x in (k for k in self.members[ri] if article in self.nodes[k].article_ids):
                for y in (k for k in self.members[rj] if article in self.nodes[k].article_ids):
                    reason = same_acled_event(self.nodes[x], self.nodes[y])
                    if reason is None:
                        return None
                    links.append((x, y, PairMatch(MERGE_THRESHOLD, (f"one event told twice by {article}: {reason}",))))
        return links

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.root(i)].append(i)
        return out


# --- combining a cluster ----------------------------------------------------------------


def report_quality(record: EventRecord) -> tuple[float, ...]:
    """Which report's fields the merged event keeps: precise, named, located, confident."""
    named = sum(1 for a in actors_of(record) if not is_generic(a))
    return (
        -(record.geo_precision or 3),
        -(record.time_precision or 3),
        float(record.latitude is not None),
        float(bool(record.admin1)),
        float(named),
        record.confidence,
    )


_CONSENSUS_FIELDS = ("sub_event_type", "event_date", "location", "actor1", "actor2")


def agreement(record: EventRecord, members: Sequence[EventRecord]) -> int:
    """How many field values this report shares with the other reports (the consensus report wins)."""
    return sum(
        1 for other in members if other is not record for name in _CONSENSUS_FIELDS
        if getattr(record, name) and normalise(str(getattr(record, name))) == normalise(str(getattr(other, name)))
    )


def consensus_point(best: EventRecord, members: Sequence[EventRecord]) -> dict[str, Any]:
    """The coordinates most reports give for the kept report's place name (homonyms outvoted).

    Reports that name one town may have been put on two namesakes by the gazetteer; the point
    more of them agree on is kept. Returns the fields to change (none when the kept point wins).
    """
    same_place = [
        m for m in members if m.latitude is not None and m.longitude is not None and same_named_place(m, best)
    ]
    votes = Counter((round(m.latitude, 2), round(m.longitude, 2)) for m in same_place)  # type: ignore[arg-type]
    if not votes or best.latitude is None or best.longitude is None:
        return {}
    own = (round(best.latitude, 2), round(best.longitude, 2))
    top, count = votes.most_common(1)[0]
    if top == own or count <= votes[own]:
        return {}
    winner = next(m for m in same_place if (round(m.latitude, 2), round(m.longitude, 2)) == top)  # type: ignore[arg-type]
    return dict(latitude=winner.latitude, longitude=winner.longitude, admin2=winner.admin2, admin3=winner.admin3)


def _unique(values: Sequence[str], *, sep: str = "; ") -> str:
    parts = [p.strip() for v in values for p in (v or "").split(sep) if p.strip()]
    return sep.join(dict.fromkeys(parts))


def _source_scale(values: Sequence[str]) -> str:
    parts = {p.strip() for v in values for p in re.split(r"[-;]", v or "") if p.strip()}
    ordered = [s for s in _SCALE_ORDER if s in parts] + sorted(parts - set(_SCALE_ORDER))
    return "-".join(ordered)


def _named_replacement(actor: str, others: Sequence[EventRecord], field: str) -> str:
    """Replace "Unidentified Armed Group (X)" by the group another report names on that side."""
    if not actor or not is_generic(actor):
        return actor
    for other in others:
        candidate = getattr(other, field)
        if candidate and not is_generic(candidate) and not same_actor(candidate, actor):
            inter_field = "inter1" if field == "actor1" else "inter2"
            if getattr(other, inter_field) in (2, 3, 4):
                return str(candidate)
    return actor


def conservative_fatalities(members: Sequence[EventRecord]) -> tuple[int, int | None, int | None]:
    """The lowest plausible death toll (0 means "not reported" and is skipped), and the range."""
    counts = [m.fatalities for m in members if m.fatalities > 0]
    lows = [m.fatalities_low for m in members if m.fatalities_low is not None] + counts
    highs = [m.fatalities_high for m in members if m.fatalities_high is not None] + counts
    if not counts:
        return 0, (min(lows) if lows else None), (max(highs) if highs else None)
    return min(plausible_tolls(counts)), min(lows), max(highs)


#: A toll under this share of the middle one is partial (an early count, one side's dead).
PARTIAL_TOLL_SHARE = 1 / 3


def plausible_tolls(counts: Sequence[int]) -> list[int]:
    """The stated tolls without the clearly partial ones; the lowest of these is ACLED's figure.

    A partial count stays in fatalities_low; it is only not taken as the event's figure.
    """
    middle = sorted(counts)[len(counts) // 2]
    return [c for c in counts if c >= middle * PARTIAL_TOLL_SHARE]


def combine(
    members: Sequence[EventRecord], existing_ids: set[str], links: Sequence[tuple[str, str, PairMatch]]
) -> EventRecord:
    """One event from the reports of a cluster."""
    best = max(members, key=lambda m: (agreement(m, members), report_quality(m)))
    others = [m for m in members if m is not best]
    article_ids = tuple(dict.fromkeys(a for m in members for a in m.article_ids))
    evidence: tuple[Evidence, ...] = tuple(dict.fromkeys(e for m in members for e in m.evidence))
    kept = sorted(m.event_id_cnty for m in members if m.event_id_cnty in existing_ids)
    event_id = kept[0] if kept else min(m.event_id_cnty for m in members)
    fatalities, low, high = conservative_fatalities(members)
    confidence_missing = 1.0
    for m in members:
        confidence_missing *= 1.0 - min(max(m.confidence, 0.0), 0.95)
    reasons = [r for m in members for r in m.merge_reasons]
    for id_a, id_b, match in links:
        reasons.append(f"{id_a} = {id_b} (score {match.score:.2f})")
        reasons.extend(match.reasons)
    fill = {
        name: next((getattr(m, name) for m in others if getattr(m, name)), getattr(best, name))
        for name in ("country", "admin1", "admin2", "admin3", "location", "region")
        if not getattr(best, name)
    }
    if best.latitude is None:
        located = next((m for m in others if m.latitude is not None and m.geo_precision <= best.geo_precision), None)
        if located is not None:
            fill.update(latitude=located.latitude, longitude=located.longitude, location=located.location,
                        geo_precision=located.geo_precision, iso=located.iso,
                        admin1=located.admin1 or best.admin1, admin2=located.admin2 or best.admin2)
    else:
        fill.update(consensus_point(best, members))
    notes = _MERGED_NOTE.sub("", best.notes).strip()
    return dataclasses.replace(
        best,
        **fill,
        event_id_cnty=event_id,
        actor1=_named_replacement(best.actor1, others, "actor1"),
        actor2=_named_replacement(best.actor2, others, "actor2"),
        source=_unique([m.source for m in members]),
        source_scale=_source_scale([m.source_scale for m in members]),
        notes=f"{notes} Merged from {len(article_ids)} reports.".strip(),
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        article_ids=article_ids,
        evidence=evidence,
        confidence=round(1.0 - confidence_missing, 3),
        merge_reasons=tuple(reasons),
    )


# --- the contract -----------------------------------------------------------------------


def merge_reports(
    new: Sequence[EventRecord], existing: Sequence[EventRecord] = (), *, threshold: float = MERGE_THRESHOLD
) -> MergeResult:
    """Merge new reports with each other and into existing events.

    Pairs are scored by ``compare_reports`` and joined best first, so each report goes to the
    event it matches best; a join never puts two events of the same article together.
    Returns the new or changed events and the ids of existing events absorbed into others.
    """
    nodes = [*new, *existing]
    n_new = len(new)
    scored: list[tuple[float, int, int, PairMatch]] = []
    for i, j in candidate_pairs(new, existing):
        match = compare_reports(nodes[i], nodes[j], threshold=threshold)
        if match is not None and match.same_event:
            scored.append((-match.score, i, j, match))
    scored.sort(key=lambda row: (row[0], row[1], row[2]))
    clusters = _Clusters(nodes)
    for _, i, j, match in scored:
        clusters.join(i, j, match)

    existing_ids = {e.event_id_cnty for e in existing}
    events: list[EventRecord] = []
    replaced: list[str] = []
    for root, members in sorted(clusters.groups().items(), key=lambda item: min(item[1])):
        if len(members) == 1:
            if members[0] < n_new:
                events.append(nodes[members[0]])
            continue
        links = [
            (_label(nodes[i]), _label(nodes[j]), match) for i, j, match in clusters.links[root]
        ]
        members.sort(key=lambda k: (k < n_new, k))  # existing reports first, then new in input order
        merged = combine([nodes[k] for k in members], existing_ids, links)
        events.append(merged)
        replaced.extend(
            nodes[k].event_id_cnty
            for k in members
            if k >= n_new and nodes[k].event_id_cnty != merged.event_id_cnty
        )
    return MergeResult(events=tuple(events), replaced=tuple(sorted(set(replaced))))


def merge_all(records: Sequence[EventRecord], *, threshold: float = MERGE_THRESHOLD) -> list[EventRecord]:
    """Batch merging (``harmattan code --merge``): every record is new."""
    return list(merge_reports(records, threshold=threshold).events)


def _label(record: EventRecord) -> str:
    return "+".join(record.article_ids) or record.event_id_cnty
