#!/usr/bin/env python3
"""Development aid: list the misses behind score.py's numbers, to find their causes.

Pairs gold and predicted events per article with score.py's own greedy matching (country
ignored with --any-country) and prints, for one field, each disagreement with the gold
evidence and our evidence sentence.

Usage: bench/misses.py GOLD.jsonl PRED.jsonl FIELD [--any-country] [--lang en|fr] [--limit N]
FIELD: sub_event_type | event_type | date | fatalities | actors | inter | location | country | unmatched | spurious
"""

from __future__ import annotations

import argparse
import importlib.util
from collections import Counter, defaultdict
from pathlib import Path

SCORE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "score.py"
spec = importlib.util.spec_from_file_location("score", SCORE)
score = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
spec.loader.exec_module(score)  # type: ignore[union-attr]


def describe(e: dict) -> str:
    """One line with the fields a coder checks first."""
    place = f"{e['country']}/{e['admin1']}/{e['location']}"
    return (
        f"{e['event_date']} p{e.get('time_precision')} {e['sub_event_type']} | {e['actor1']} | {e['actor2']} "
        f"[{e.get('inter1')},{e.get('inter2')}] | "
        f"{place} | f={e.get('fatalities')}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("field")
    ap.add_argument("--any-country", action="store_true")
    ap.add_argument("--lang")
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    gold = score.load(args.gold)
    pred = score.load(args.pred)
    by_article = defaultdict(list)
    for e in pred:
        for a in score.article_ids(e):
            by_article[a].append(e)
    confusion: Counter[tuple[str, str]] = Counter()
    shown = 0
    for art in gold:
        if args.lang and art.get("language") != args.lang:
            continue
        gs, ps = art["events"], by_article.get(art["article_id"], [])
        if args.any_country:
            for g in gs:
                g = dict(g)
            ps = [dict(p, country=gs[0]["country"]) if gs else p for p in ps]
        pairs = sorted(((score.compat(g, p), i, j) for i, g in enumerate(gs) for j, p in enumerate(ps)), reverse=True)
        ug, up, matched = set(), set(), []
        for s, i, j in pairs:
            if s < 0 or i in ug or j in up:
                continue
            ug.add(i)
            up.add(j)
            matched.append((gs[i], ps[j]))
        rows = []
        if args.field == "unmatched":
            rows = [(g, None) for i, g in enumerate(gs) if i not in ug]
        elif args.field == "spurious":
            rows = [(None, p) for j, p in enumerate(ps) if j not in up]
        else:
            for g, p in matched:
                f = args.field
                if f in ("sub_event_type", "event_type") and g[f] != p[f]:
                    confusion[(g[f], p[f])] += 1
                    rows.append((g, p))
                elif (f == "date" and score.parse_date(g["event_date"]) != score.parse_date(p["event_date"])) or (
                    f == "fatalities" and score.to_int(g.get("fatalities")) != score.to_int(p.get("fatalities"))
                ):
                    rows.append((g, p))
                elif f == "inter" and score.inter_set(g) != score.inter_set(p):
                    confusion[(str(score.inter_set(g)), str(score.inter_set(p)))] += 1
                    rows.append((g, p))
                elif f == "actors":
                    ga = score.actor_names(g)
                    if ga and not all(any(score.actor_match(a, b) for b in score.actor_names(p)) for a in ga):
                        rows.append((g, p))
                elif f == "location" and score.location_ok(g, p) is False:
                    rows.append((g, p))
        for g, p in rows:
            if shown >= args.limit:
                break
            shown += 1
            print(f"--- {art['article_id']} ({art.get('language')}, {art.get('date')})")
            if g:
                print("  GOLD", describe(g), "::", g.get("evidence", "")[:160])
            if p:
                ev = next((e["text"] for e in p.get("evidence", []) if e["field"] == "event_type"), "")
                print("  PRED", describe(p), f"[{ev}] ::", p.get("notes", "")[:200])
    for (g, p), n in confusion.most_common(25):
        print(f"{n:4d}  gold {g:<38} pred {p}")


if __name__ == "__main__":
    main()
