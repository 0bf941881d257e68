#!/usr/bin/env python3
"""Actor recall on the dev gold: does find_actors see each gold actor near its evidence?

For every gold event, the evidence sentence is located in the cleaned article text and
``find_actors`` runs on it plus the ``--context`` preceding sentences. A gold actor is found
when a predicted name (generic names completed with the gold event's country, as the assemble
step does) matches it under score.py's ``actor_match``. Prints recall by language and role,
the mean number of distinct names per window (noise), and the misses.

    .venv/bin/python bench/actors_eval.py [--gold G] [--articles A] [--context 2] [--misses]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from harmattan.actors.naming import actor_name
from harmattan.actors.roles import choose_sides
from harmattan.ingest.readers import build_article
from harmattan.pipeline.actors import find_actors
from harmattan.pipeline.segment import load_nlp, split_sentences
from harmattan.records import ActorMention

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _load_score(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def locate(text: str, evidence: str) -> int:
    """Character offset of the evidence in the text, or -1."""
    hay = text.replace("’", "'").lower()
    needle = evidence.replace("’", "'").lower().strip()
    for size in (len(needle), 60, 35):
        pos = hay.find(needle[:size])
        if pos >= 0:
            return pos
    squashed = _squash(text)
    pos = squashed.find(_squash(evidence)[:40])
    return -1 if pos < 0 else min(pos, len(text) - 1)  # rough: whitespace collapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "data/news-dev/gold.jsonl"))
    ap.add_argument("--articles", default=str(SHARED / "data/news-dev/articles.jsonl"))
    ap.add_argument("--score", default=str(SHARED / "bench/score.py"))
    ap.add_argument("--context", type=int, default=2, help="preceding sentences added to the window")
    ap.add_argument("--misses", action="store_true", help="print every miss")
    ap.add_argument(
        "--article-group",
        action="store_true",
        help="also count a generic armed group as the article's only named rebel group (what-if)",
    )
    ap.add_argument("--roles", default="actor1,actor2", help="gold fields to check (add assoc_actor_1,assoc_actor_2)")
    args = ap.parse_args(argv)
    score = _load_score(Path(args.score))
    articles = {}
    with open(args.articles, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            articles[rec["id"]] = (rec, build_article(rec, origin=f"{args.articles}:{n}"))
    roles = args.roles.split(",")
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    names_per_window: dict[str, list[int]] = defaultdict(list)
    missed: Counter[str] = Counter()
    ordered: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    unlocated = 0
    elapsed = 0.0
    with open(args.gold, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    for art in gold:
        lang = art["language"]
        _, article = articles[art["article_id"]]
        sentences = split_sentences(load_nlp(lang, use_models=False)(article.text))
        groups = {m.name for m in find_actors(article.text, lang) if m.inter == 2 and not m.generic}
        for event in art["events"]:
            pos = locate(article.text, event.get("evidence") or "")
            if pos < 0:
                unlocated += 1
                idx = 0
            else:
                idx = next((i for i, s in enumerate(sentences) if s.start <= pos < s.end + 1), 0)
            last = idx
            end_pos = pos + len(event.get("evidence") or "")
            while last + 1 < len(sentences) and sentences[last + 1].start < end_pos:
                last += 1
            window = sentences[max(0, idx - args.context) : last + 1]
            start, end = window[0].start, window[-1].end
            t0 = time.perf_counter()
            mentions = find_actors(article.text[start:end], lang)
            elapsed += time.perf_counter() - t0
            # sides chosen from the evidence sentence(s) alone, as the events step would
            ev_start = sentences[idx].start - start
            in_sentence = [m for m in mentions if m.span.start >= ev_start]
            sides = choose_sides(in_sentence, article.text[start:end], event_type=event.get("event_type") or "")
            names: list[ActorMention] = []
            for m in in_sentence:  # the naive rule: first two distinct names
                if m.name not in [n.name for n in names]:
                    names.append(m)
            naive = (names[0] if names else None, names[1] if len(names) > 1 else None)
            for key, pair in ((lang + " naive first-two", naive), (lang, sides)):
                for role, side in zip(("actor1", "actor2"), pair, strict=True):
                    gname = str(event.get(role) or "")
                    pname = (
                        actor_name(side, event.get("country") or "", event_type=event.get("event_type") or "")
                        if side
                        else ""
                    )
                    ok = (not gname and not pname) or bool(gname and pname and score.actor_match(gname, pname))
                    ordered[key][0] += ok
                    ordered[key][1] += 1
            preds = sorted(
                {actor_name(m, event.get("country") or "", event_type=event.get("event_type") or "") for m in mentions}
            )
            if args.article_group and len(groups) == 1 and any(m.name == "Unidentified Armed Group" for m in mentions):
                preds.extend(groups)  # what-if: the article's only named rebel group stands for its "gunmen"
            names_per_window[lang].append(len(preds))
            for role in roles:
                for gname in [p.strip() for p in str(event.get(role) or "").split(";") if p.strip()]:
                    ok = any(score.actor_match(gname, p) for p in preds)
                    for key in (lang, "all", f"{lang}:{role}"):
                        found[key][0] += ok
                        found[key][1] += 1
                    if not ok:
                        missed[gname] += 1
                        if args.misses:
                            snippet = " ".join(article.text[start:end].split())
                            print(f"MISS {art['article_id']} {lang} {role}: {gname!r}")
                            print(f"   pred={preds}\n   text={snippet[-300:]}")
    print(f"\nactor recall (window = evidence sentence + {args.context} before); {unlocated} evidence not located")
    for key in sorted(found):
        ok, n = found[key]
        print(f"  {key:<18} {ok:>4}/{n:<4} {ok / n:.3f}")
    for lang, (ok, n) in sorted(ordered.items()):
        print(f"  roles from the evidence sentence (choose_sides) [{lang}]: {ok}/{n} {ok / n:.3f}")
    for lang, counts in sorted(names_per_window.items()):
        print(f"  mean distinct names per window [{lang}]: {sum(counts) / len(counts):.2f}")
    print(f"  find_actors time on windows: {elapsed:.2f}s")
    print("most missed gold names:")
    for name, k in missed.most_common(25):
        print(f"  {k:>3}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
