"""Coding speed: articles and words per second of the coder beside bare spaCy parsing.

    .venv/bin/python bench/code.py [--corpus ../shared/corpora/wikinews-politics.jsonl.gz]
                                   [--docs 500] [--batch 32]

Takes the first ``--docs`` non-empty articles of the corpus, parses them once with the pipeline's
model and pipes (``irwatch.nlp.load_nlp``, ``nlp.pipe``) and times that bare parse; then times
the actor resolver and the event coder over the same parsed documents. Target: the coder adds at
most 25% to the parse. Model, knowledge base, lexicon and gazetteer are loaded before timing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "wikinews-politics.jsonl.gz"


def articles(path: Path, n: int) -> list[dict[str, str]]:
    """The first ``n`` records with non-empty text."""
    out: list[dict[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if (rec.get("text") or "").strip():
                out.append(rec)
                if len(out) >= n:
                    break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()

    from irwatch.actors import Resolver, load_kb
    from irwatch.events.coder import Coder
    from irwatch.nlp import load_nlp
    from irwatch.pipeline import article_text
    from irwatch.records import Article

    recs = articles(Path(args.corpus), args.docs)
    arts = [
        Article(
            id=str(r.get("id", i)),
            title=r.get("title") or "",
            body=r["text"],
            published=(r.get("date") or None),
        )
        for i, r in enumerate(recs)
    ]
    texts = [article_text(a) for a in arts]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    kb = load_kb()
    resolver = Resolver(kb)
    coder = Coder(kb=kb)
    list(nlp.pipe(texts[:8], batch_size=args.batch))  # warm up

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch))
    parse = time.perf_counter() - t0

    t0 = time.perf_counter()
    resolved = [resolver.read(doc, date=a.published) for doc, a in zip(docs, arts, strict=True)]
    resolve = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = 0
    for a, doc, actors in zip(arts, docs, resolved, strict=True):
        n_events += len(coder.code(a, doc, actors))
    code = time.perf_counter() - t0

    n = len(arts)
    print(
        f"{n} articles, {words} words, {n_events} events; model {nlp.meta.get('name')} "
        f"pipes {','.join(nlp.pipe_names)}"
    )

    def rate(label: str, seconds: float) -> str:
        per_s = f"{n / seconds:7.1f} articles/s {words / seconds:8.0f} words/s"
        return f"{label}: {seconds:7.2f} s {per_s}"

    print(rate("spaCy parse alone ", parse))
    print(f"actor resolver    : {resolve:7.2f} s  (+{100 * resolve / parse:.1f}% of the parse)")
    share = 100 * code / parse
    print(f"event coder       : {code:7.2f} s  (+{share:.1f}% of the parse; target <= 25%)")
    print(rate("parse+resolve+code", parse + resolve + code))


if __name__ == "__main__":
    main()
