"""Score coded events against gold events (the rules of ``../shared/eval/README.md``).

>>> gold = load_gold("petr2_gsr.dev.jsonl")  # doctest: +SKIP
>>> report = score(gold, code_gold(gold), level="type")  # doctest: +SKIP
>>> print(report.f1)  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from irwatch.errors import EvaluationError

Level = Literal["dyad", "type", "date"]
LEVELS: tuple[Level, ...] = ("dyad", "type", "date")
_STOP = frozenset({"the", "of", "and", "for", "in", "on", "to", "a", "an", "de", "al"})


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold document: its text, publication date and the events annotated in it."""

    id: str
    text: str
    published: str | None
    noevents: bool
    events: tuple[dict[str, Any], ...]


@dataclass(slots=True)
class Counts:
    """True positives, false positives and misses, with the ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class Report:
    """Scores at one level: overall, per PLOVER type, and the errors with their evidence.

    Recall counts gold events found; precision counts coded events matched (``tp`` of
    ``overall`` is the number of gold events found, ``fp`` the coded events matching none).
    """

    level: Level
    overall: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            **self.overall.to_dict(),
            "per_type": {t: c.to_dict() for t, c in sorted(self.per_type.items())},
            "misses": self.misses,
            "false_positives": self.false_positives,
        }


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read a gold JSONL file; raises EvaluationError (E001) on a malformed line."""
    docs: list[GoldDoc] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                events = tuple(d.get("events") or ())
                for e in events:
                    if not isinstance(e.get("sources"), list) or "types" not in e:
                        raise ValueError("an event needs 'sources' and 'types'")
                docs.append(
                    GoldDoc(
                        str(d["id"]),
                        str(d["text"]),
                        d.get("published"),
                        bool(d.get("noevents", False)),
                        events,
                    )
                )
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise EvaluationError("E001", path=str(path), line=n, detail=str(exc)) from exc
    return docs


# -- matching -----------------------------------------------------------------------------------


def _words(*texts: object) -> set[str]:
    out: set[str] = set()
    for t in texts:
        if isinstance(t, str):
            out.update(w for w in re.findall(r"[a-z0-9]+", t.lower()) if w not in _STOP)
    return out


def actor_matches(coded: Mapping[str, Any] | None, gold: Mapping[str, Any]) -> bool:
    """A coded actor matches a gold one on country; for a gold actor without a country, when the
    coded code begins with the gold code's first six letters, or the names share a word."""
    if not coded:
        return False
    if gold.get("country"):
        return bool(coded.get("country") == gold["country"])
    g6 = str(gold.get("code") or "")[:6]
    if g6 and str(coded.get("code") or "").startswith(g6):
        return True
    gw = _words(gold.get("text"))
    return bool(gw and gw & _words(coded.get("text"), coded.get("name")))


def _gold_period(value: str) -> tuple[str, str]:
    """A gold date ("2019-04-06", "2019-03", "2003", "1980/1988") as ISO start and end."""
    lo, _, hi = value.partition("/")
    hi = hi or lo

    def bound(v: str, end: bool) -> str:
        parts = v.split("-")
        if len(parts) == 3:
            return v
        if len(parts) == 2:
            if not end:
                return f"{v}-01"
            y, m = int(parts[0]), int(parts[1])
            nxt = f"{y + (m == 12):04d}-{m % 12 + 1:02d}-01"
            import datetime as dt

            return (dt.date.fromisoformat(nxt) - dt.timedelta(days=1)).isoformat()
        return f"{v}-12-31" if end else f"{v}-01-01"

    return bound(lo, False), bound(hi, True)


def _pairs(coded: Mapping[str, Any], gold: Mapping[str, Any]) -> list[tuple[int, int]]:
    """The (gold source, gold target) index pairs the coded event's actors match; -1: no target."""
    srcs, tgts = gold.get("sources") or [], gold.get("targets") or []
    out: list[tuple[int, int]] = []
    orders = [(coded.get("source"), coded.get("target"), False)]
    if gold.get("symmetric"):
        orders.append((coded.get("target"), coded.get("source"), True))
    for s, t, _swapped in orders:
        for i, g in enumerate(srcs):
            if not actor_matches(s, g):
                continue
            if not tgts:
                out.append((i, -1))
            for j, h in enumerate(tgts):
                if actor_matches(t, h):
                    out.append((i, j))
    return out


def event_pairs(
    coded: Mapping[str, Any], gold: Mapping[str, Any], level: Level
) -> list[tuple[int, int]]:
    """The actor pairs by which ``coded`` matches ``gold`` at ``level`` (empty: no match)."""
    if level != "dyad" and coded.get("type") not in (gold.get("types") or ()):
        return []
    if level == "date" and gold.get("date"):
        period = coded.get("date")
        if not period:
            return []
        lo, hi = _gold_period(str(gold["date"]))
        if not (lo <= str(period["start"]) and str(period["end"]) <= hi):
            return []
    return _pairs(coded, gold)


def _gold_type(g: Mapping[str, Any]) -> str:
    types = g.get("types") or ["(none)"]
    return str(types[0])


