"""Sealed gold: score the coder once on our held-out Wikinews annotation, or only check the file.

    .venv/bin/python bench/sealed.py [--corpus PATH] [--check]

``tests/data/sealed/wikinews_sealed.jsonl`` holds our annotation of Wikinews articles without
their text (the text stays in ``../shared``): per article the corpus id, the SHA-1 of its title,
its date and the events, each with ``evidence_span``, character offsets into the corpus text.
This script joins the text from the corpus (default
``../shared/corpora/wikinews-politics.jsonl.gz``), writes a gold file in the format of
``../shared/eval/README.md`` to a temporary directory (text = title, a blank line, the body: as
``wikinews_gold.dev.jsonl`` composes it) and scores it with ``irwatch.evaluate`` (``load_gold``,
``code_gold``, ``score``) at the levels type, dyad and date. Only the figures are printed: the
misses and false positives would show the gold.

With --check it validates the file against the corpus (ids found, title hashes, dates, spans,
PLOVER types, country codes) and neither codes nor scores anything. Without the corpus it prints
why it skipped and exits 0.

The set is scored once per session, at the end; do not tune the coder on it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEALED = ROOT / "tests" / "data" / "sealed" / "wikinews_sealed.jsonl"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews-politics.jsonl.gz"
sys.path.insert(0, str(ROOT / "src"))

from irwatch.evaluate import Level  # noqa: E402

#: The levels printed, in this order.
LEVELS: tuple[Level, ...] = ("type", "dyad", "date")
#: Gold dates: a day, a month or a year, or a range of two of them.
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?")
_COUNTRY = re.compile(r"[A-Z]{3}")


def title_sha1(title: str) -> str:
    """The SHA-1 (hex) of an article title as the corpus spells it."""
    return hashlib.sha1(title.encode("utf-8")).hexdigest()


def load_sealed(path: Path = SEALED) -> list[dict[str, Any]]:
    """The annotation records, one per article."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_corpus(path: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The corpus records (``{id, date, title, text}``) whose id is in ``ids``."""
    wanted = set(ids)
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if str(rec["id"]) in wanted:
                found[str(rec["id"])] = rec
    return found


def _actor_problems(actor: Mapping[str, Any]) -> list[str]:
    country = actor.get("country")
    if country is not None and not _COUNTRY.fullmatch(str(country)):
        return [f"country {country!r} is not three capital letters"]
    if not actor.get("code"):
        return ["an actor without a code"]
    return []


def _event_problems(event: Mapping[str, Any], text: str, plover: set[str]) -> list[str]:
    out: list[str] = []
    if not event.get("sources"):
        out.append("no sources")
    for actor in [*(event.get("sources") or []), *(event.get("targets") or [])]:
        out += _actor_problems(actor)
    types = event.get("types") or []
    if not types:
        out.append("no types")
    out += [f"unknown PLOVER type {t!r}" for t in types if t not in plover]
    date = event.get("date")
    if date is not None and not _DATE.fullmatch(str(date)):
        out.append(f"bad date {date!r}")
    if not isinstance(event.get("optional"), bool) or not isinstance(event.get("symmetric"), bool):
        out.append("optional and symmetric must be true or false")
    span = event.get("evidence_span")
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(n, int) for n in span)):
        out.append(f"evidence_span {span!r} is not [start, end]")
    elif not 0 <= span[0] < span[1] <= len(text):
        out.append(f"evidence_span {span} is outside the text ({len(text)} characters)")
    return out


def check(
    records: Sequence[Mapping[str, Any]], corpus: Mapping[str, Mapping[str, Any]]
) -> list[str]:
    """Every problem of the annotation against the corpus (empty: the file is sound)."""
    from irwatch.events.ontology import load_ontology

    plover = set(load_ontology().plover_types)
    problems: list[str] = []
    seen: set[str] = set()
    for n, rec in enumerate(records, 1):
        cid = str(rec.get("corpus_id"))
        where = f"line {n} ({cid})"
        if cid in seen:
            problems.append(f"{where}: the article is annotated twice")
        seen.add(cid)
        article = corpus.get(cid)
        if article is None:
            problems.append(f"{where}: not in the corpus")
            continue
        if rec.get("title_sha1") != title_sha1(article["title"]):
            problems.append(f"{where}: the title hash differs: the corpus has changed")
        if rec.get("published") != article.get("date"):
            problems.append(
                f"{where}: published {rec.get('published')} but the corpus says "
                f"{article.get('date')}"
            )
        if not rec.get("events"):
            problems.append(f"{where}: no events")
        for i, event in enumerate(rec.get("events") or []):
            label = event.get("id") or f"event {i}"
            problems += [
                f"{where} {label}: {p}"
                for p in _event_problems(event, article.get("text") or "", plover)
            ]
    return problems


def gold_documents(
    records: Sequence[Mapping[str, Any]], corpus: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The gold documents of ``../shared/eval/README.md``: text joined, evidence cut from it."""
    docs = []
    for rec in records:
        article = corpus[str(rec["corpus_id"])]
        head = article["title"] + "\n\n"
        text = head + (article.get("text") or "")
        events = []
        for event in rec["events"]:
            start, end = (len(head) + n for n in event["evidence_span"])
            body = {k: v for k, v in event.items() if k != "evidence_span"}
            events.append({**body, "evidence": text[start:end]})
        docs.append(
            {
                "id": f"wikinews-{rec['corpus_id']}",
                "text": text,
                "published": rec["published"],
                "noevents": not events,
                "events": events,
            }
        )
    return docs


def run_scores(docs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Code the documents once and score them at every level: level -> Report."""
    from irwatch.evaluate import code_gold, load_gold, score

    with tempfile.TemporaryDirectory(prefix="irwatch-sealed-") as tmp:
        path = Path(tmp) / "sealed.gold.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        gold = load_gold(path)
    coded = code_gold(gold)
    return {level: score(gold, coded, level) for level in LEVELS}


def _print_scores(docs: Sequence[Mapping[str, Any]], reports: Mapping[str, Any]) -> None:
    required = sum(not e.get("optional") for d in docs for e in d["events"])
    print(f"sealed gold: {len(docs)} articles, {required} required events")
    for level in LEVELS:
        o = reports[level].overall
        print(
            f"level {level:<4}: precision {o.precision:.3f}  recall {o.recall:.3f}  "
            f"F1 {o.f1:.3f}  (found {o.tp} of {o.tp + o.fn}; {o.fp} false positives)"
        )


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="wikinews-politics.jsonl.gz")
    parser.add_argument("--sealed", default=str(SEALED), help=argparse.SUPPRESS)
    parser.add_argument(
        "--check", action="store_true", help="only validate the annotation; code and score nothing"
    )
    args = parser.parse_args(argv)
    corpus_path = Path(args.corpus)
    if not corpus_path.is_file():
        print(f"skipped: no corpus at {corpus_path}")
        return 0
    records = load_sealed(Path(args.sealed))
    corpus = load_corpus(corpus_path, (str(r["corpus_id"]) for r in records))
    problems = check(records, corpus)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problems in {args.sealed}", file=sys.stderr)
        return 1
    if args.check:
        events = [e for r in records for e in r["events"]]
        required = sum(not e["optional"] for e in events)
        print(
            f"ok: {len(records)} articles, {required} required and "
            f"{len(events) - required} optional events"
        )
        return 0
    docs = gold_documents(records, corpus)
    _print_scores(docs, run_scores(docs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
