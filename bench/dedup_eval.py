#!/usr/bin/env python3
"""Measure report-to-event merging on the dev clusters (pairwise precision / recall / F1).

Usage (from the repository root):
  .venv/bin/python bench/dedup_eval.py --gold                 # gold events of each article, merged
  .venv/bin/python bench/dedup_eval.py --pred /tmp/dd.jsonl   # the pipeline's events, merged
  add --explain to list wrong and missed article pairs, --score to also run score.py on the
  merged events (per-article scoring must not suffer from merging).

The pipeline file comes from
  .venv/bin/harmattan code ../shared/data/news-dev/articles.jsonl --out /tmp/dd.jsonl -q
Writes the merged events to /tmp/dedup-merged-{gold,pred}.jsonl and runs
../shared/bench/dedup_score.py on them. Nothing from the dev set is written into the project.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from harmattan.dedup import compare_reports, merge_all
from harmattan.records import EventRecord, Evidence
from harmattan.taxonomy import SUB_EVENT_TYPES, disorder_type

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "news-dev"
BENCH = ROOT.parent / "shared" / "bench"


def gold_records(gold_path: Path, articles_path: Path) -> list[EventRecord]:
    """Each article's gold events as EventRecords linked to that article only."""
    sources = {}
    with articles_path.open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            sources[a["id"]] = urlparse(a.get("url") or "").netloc.removeprefix("www.")
    records = []
    with gold_path.open(encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            for i, e in enumerate(g["events"]):
                sub = e.get("sub_event_type") or "Other"
                records.append(
                    EventRecord(
                        event_id_cnty=f"{g['article_id']}-{i}",
                        event_date=e.get("event_date") or "",
                        year=int((e.get("event_date") or "0")[:4] or 0),
                        time_precision=int(e.get("time_precision") or 1),
                        disorder_type=disorder_type(sub) if sub in SUB_EVENT_TYPES else "",
                        event_type=e.get("event_type") or "",
                        sub_event_type=sub,
                        actor1=e.get("actor1") or "",
                        assoc_actor_1=e.get("assoc_actor_1") or "",
                        inter1=int(e.get("inter1") or 0),
                        actor2=e.get("actor2") or "",
                        assoc_actor_2=e.get("assoc_actor_2") or "",
                        inter2=int(e.get("inter2") or 0),
                        interaction=0,
                        civilian_targeting="",
                        iso=0,
                        region="",
                        country=e.get("country") or "",
                        admin1=e.get("admin1") or "",
                        admin2="",
                        admin3="",
                        location=e.get("location") or "",
                        latitude=e.get("latitude"),
                        longitude=e.get("longitude"),
                        geo_precision=int(e.get("geo_precision") or 3),
                        source=sources.get(g["article_id"], ""),
                        source_scale="",
                        notes=e.get("notes") or "",
                        fatalities=int(e.get("fatalities") or 0),
                        tags="",
                        timestamp=0,
                        article_ids=(g["article_id"],),
                        evidence=(Evidence(g["article_id"], "event", 0, 0, e.get("evidence") or ""),),
                        language=g.get("language") or "",
                    )
                )
    return records


def read_records(path: Path) -> list[EventRecord]:
    with path.open(encoding="utf-8") as f:
        return [EventRecord.from_dict(json.loads(line)) for line in f if line.strip()]


def explain(records: list[EventRecord], merged: list[EventRecord], clusters_path: Path) -> None:
    """Print predicted pairs outside the clusters and cluster pairs that were missed."""
    clusters = [c for c in json.loads(clusters_path.read_text(encoding="utf-8")) if c.get("confidence") != "low"]
    member = {a: c["cluster_id"] for c in clusters for a in c["article_ids"]}
    gold = {frozenset(p) for c in clusters for p in itertools.combinations(sorted(set(c["article_ids"])), 2)}
    pred: dict[frozenset[str], EventRecord] = {}
    for e in merged:
        ids = sorted(set(e.article_ids) & member.keys())
        for p in itertools.combinations(ids, 2):
            pred.setdefault(frozenset(p), e)
    by_article: dict[str, list[EventRecord]] = {}
    for r in records:
        for a in r.article_ids:
            by_article.setdefault(a, []).append(r)

    def show(r: EventRecord) -> str:
        return (f"{r.event_date}/{r.time_precision} {r.sub_event_type} [{r.actor1} | {r.actor2}] "
                f"@{r.location},{r.admin1},{r.country} gp{r.geo_precision} f{r.fatalities}")

    print("\n## wrong pairs (merged, not in a cluster)")
    for p in sorted(set(pred) - gold, key=sorted):
        a, b = sorted(p)
        print(f"- {a} ({member[a]}) ~ {b} ({member[b]}): {show(pred[p])}")
        print("    " + "; ".join(r for r in pred[p].merge_reasons if a in r or b in r)[:300])
    print("\n## missed pairs (in a cluster, not merged)")
    for p in sorted(gold - set(pred), key=sorted):
        a, b = sorted(p)
        best = None
        for x in by_article.get(a, []):
            for y in by_article.get(b, []):
                m = compare_reports(x, y)
                if m is not None and (best is None or m.score > best[0].score):
                    best = (m, x, y)
        found = f"best score {best[0].score:.2f} {best[0].reasons}" if best else "no compatible events"
        print(f"- {a} ~ {b} ({member[a]}): {found}")
        if best:
            print(f"    {show(best[1])}\n    {show(best[2])}")


def score_clusters(dev: Path, events: Path) -> None:
    subprocess.run([sys.executable, str(BENCH / "dedup_score.py"), str(dev / "clusters.json"), str(events)], check=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--gold", action="store_true", help="merge the gold events of each article")
    group.add_argument("--pred", type=Path, help="merge a coded events JSONL (harmattan code --out)")
    parser.add_argument("--dev", type=Path, default=DEV, help="news-dev folder")
    parser.add_argument("--threshold", type=float, action="append", help="merge threshold(s) to try")
    parser.add_argument("--explain", action="store_true", help="list wrong and missed pairs")
    parser.add_argument("--score", action="store_true", help="also run score.py on the merged events")
    args = parser.parse_args(argv)

    if args.gold:
        records = gold_records(args.dev / "gold.jsonl", args.dev / "articles.jsonl")
    else:
        records = read_records(args.pred)
    for threshold in args.threshold or []:
        out = Path("/tmp/dedup-sweep.jsonl")
        with out.open("w", encoding="utf-8") as f:
            for e in merge_all(records, threshold=threshold):
                f.write(json.dumps(e.as_dict(), ensure_ascii=False) + "\n")
        print(f"threshold {threshold}: ", end="", flush=True)
        score_clusters(args.dev, out)
    if args.threshold:
        return 0
    started = time.perf_counter()
    merged = merge_all(records)
    elapsed = time.perf_counter() - started
    out = Path(f"/tmp/dedup-merged-{'gold' if args.gold else 'pred'}.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for e in merged:
            f.write(json.dumps(e.as_dict(), ensure_ascii=False) + "\n")
    n_merged = sum(1 for e in merged if len(e.article_ids) > 1)
    print(f"{len(records)} reports -> {len(merged)} events ({n_merged} merged) in {elapsed:.2f}s -> {out}")
    sys.stdout.flush()
    score_clusters(args.dev, out)
    if args.score:
        for label, path in (("before merging", None), ("after merging", out)):
            if path is None:
                path = Path(f"/tmp/dedup-unmerged-{'gold' if args.gold else 'pred'}.jsonl")
                with path.open("w", encoding="utf-8") as f:
                    for e in records:
                        f.write(json.dumps(e.as_dict(), ensure_ascii=False) + "\n")
            print(f"\n# score.py {label}")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(BENCH / "score.py"), str(args.dev / "gold.jsonl"), str(path)],
                           check=True)
    if args.explain:
        explain(records, merged, args.dev / "clusters.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
