#!/usr/bin/env python3
"""Development aid: score detection/typing independently of geocoding.

Copies PRED with each event's country replaced by the dominant gold country of its article,
then runs ../shared/bench/score.py on it. Never used for reported numbers; only to separate
detection errors from country errors while the geoparser evolves.

Usage: bench/country_oblivious.py GOLD.jsonl PRED.jsonl
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path


def main(gold_path: str, pred_path: str) -> int:
    country = {}
    with open(gold_path, encoding="utf-8") as gold:
        for line in gold:
            art = json.loads(line)
            counts = Counter(e.get("country") for e in art["events"])
            if counts:
                country[art["article_id"]] = counts.most_common(1)[0][0]
    with (
        tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out,
        open(pred_path, encoding="utf-8") as pred,
    ):
        for line in pred:
            event = json.loads(line)
            ids = event.get("article_ids") or []
            if ids and ids[0] in country:
                event["country"] = country[ids[0]]
            out.write(json.dumps(event) + "\n")
    score = Path(gold_path).resolve().parents[2] / "bench" / "score.py"
    return subprocess.call([sys.executable, str(score), gold_path, out.name])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
