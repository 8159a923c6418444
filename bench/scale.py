"""Throughput of the whole pipeline with 1 and 2 workers, beside bare spaCy, and peak memory.

    .venv/bin/python bench/scale.py [--corpus ../shared/corpora/wikinews-politics.jsonl.gz]
                                    [--limit N] [--workers 1,2]

Each measurement runs in a fresh Python process so that model loads and peak RSS are its own.
Documents per second count every document of the corpus (empty ones included, as a user's run
would); the spaCy baseline parses the same non-empty texts (title + body, as the coder sees
them) with the same model and pipes, `nlp.pipe(n_process=2)`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "wikinews-politics.jsonl.gz"

RUN_PIPELINE = r"""
import gzip, itertools, json, resource, sys, time
from irwatch.batch import BatchOptions, run_batch
corpus, limit, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
path = corpus
if limit:
    import tempfile
    tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
    with gzip.open(corpus, "rt") as f:
        for line in itertools.islice(f, limit):
            tmp.write(line)
    tmp.close()
    path = tmp.name
t0 = time.perf_counter()
docs = events = 0
for article, evs in run_batch([path], batch=BatchOptions(workers=workers)):
    docs += 1
    events += len(evs)
dt = time.perf_counter() - t0
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
print(json.dumps({"docs": docs, "events": events, "seconds": dt, "peak_rss_mb": rss}))
"""

RUN_SPACY = r"""
import gzip, itertools, json, resource, sys, time
from irwatch.nlp import load_nlp
corpus, limit, n_process = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with gzip.open(corpus, "rt") as f:
    rows = [json.loads(line) for line in (itertools.islice(f, limit) if limit else f)]
texts = [f"{r.get('title') or ''}\n\n{r['text']}" for r in rows if (r.get("text") or "").strip()]
nlp = load_nlp()
t0 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
    pass
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"docs": len(rows), "parsed": len(texts), "seconds": dt, "peak_rss_mb": rss}))
"""


def measure(script: str, *args: object) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="first N documents (0: all)")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument(
        "--memory",
        action="store_true",
        help="also report peak RSS for 500 and 5,000 documents with 1 worker",
    )
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (needs ../shared)")
        return 0
    results = {}
    for w in (int(x) for x in args.workers.split(",")):
        r = measure(RUN_PIPELINE, args.corpus, args.limit, w)
        results[w] = r
        print(
            f"irwatch  workers={w}: {r['docs'] / r['seconds']:7.1f} docs/s  "
            f"({r['docs']} docs, {r['events']} events, {r['seconds']:.1f} s, "
            f"peak RSS {r['peak_rss_mb']:.0f} MB)"
        )
    base = measure(RUN_SPACY, args.corpus, args.limit, 2)
    base_rate = base["docs"] / base["seconds"]
    print(
        f"spaCy    n_process=2: {base_rate:7.1f} docs/s  ({base['parsed']} texts parsed, "
        f"{base['seconds']:.1f} s)"
    )
    if 1 in results and 2 in results:
        r1 = results[1]["docs"] / results[1]["seconds"]
        r2 = results[2]["docs"] / results[2]["seconds"]
        print(f"speed-up 2 workers / 1: {r2 / r1:.2f}x  (parallel efficiency {r2 / r1 / 2:.0%})")
        print(f"end to end / bare spaCy (2 processes): {r2 / base_rate:.2f}")
    if args.memory:
        for n in (500, 5000):
            r = measure(RUN_PIPELINE, args.corpus, n, 1)
            print(f"peak RSS, {n} documents, 1 worker: {r['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
