"""Reader benchmark: F1 and pages per second on the article-extraction corpus in ../shared.

    .venv/bin/python bench/read.py [CORPUS_DIR]

Prints precision, recall and F1 by the benchmark's metric (4-word shingles, per-page P and R
averaged over pages, F1 of the averages) and the extraction speed, then the speed of the whole
reader on the Wikinews JSONL corpus; skips with a message when the corpus is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT = SHARED / "corpora" / "article-extraction"
WIKINEWS = SHARED / "corpora" / "wikinews-politics.jsonl.gz"


def text_speed(path: Path) -> None:
    """Articles per second through ``read_paths`` on a JSONL file of text documents."""
    import time

    from irwatch.read import read_paths

    start, start_cpu = time.perf_counter(), time.process_time()
    statuses = [a.status for a in read_paths([str(path)])]
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    n = len(statuses)
    print(f"{path.name}: {n} documents, {statuses.count('ok')} read")
    print(
        f"  {n / wall:.0f} documents/second wall-clock, {n / cpu:.0f} per CPU-second "
        "(text cleaner, metadata, language, dedup)"
    )


def main(argv: list[str]) -> int:
    from irwatch.read.benchmark import run

    folder = Path(argv[0]) if argv else DEFAULT
    if not (folder / "ground-truth.json").is_file():
        print(f"skipped: no article-extraction corpus at {folder}")
        return 0
    result, speed = run(folder)
    print(f"article-extraction: {result.pages} pages")
    print(f"  precision {result.precision:.4f}  recall {result.recall:.4f}  F1 {result.f1:.4f}")
    print(
        f"  {speed.wall:.1f} pages/second wall-clock, {speed.cpu:.1f} per CPU-second "
        "(HTML extraction with metadata, one process)"
    )
    if WIKINEWS.is_file() and not argv:
        text_speed(WIKINEWS)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
