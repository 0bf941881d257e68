"""Field-level check of dates and fatalities against the dev gold, event by event.

For each gold event, its ``evidence`` is found in the cleaned article text and the sentence(s)
holding it are handed to ``date_for_event`` / ``fatalities_for_event`` with the mentions that
``find_dates`` / ``find_fatalities`` found in the article. Dates are scored only for articles
whose date is a real publication date. ``fat_ctx`` also reads the previous (else next) sentence
of the paragraph when the evidence sentence states no count; ``fat_range`` is gold within
[low, high]. Prints accuracy by language and, with ``--misses``, the
misses (article id, gold, predicted, the sentence) for reading, never for committing.

    .venv/bin/python bench/fields_eval.py ../shared/data/news-dev [--misses dates|fatalities]
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path
from typing import Any

from harmattan.ingest.readers import build_article
from harmattan.pipeline.dates import date_for_event, find_dates
from harmattan.pipeline.fatalities import fatalities_for_event, find_fatalities
from harmattan.pipeline.segment import load_nlp, split_sentences
from harmattan.records import Article, DateMention, FatalityMention, Span


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end


def _locate(text: str, evidence: str) -> tuple[int, int] | None:
    idx = text.find(evidence)
    if idx < 0:
        idx = text.lower().find(evidence.lower())
    if idx < 0:
        head = evidence[:40]
        idx = text.find(head) if len(head) >= 20 else -1
        if idx < 0:
            return None
        return idx, idx + len(head)
    return idx, idx + len(evidence)


class ArticleContext:
    """Sentences, paragraphs and mentions of one article."""

    def __init__(self, article: Article, language: str) -> None:
        self.article = article
        self.text = article.text
        self.sentences = split_sentences(load_nlp(language, use_models=False)(self.text))
        self.paragraph_of = [self.text.count("\n\n", 0, s.start) for s in self.sentences]
        self.dates = find_dates(self.text, language, article.date) if article.date else ()
        self.fatalities = find_fatalities(self.text, language)

    def sentence_indexes(self, start: int, end: int) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.start < end and start < s.end]

    def event_dates(self, idx: list[int]) -> tuple[list[DateMention], list[DateMention]]:
        inside = [d for d in self.dates if any(_inside(d.span, self.sentences[i]) for i in idx)]
        # the earlier sentences of the article, nearest first (as the events stage passes them)
        nearby: list[DateMention] = []
        for j in range(idx[0] - 1, -1, -1):
            nearby.extend(d for d in self.dates if _inside(d.span, self.sentences[j]))
        return inside, nearby

    def event_fatalities(self, idx: list[int], start: int, end: int) -> list[FatalityMention]:
        inside = [f for f in self.fatalities if any(_inside(f.span, self.sentences[i]) for i in idx)]
        near_evidence = [f for f in inside if _overlaps(f.span, start, end)]
        return near_evidence or inside

    def neighbour_fatalities(self, idx: list[int]) -> list[FatalityMention]:
        """Counts of the previous, else the next, sentence of the same paragraph."""
        for j in (idx[0] - 1, idx[-1] + 1):
            if 0 <= j < len(self.sentences) and self.paragraph_of[j] == self.paragraph_of[idx[0]]:
                found = [f for f in self.fatalities if _inside(f.span, self.sentences[j])]
                if found:
                    return found
        return []


def evaluate(data: Path, *, show: str) -> dict[str, Any]:
    articles = {}
    with (data / "articles.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            record = json.loads(line)
            articles[record["id"]] = (record, f"articles.jsonl:{n}")
    scores: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    misses: list[str] = []
    with (data / "gold.jsonl").open(encoding="utf-8") as fh:
        golds = [json.loads(line) for line in fh]
    for gold in golds:
        record, origin = articles[gold["article_id"]]
        lang = gold["language"]
        ctx = ArticleContext(build_article(record, origin=origin), lang)
        for event in gold["events"]:
            where = _locate(ctx.text, event.get("evidence") or "")
            idx = ctx.sentence_indexes(*where) if where else []
            tally = scores[(lang, "all")]
            tally["events"] += 1
            if not idx:
                tally["evidence_not_found"] += 1
                continue
            sentence = " / ".join(ctx.sentences[i].text for i in idx)[:300]
            if gold.get("date_quality") == "published" and ctx.article.date:
                inside, nearby = ctx.event_dates(idx)
                date, precision, _ = date_for_event(inside, nearby, ctx.article.date, ctx.article.date_precision)
                ok = date.isoformat() == event["event_date"]
                tally["dates"] += 1
                tally["date_exact"] += ok
                tally["precision_exact"] += ok and precision == event["time_precision"]
                if not ok and show == "dates":
                    misses.append(
                        f"{gold['article_id']} {lang} art={ctx.article.date:%a %Y-%m-%d} gold={event['event_date']}"
                        f"/p{event['time_precision']} pred={date}/p{precision} "
                        f"found={[(d.span.text, str(d.date), d.role) for d in inside]} | {sentence}"
                    )
            own = ctx.event_fatalities(idx, *where)
            count, low, high, _ = fatalities_for_event(own)
            wider = fatalities_for_event(own or ctx.neighbour_fatalities(idx))[0]
            tally["fatalities_context"] += wider == int(event.get("fatalities") or 0)
            ok = count == int(event.get("fatalities") or 0)
            tally["fatalities"] += 1
            tally["fatalities_exact"] += ok
            tally["fatalities_in_range"] += low <= int(event.get("fatalities") or 0) <= high
            if not ok and show == "fatalities":
                misses.append(f"{gold['article_id']} {lang} gold={event.get('fatalities')} pred={count} | {sentence}")
    by_lang: dict[str, collections.Counter[str]] = {}
    for (lang, _), tally in scores.items():
        by_lang[lang] = tally
    return {"by_lang": by_lang, "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with articles.jsonl and gold.jsonl")
    parser.add_argument("--misses", choices=["dates", "fatalities", ""], default="")
    args = parser.parse_args()
    result = evaluate(args.data, show=args.misses)
    for line in result["misses"]:
        print(line)
    header = ("lang", "events", "dates", "date_exact", "with_prec", "fat", "fat_exact", "fat_range", "fat_ctx")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (5, 6, 6, 10, 9, 5, 9, 9, 7), strict=True)))
    total: collections.Counter[str] = collections.Counter()
    for lang, t in sorted(result["by_lang"].items()):
        total.update(t)
        _row(lang, t)
    _row("all", total)


def _row(name: str, t: collections.Counter[str]) -> None:
    def rate(key: str, base: str) -> str:
        return f"{t[key] / t[base]:.3f}" if t[base] else "-"

    print(
        f"{name:5} {t['events']:>6} {t['dates']:>6} {rate('date_exact', 'dates'):>10} "
        f"{rate('precision_exact', 'dates'):>9} {t['fatalities']:>5} {rate('fatalities_exact', 'fatalities'):>9} "
        f"{rate('fatalities_in_range', 'fatalities'):>9} {rate('fatalities_context', 'fatalities'):>7}"
    )


if __name__ == "__main__":
    main()
