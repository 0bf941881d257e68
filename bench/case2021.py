"""Sub-event typing on the CASE 2021 Task 2 snippets (evaluation only, never training data).

Only snippets labelled with the 25 "seen" ACLED sub-event types count. Each snippet is typed
the way the pipeline types one event:

- ``--mode sentences`` (default): the snippet is segmented like an article (rules sentencizer),
  every sentence goes through ``events.classify_sentence`` (with the pipeline's number cue and
  death counts, as ``detect_events`` calls it; labels under its ``min_score`` dropped) and the
  labelled sentences are combined as one event by ``within_article.group_sub_event_type``.
  The generic/background filters of ``detect_events`` are not applied: every snippet reports
  an event, and this measures typing.
- ``--mode pipeline``: the full pipeline codes the snippet as an article; the prediction is
  its highest-confidence event.

No label -> "none", which counts as wrong. Prints accuracy, micro-F1 (none predictions are
not false positives), macro-F1 over the 25 types, per-type P/R/F1, the top confusions with
example snippets (``--examples N``). Not a test; run it by hand:

    .venv/bin/python bench/case2021.py [--mode sentences|pipeline] [--examples 3] [--misses out.tsv]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "raw" / "case2021_task2"
SEEN = {
    "ARMED_CLASH": "Armed clash", "ATTACK": "Attack", "AIR_STRIKE": "Air/drone strike",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest", "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters", "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence", "ARREST": "Arrests", "AGREEMENT": "Agreement",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory", "CHEM_WEAP": "Chemical weapon",
    "SUIC_BOMB": "Suicide bomb", "ART_MISS_ATTACK": "Shelling/artillery/missile attack", "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
}
NONE = "none"
DATE = dt.date(2020, 1, 1)  # the snippets carry no date; typing does not depend on it


def read_snippets(path: Path) -> list[tuple[str, str, str]]:
    """(id, text, gold sub-event type) for the snippets with a seen type."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["id"], r["EventSnippet"], SEEN[r["SubType"]]) for r in rows if r["SubType"] in SEEN]


def sentence_typer() -> Callable[[str], str]:
    """Type a snippet from its sentences, combined as one event (see the module docstring)."""
    import dataclasses

    from harmattan.pipeline.dates import DatesStage
    from harmattan.pipeline.drafts import Draft
    from harmattan.pipeline.events import _NUMBER, classify_sentence
    from harmattan.pipeline.fatalities import FatalitiesStage
    from harmattan.pipeline.segment import SegmentStage
    from harmattan.pipeline.within_article import group_sub_event_type
    from harmattan.records import Article, Document, EventLocation, EventMention
    from harmattan.taxonomy import event_type_of

    stages = [SegmentStage(use_models=False), DatesStage(), FatalitiesStage()]

    def type_snippet(text: str) -> str:
        doc = Document(article=Article(id="case", text=text, date=DATE, language="en"), language="en")
        for stage in stages:
            doc = stage(doc)
        numbers = {f.span.start for f in doc.fatalities}
        drafts: list[Draft] = []
        for sentence in doc.sentences:
            has_number = any(sentence.start <= n < sentence.end for n in numbers) or bool(_NUMBER.search(sentence.text))
            label = classify_sentence(sentence.text, has_number=has_number)
            if label is None or label.score < 0.3:  # detect_events' min_score
                continue
            trigger = dataclasses.replace(sentence, start=sentence.start + label.start, end=sentence.start + label.end)
            mention = EventMention(sentence, trigger, event_type_of(label.sub_event_type), label.sub_event_type,
                                   label.score)
            deaths = tuple(f for f in doc.fatalities if sentence.start <= f.span.start < sentence.end)
            drafts.append(Draft(mention=mention, date=DATE, time_precision=1, date_mention=None,
                                location=EventLocation(country=""), actors=(), fatalities=deaths))
        return group_sub_event_type(drafts) if drafts else NONE

    return type_snippet


