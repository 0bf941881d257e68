"""Coding speed and memory on the dev articles, per configuration.

Codes the articles ``--repeat`` times per configuration and prints articles/s (wall clock, after
the one-off loading of models and the gazetteer, which is reported separately), user CPU
seconds per article (robust when other processes share the machine) and peak RSS. Each
configuration runs in a fresh process so that loads and peaks do not carry over:

- ``default``: the settings as loaded (environment / config file), in this process;
- ``rules``: the same with ``use_models=False``, in this process;
- ``workers``: the default settings in ``--workers`` processes (``ProcessRunner``); CPU and
  RSS are then the parent's plus every worker's (RSS summed: an upper bound; the fork server
  that imported spaCy for them is not counted);
- ``rules-workers``: ``use_models=False`` in ``--workers`` processes.

Every configuration also prints a digest of its events (``timestamp`` left out): equal
digests mean identical output. Target: >= 50 articles/s on 2 cores, RSS <= 1 GB. Not a
test; run it by hand, on a quiet machine (the load average is printed):

    .venv/bin/python bench/speed.py [--articles PATH] [--repeat 3] [--workers 2] [--configs default,rules,workers]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-dev" / "articles.jsonl"
CONFIGS = ("default", "rules", "workers", "rules-workers")


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime


def _events_digest(docs: list[Any]) -> str:
    digest = hashlib.sha256()
    for doc in docs:
        for event in doc.events:
            fields = dataclasses.asdict(event)
            fields.pop("timestamp", None)
            digest.update(json.dumps(fields, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:12]


def measure(config: str, *, articles_path: Path, repeat: int, workers: int) -> dict[str, Any]:
    """Run one configuration in this process; returns its numbers."""
    from harmattan.coding import WARM_UP, open_runner
    from harmattan.config import load_settings
    from harmattan.errors import HarmattanError
    from harmattan.ingest.readers import read_inputs
    from harmattan.records import Article, Document

    rules = config.startswith("rules")
    settings = load_settings(use_models=False) if rules else load_settings()
    n_workers = workers if config.endswith("workers") else 1
    articles = [a for a in read_inputs([articles_path]) if isinstance(a, Article)]

    wall0, cpu0 = time.perf_counter(), _cpu_self()
    with open_runner(settings, workers=n_workers, min_articles=0) as runner:
        if n_workers == 1:
            list(runner.run_many(WARM_UP, on_error="skip"))
        else:  # starts the workers, which code WARM_UP themselves
            runner.start()  # type: ignore[attr-defined]
        load_wall, load_cpu = time.perf_counter() - wall0, _cpu_self() - cpu0
        usage0 = runner.usage() if n_workers > 1 else []  # type: ignore[attr-defined]
        loadavg0 = os.getloadavg()[0]
        wall0, cpu0 = time.perf_counter(), _cpu_self()
        docs: list[Document] = []
        errors = 0
        for _ in range(repeat):
            docs = []
            for result in runner.run_many(articles, on_error="skip"):
                if isinstance(result, HarmattanError):
                    errors += 1
                else:
                    docs.append(result)
        wall, cpu = time.perf_counter() - wall0, _cpu_self() - cpu0
        usage1 = runner.usage() if n_workers > 1 else []  # type: ignore[attr-defined]
    worker_cpu = sum(b["user_s"] - a["user_s"] for a, b in zip(usage0, usage1, strict=True))
    worker_rss = sum(u["max_rss_mib"] for u in usage1)
    coded = len(articles) * repeat
    return {
        "config": config,
        "use_models": settings.use_models,
        "workers": n_workers,
        "articles": len(articles),
        "repeat": repeat,
        "load_s": round(load_wall, 2),
        "load_cpu_s": round(load_cpu + (sum(u["user_s"] for u in usage0) if usage0 else 0.0), 2),
        "articles_per_s": round(coded / wall, 1),
        "cpu_ms_per_article": round(1000 * (cpu + worker_cpu) / coded, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + worker_rss),
        "errors": errors // repeat,
        "events": sum(len(d.events) for d in docs),
        "digest": _events_digest(docs),
        "loadavg": f"{loadavg0:.1f}->{os.getloadavg()[0]:.1f}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEV, help="JSONL articles (default: the dev set)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--configs", default="default,rules,workers", help=f"comma-separated, from {CONFIGS}")
    parser.add_argument("--one", choices=CONFIGS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        result = measure(args.one, articles_path=args.articles, repeat=args.repeat, workers=args.workers)
        print(json.dumps(result))
        return 0
    print(f"cpus usable: {len(os.sched_getaffinity(0))}; load average now: {os.getloadavg()[0]:.1f}", flush=True)
    columns = ("config", "use_models", "workers", "load_s", "load_cpu_s", "articles_per_s", "cpu_ms_per_article",
               "peak_rss_mib", "errors", "events", "digest", "loadavg")
    print("  ".join(f"{c:>{max(len(c), 8)}}" for c in columns), flush=True)
    for config in args.configs.split(","):
        if config not in CONFIGS:
            parser.error(f"unknown configuration {config!r}")
        command = [sys.executable, __file__, "--one", config, "--articles", str(args.articles),
                   "--repeat", str(args.repeat), "--workers", str(args.workers)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{config}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print("  ".join(f"{row[c]!s:>{max(len(c), 8)}}" for c in columns), flush=True)
    print(f"articles: {args.articles} x {args.repeat}; target >= 50 articles/s on 2 cores, peak RSS <= 1024 MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