def score(
    gold_docs: Iterable[GoldDoc], coded: Mapping[str, Sequence[Mapping[str, Any]]], level: Level
) -> Report:
    """Score coded events (``doc_id`` -> event records) against the gold documents."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    report = Report(level)

    def counts(t: str) -> Counts:
        return report.per_type.setdefault(t, Counts())

    for doc in gold_docs:
        golds = list(doc.events)
        events = list(coded.get(doc.id, ()))
        links = [[(gi, event_pairs(ev, g, level)) for gi, g in enumerate(golds)] for ev in events]
        found = _assign(links, [bool(g.get("optional")) for g in golds])
        for ei, ev in enumerate(events):
            if found[ei] is None and not any(
                pairs and golds[gi].get("optional") for gi, pairs in links[ei]
            ):
                report.overall.fp += 1
                counts(str(ev.get("type"))).fp += 1
                report.false_positives.append({"doc_id": doc.id, **_brief(ev)})
        hit = {f for f in found if f is not None}
        for gi, g in enumerate(golds):
            if g.get("optional"):
                continue
            if gi in hit:
                report.overall.tp += 1
                counts(_gold_type(g)).tp += 1
            else:
                report.overall.fn += 1
                counts(_gold_type(g)).fn += 1
                report.misses.append({"doc_id": doc.id, "text": doc.text[:300], **g})
    return report


def _assign(
    links: list[list[tuple[int, list[tuple[int, int]]]]], optional: list[bool]
) -> list[int | None]:
    """Which required gold event each coded event fills (None: none).

    First as many gold events as possible get one coded event each (a maximum bipartite
    matching, so that the order of the coded events does not matter); then the coded events
    left over fill further source-target pairs of the gold events they match.
    """
    owner: dict[int, int] = {}  # gold event -> coded event
    # a coded event that matches an optional gold event is ignored anyway: it yields its
    # required gold event to another coded event that has no other place
    spare = [any(pairs and optional[gi] for gi, pairs in link) for link in links]

    def augment(ei: int, seen: set[int]) -> bool:
        for gi, pairs in links[ei]:
            if not pairs or optional[gi] or gi in seen:
                continue
            seen.add(gi)
            if gi not in owner or augment(owner[gi], seen) or (spare[owner[gi]] and not spare[ei]):
                owner[gi] = ei
                return True
        return False

    for ei in range(len(links)):
        augment(ei, set())
    found: list[int | None] = [None] * len(links)
    used: dict[int, set[tuple[int, int]]] = {}
    for gi, ei in owner.items():
        found[ei] = gi
        used.setdefault(gi, set()).add(dict(links[ei])[gi][0])
    for ei in range(len(links)):
        if found[ei] is not None:
            continue
        for gi, pairs in links[ei]:
            free = [p for p in pairs if p not in used.get(gi, set())]
            if free and not optional[gi] and gi in used:
                used[gi].add(free[0])
                found[ei] = gi
                break
    return found


def _brief(ev: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("type", "cameo", "source", "target", "date", "trigger", "evidence")
    return {k: ev.get(k) for k in keys}


# -- coding the gold documents ------------------------------------------------------------------


def code_gold(docs: Sequence[GoldDoc]) -> dict[str, list[dict[str, Any]]]:
    """Read, parse, resolve and code each gold text through the pipeline; records by doc id."""
    from irwatch.pipeline import Pipeline
    from irwatch.read import read_text
    from irwatch.records import Article

    articles = []
    for d in docs:
        a = read_text(d.text, id=d.id, published=d.published)
        if a.status != "ok" or not a.body.strip():
            a = Article(id=d.id, title="", body=d.text.strip(), published=d.published)
        # the gold sets are English: a short sentence must not be skipped as foreign
        articles.append(dataclasses.replace(a, language="en", duplicate_of=None))
    out: dict[str, list[dict[str, Any]]] = {d.id: [] for d in docs}
    for article, events in Pipeline().code_articles(articles):
        out[article.id] = [e.to_dict() for e in events]
    return out


def fold_of(doc_id: str, folds: int) -> int:
    """The fold (0 .. folds-1) a document belongs to: a stable hash of its id, so that a document
    stays in its fold whatever else the file holds and whatever the order of its lines.

    >>> fold_of("AFP0808020675_1", 5) == fold_of("AFP0808020675_1", 5)
    True
    """
    digest = hashlib.sha256(doc_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % folds


def evaluate(
    path: str | Path, level: Level = "type", *, folds: int = 1, only: int | None = None
) -> Report:
    """Code the documents of a gold file and score them at ``level``; with ``only``, just the
    documents of fold ``only`` of ``folds``."""
    docs = load_gold(path)
    if only is not None:
        docs = [d for d in docs if fold_of(d.id, folds) == only]
    return score(docs, code_gold(docs), level)


def evaluate_folds(path: str | Path, level: Level = "type", *, folds: int = 5) -> list[Report]:
    """One report per fold (documents split by :func:`fold_of`), coding the file once.

    A coding change is judged by the folds it was not written from: look at the errors of some
    folds, change the coder, and read the figure of the others.
    """
    if folds < 2:
        raise ValueError("folds must be at least 2")
    docs = load_gold(path)
    coded = code_gold(docs)
    return [
        score([d for d in docs if fold_of(d.id, folds) == k], coded, level) for k in range(folds)
    ]
