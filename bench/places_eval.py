"""Geoparser check against the dev gold, event by event, independent of event detection.

For each gold event, its ``evidence`` is found in the cleaned article text and the sentence
holding it is handed to ``locate_event`` with the places ``find_places`` found in the article.
Country, admin1 and location (within 25 km where both have coordinates, else same name) are
compared with the scorer's own functions. Prints accuracy by language and, with ``--misses``,
the misses for reading (never for committing: the text is copyrighted).

    .venv/bin/python bench/places_eval.py ../shared/data/news-dev [--models] [--misses]
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

from harmattan.gazetteer.sqlite import open_gazetteer_file
from harmattan.ingest.readers import build_article
from harmattan.pipeline.places import find_places, locate_event
from harmattan.pipeline.segment import load_nlp, split_sentences
from harmattan.records import Document, Span


def _scorer(dev: Path) -> Any:
    path = dev.parent.parent / "bench" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _locate(text: str, evidence: str) -> int:
    for probe in (evidence, evidence[:60], evidence[:30]):
        idx = text.find(probe)
        if idx < 0:
            idx = text.lower().find(probe.lower())
        if idx >= 0 and len(probe) >= 15:
            return idx
    return -1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dev", type=Path)
    ap.add_argument("--models", action="store_true", help="run the spaCy models (NER) too")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    score = _scorer(args.dev)
    gold = {g["article_id"]: g for g in map(json.loads, (args.dev / "gold.jsonl").open(encoding="utf-8"))}
    gaz = open_gazetteer_file()
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    misses: list[str] = []
    started = time.perf_counter()
    n_articles = 0
    for line in (args.dev / "articles.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        g = gold.get(record["id"])
        if not g:
            continue
        article = build_article(record, origin="dev")
        lang = g["language"]
        nlp_doc = load_nlp(lang, use_models=args.models)(article.text)
        doc = Document(article=article, language=lang, sentences=split_sentences(nlp_doc), nlp=nlp_doc)
        doc = Document(article=article, language=lang, sentences=doc.sentences, nlp=nlp_doc,
                       places=find_places(doc, gazetteer=gaz))
        n_articles += 1
        for ev in g["events"]:
            t = tally[lang]
            t["events"] += 1
            idx = _locate(article.text, ev.get("evidence") or "")
            if idx < 0:
                t["no_evidence"] += 1
                continue
            sent = next((s for s in doc.sentences if s.start <= idx < s.end), Span(idx, idx + 1, ""))
            where = locate_event(doc, sent, gazetteer=gaz)
            pred = {"country": where.country, "admin1": where.admin1, "location": where.location,
                    "latitude": where.latitude, "longitude": where.longitude}
            c_ok = score.country(ev["country"]) == score.country(where.country)
            t["country_n"] += 1
            t["country_ok"] += c_ok
            a_ok = None
            if score.admin1(ev.get("admin1")):
                a_ok = score.admin1(ev["admin1"]) == score.admin1(where.admin1)
                t["admin1_n"] += 1
                t["admin1_ok"] += a_ok
            l_ok = score.location_ok(ev, pred)
            if l_ok is not None:
                t["location_n"] += 1
                t["location_ok"] += l_ok
            if not (c_ok and a_ok is not False and l_ok is not False):
                misses.append(
                    f"{record['id']} [{lang}] gold={ev['country']}/{ev.get('admin1')}/{ev.get('location')}"
                    f"({ev.get('latitude')},{ev.get('longitude')},p{ev.get('geo_precision')}) "
                    f"pred={where.country}/{where.admin1}/{where.location}({where.latitude},{where.longitude},"
                    f"p{where.geo_precision}) ev={(where.evidence.text if where.evidence else '')!r}\n"
                    f"    {sent.text[:220]!r}"
                )
    elapsed = time.perf_counter() - started
    print(f"{'':<10}{'events':>8}{'country':>10}{'admin1':>10}{'location':>10}")
    for lang in sorted(tally):
        t = tally[lang]
        row = [t["events"]] + [t[f"{k}_ok"] / t[f"{k}_n"] if t[f"{k}_n"] else 0
                               for k in ("country", "admin1", "location")]
        print(f"{lang:<10}{row[0]:>8}" + "".join(f"{v:>10.3f}" for v in row[1:]) +
              f"   (n={t['country_n']}/{t['admin1_n']}/{t['location_n']}, evidence not found {t['no_evidence']})")
    print(f"{n_articles} articles in {elapsed:.1f}s ({n_articles / elapsed:.0f}/s, segmentation included)")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
