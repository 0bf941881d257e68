#!/usr/bin/env python3
"""Build the bundled sample of dated news headlines from UCDP GED extracts (CC BY 4.0).

UCDP GED cites, for each event, the headlines and dates of the reports it was coded from
(``source_headline`` / ``source_date`` / ``source_office``). Those headlines, with their dates,
are the licence-clean sample the README's first command codes.

Usage: python scripts/build_sample.py ../shared/data/raw OUT.jsonl
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from pathlib import Path

FILES = ["ucdp_ged_bfa_rammps/gedevents-2025-01-17.csv", "ucdp_ged_hdx_nga/conflict_data_nga.csv"]


def headlines(row: dict[str, str]) -> list[tuple[str, str, str]]:
    heads = (row.get("source_headline") or "").split(";")
    dates = (row.get("source_date") or "").split(";")
    offices = (row.get("source_office") or "").split(";")
    out = []
    for i, head in enumerate(heads):
        head = " ".join(head.split())
        date = dates[i].strip() if i < len(dates) else ""
        office = offices[i].strip() if i < len(offices) else ""
        if len(head.split()) < 5 or head.startswith("#") or not re.match(r"\d{4}-\d{2}-\d{2}$", date):
            continue
        if date < "1989-01-01":
            continue  # UCDP writes 1753-01-01 for an unknown source date; GED starts in 1989
        if re.search(
            r"(JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER) \d{4}$", head
        ):
            continue  # monthly digests, not reports
        out.append((head, date, office))
    return out


def main(raw: str, out: str) -> int:
    seen: set[str] = set()
    records = []
    for name in FILES:
        with open(Path(raw) / name, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for head, date, office in headlines(row):
                    key = head.lower()
                    if key in seen:
                        continue
                    seen.add(key)
                    rid = "ucdp-" + hashlib.sha1(f"{date}|{head}".encode()).hexdigest()[:12]
                    records.append({"id": rid, "date": date, "title": head, "text": head, "source": office})
    records.sort(key=lambda r: (r["date"], r["id"]))
    with open(out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} headlines -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