def pipeline_typer(*, use_models: bool) -> Callable[[str], str]:
    """Type a snippet as the full pipeline codes it: its highest-confidence event."""
    from harmattan.config import load_settings
    from harmattan.errors import HarmattanError
    from harmattan.pipeline import build_pipeline
    from harmattan.records import Article

    pipeline = build_pipeline(load_settings(use_models=use_models))

    def type_snippet(text: str) -> str:
        try:
            doc = pipeline.run(Article(id="case", text=text, date=DATE, language="en"))
        except HarmattanError:
            return NONE
        if not doc.events:
            return NONE
        return max(doc.events, key=lambda e: e.confidence).sub_event_type

    return type_snippet


def scores(pairs: list[tuple[str, str]]) -> tuple[dict[str, tuple[float, float, float, int]], float, float, float]:
    """Per type (P, R, F1, support), accuracy, micro-F1 and macro-F1 over the seen types."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, pred in pairs:
        if gold == pred:
            tp[gold] += 1
            continue
        fn[gold] += 1
        if pred != NONE:
            fp[pred] += 1
    per_type: dict[str, tuple[float, float, float, int]] = {}
    for label in SEEN.values():
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_type[label] = (p, r, f, tp[label] + fn[label])
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = all_tp / (all_tp + all_fp) if all_tp + all_fp else 0.0
    micro_r = all_tp / (all_tp + all_fn) if all_tp + all_fn else 0.0
    micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    with_support = [f for (_, _, f, n) in per_type.values() if n]
    macro = sum(with_support) / len(with_support) if with_support else 0.0
    return per_type, all_tp / len(pairs), micro, macro


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA / "test_set_final_release_with_labels.tsv")
    parser.add_argument("--mode", choices=("sentences", "pipeline"), default="sentences")
    parser.add_argument("--models", action="store_true", help="pipeline mode: run the spaCy models too")
    parser.add_argument("--examples", type=int, default=2, help="example snippets per top confusion")
    parser.add_argument("--top", type=int, default=12, help="confusions listed")
    parser.add_argument("--misses", type=Path, help="write every wrong snippet (id, gold, predicted, text) here")
    args = parser.parse_args()

    snippets = read_snippets(args.data)
    typer = sentence_typer() if args.mode == "sentences" else pipeline_typer(use_models=args.models)
    predictions = [(sid, text, gold, typer(text)) for sid, text, gold in snippets]
    pairs = [(gold, pred) for _, _, gold, pred in predictions]
    per_type, accuracy, micro, macro = scores(pairs)

    print(f"CASE 2021 Task 2, seen types: {len(snippets)} snippets, mode={args.mode}")
    print(f"accuracy {accuracy:.3f}   micro-F1 {micro:.3f}   macro-F1 {macro:.3f}   "
          f"no label: {sum(p == NONE for _, p in pairs)}")
    print(f"\n{'sub_event_type':38s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>4s}  most often predicted instead")
    wrong: dict[str, Counter[str]] = defaultdict(Counter)
    for gold, pred in pairs:
        if gold != pred:
            wrong[gold][pred] += 1
    for label, (p, r, f, n) in sorted(per_type.items(), key=lambda kv: kv[1][2]):
        instead = ", ".join(f"{k} {v}" for k, v in wrong[label].most_common(2))
        print(f"{label:38s} {p:6.2f} {r:6.2f} {f:6.2f} {n:4d}  {instead}")

    confusions = Counter((gold, pred) for gold, pred in pairs if gold != pred)
    print(f"\ntop confusions (gold -> predicted: count), {args.examples} example(s) each:")
    for (gold, pred), count in confusions.most_common(args.top):
        print(f"  {gold} -> {pred}: {count}")
        shown = [(sid, text) for sid, text, g, p in predictions if (g, p) == (gold, pred)][: args.examples]
        for sid, text in shown:
            print(f"      [{sid}] {text[:220]}{'...' if len(text) > 220 else ''}")
    if args.misses:
        with args.misses.open("w", encoding="utf-8", newline="") as f:
            out = csv.writer(f, delimiter="\t")
            out.writerow(["id", "gold", "predicted", "text"])
            out.writerows([sid, g, p, text] for sid, text, g, p in predictions if g != p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
