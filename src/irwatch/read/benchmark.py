"""The article-extraction benchmark's metric: 4-word shingles, P and R per page, averaged.

Precision and recall are computed per page on bags of 4-word shingles (normalised so that long
pages weigh no more than short ones), averaged over pages, and F1 is taken of the averages.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The bag of ``n``-word shingles of ``text``."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives of one page, summing to 1."""
    gold, guess = shingles(true), shingles(pred)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall averaged over pages, and the F1 of the two averages."""

    precision: float
    recall: float
    f1: float
    pages: int


def score(counts: list[tuple[float, float, float]]) -> Score:
    """The benchmark's score of per-page counts (pages with nothing to score are left out)."""

    def ratio(tp: float, other: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == other == 0 else tp / (tp + other)

    precisions = [ratio(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [ratio(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return Score(p, r, 2 * p * r / (p + r) if p + r else 0.0, len(counts))


def corpus(folder: Path) -> Iterator[tuple[str, str, str]]:
    """``(key, html, gold body)`` of the benchmark at ``folder`` (html/KEY.html.gz and
    ground-truth.json), in key order."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        with gzip.open(folder / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as f:
            yield key, f.read(), truth[key].get("articleBody", "")


@dataclass(frozen=True, slots=True)
class Speed:
    """Pages per second of wall-clock time and of this process's CPU time."""

    wall: float
    cpu: float


def run(folder: Path) -> tuple[Score, Speed]:
    """Our HTML reader on the benchmark: its score and the pages read per second."""
    from irwatch.errors import ReadError
    from irwatch.read.html import extract_html

    counts: list[tuple[float, float, float]] = []
    wall = cpu = 0.0
    for _, html, gold in corpus(folder):
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            body = extract_html(html).body
        except ReadError:
            body = ""
        wall += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        counts.append(page_counts(gold, body))
    n = len(counts)
    return score(counts), Speed(n / wall if wall else 0.0, n / cpu if cpu else 0.0)
