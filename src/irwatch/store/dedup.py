"""One event per happening: match each coded event to a stored happening reported elsewhere.

Two reports are of the same happening when they have the same PLOVER type and the same dyad
(source and target by country, else by code), their periods overlap, and their evidence is
similar: the share of the shorter sentence's content words found in the other (overlap
coefficient) reaches :attr:`DedupOptions.threshold`. Only reports from *different* documents are
merged: within one article, two sentences saying the same thing are the coder's concern.

Matching happens as ingest goes. For each batch of documents the store asks the database for the
happenings that could match (:func:`candidate_rows`, one query), then :class:`Matcher` decides
event by event, also against the happenings created earlier in the same batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Connection

from irwatch.records import Event, EventActor

_STOPWORDS = (
    "the and for with that this from has have had was were are been its his her their they "
    "said says will would could should also but not which who whom into over after before "
    "about than then there these those while when where what more most other some such only "
    "very just upon our your all any can may might must per via"
)
#: Words too common in news sentences to say that two sentences tell the same thing.
STOPWORDS = frozenset(_STOPWORDS.split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """How reports are matched to happenings.

    threshold: least overlap coefficient of the evidence's content words (0 .. 1).
    window_days: only happenings whose period starts within this many days of the report's
    start are considered (keeps the lookup a short index range). Day- and month-precise periods
    are matched in full; a year-long period only against happenings starting near its start.
    enabled: False stores every report as its own happening.
    """

    threshold: float = 0.35
    window_days: int = 31
    enabled: bool = True


@lru_cache(maxsize=65536)
def words(sentence: str) -> frozenset[str]:
    """The content words of a sentence, lower-cased (cached: candidates recur)."""
    return frozenset(w for w in set(_WORD.findall(sentence.lower())) if len(w) > 2) - STOPWORDS


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set's size (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def actor_key(actor: EventActor | None) -> str:
    """The actor as a dyad side: its country, else its code, ``-`` when there is none."""
    if actor is None:
        return "-"
    return actor.country or actor.code or "-"


def dyad_key(event: Event) -> str:
    """``SOURCE:TARGET`` of an event, each side as :func:`actor_key` gives it."""
    return f"{actor_key(event.source)}:{actor_key(event.target)}"


def event_days(event: Event, published: str | None) -> tuple[str | None, str | None]:
    """The event's period, or the publication day when the text gives none."""
    if event.date is not None:
        return event.date.start, event.date.end
    return published, published


@dataclass(slots=True)
class Happening:
    """A stored (or about to be stored) happening, as the matcher sees it."""

    event_id: str
    type: str
    dyad: str
    day: str
    day_end: str
    span: tuple[str | None, str | None]
    doc_keys: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    texts: tuple[str | None, ...] = ()
    _names: frozenset[str] | None = None

    @property
    def names(self) -> frozenset[str]:
        """Words naming the actors, and the trigger (computed when first needed)."""
        if self._names is None:
            self._names = _names(*self.texts)
        return self._names


class Probe(NamedTuple):
    """What to look up for one event: its type, dyad, the window of starts to consider
    (``low`` .. ``high``) and its own start (a happening must not end before it)."""

    type: str
    dyad: str
    low: str
    high: str
    start: str


def probe(event: Event, day: str, day_end: str, options: DedupOptions, dyad: str = "") -> Probe:
    """The lookup for an event whose period is ``day`` .. ``day_end`` (``dyad``: its dyad key)."""
    low, high = _window(day, options.window_days)
    return Probe(event.type, dyad or dyad_key(event), low, min(day_end, high), day)


@lru_cache(maxsize=16384)
def _window(day: str, days: int) -> tuple[str, str]:
    """``day`` minus and plus ``days`` days (cached: a batch holds few distinct days)."""
    start = date.fromisoformat(day)
    return (start - timedelta(days=days)).isoformat(), (start + timedelta(days=days)).isoformat()


_CHUNK = 1000


#: The columns of :func:`candidate_rows`, in order.
CANDIDATE_COLUMNS = ("event_id", "type", "dyad", "day", "day_end", "date_start", "date_end",
                     "source_text", "target_text", "trigger", "evidence", "doc_key",
                     "more_evidence", "more_doc_key")  # fmt: skip


def candidate_rows(conn: Connection, probes: Sequence[Probe]) -> list[tuple[Any, ...]]:
    """Every report of every stored happening that one of the probes could match.

    One row (in the order of ``CANDIDATE_COLUMNS``) per happening and further report: the
    happening's own evidence and document (its first report), and ``more_evidence``/
    ``more_doc_key`` of a further report, or None.
    """
    unique = list(dict.fromkeys(probes))
    # A VALUES list as a CTE joins the same way on SQLite and PostgreSQL; each probe is one range
    # scan of ix_events_dyad, which also holds day_end: only overlapping happenings are read.
    # The SQL goes to the driver's cursor as is: compiling thousands of bound parameters and
    # processing result rows through SQLAlchemy costs more than the query.
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    out: list[tuple[Any, ...]] = []
    cursor = conn.connection.cursor()
    try:
        for i in range(0, len(unique), _CHUNK):
            chunk = unique[i : i + _CHUNK]
            values = ", ".join([f"({mark}, {mark}, {mark}, {mark}, {mark})"] * len(chunk))
            sql = (
                f"WITH probe(p_type, p_dyad, p_low, p_high, p_start) AS (VALUES {values}) "
                "SELECT e.event_id, e.type, e.dyad, e.day, e.day_end, e.date_start, e.date_end, "
                "e.source_text, e.target_text, e.trigger, e.evidence, e.doc_key, "
                "r.evidence, r.doc_key FROM probe "
                "JOIN events e ON e.type = probe.p_type AND e.dyad = probe.p_dyad "
                "AND e.day >= probe.p_low AND e.day <= probe.p_high "
                "AND e.day_end >= probe.p_start "
                "LEFT JOIN reports r ON r.happening = e.event_id"
            )
            cursor.execute(sql, tuple(v for p in chunk for v in p))
            out.extend(cursor.fetchall())
    finally:
        cursor.close()
    return out


@lru_cache(maxsize=65536)
def _names(*texts: str | None) -> frozenset[str]:
    return words(" ".join(t for t in texts if t))


def _event_texts(event: Event) -> tuple[str | None, ...]:
    """The words naming the event's actors, and its trigger."""
    target = event.target
    return (event.source.text, event.source.name, target.text if target else None,
            target.name if target else None, event.trigger)  # fmt: skip


def _event_names(event: Event) -> frozenset[str]:
    return _names(*_event_texts(event))


class Matcher:
    """Decides, report by report, whether an event is a new happening or a known one.

    Happenings are kept by type, dyad and the month they start in, so that an event is compared
    only with those starting within the window around its own start, as stored ones are looked
    up (:func:`candidate_rows`).
    """

    def __init__(self, options: DedupOptions) -> None:
        self.options = options
        self._by_key: dict[tuple[str, str, str], list[Happening]] = {}
        self._by_id: dict[str, Happening] = {}
        # the order happenings became known in: of two equally similar, the later one wins
        self._order: dict[str, int] = {}

    def _keep(self, h: Happening) -> None:
        self._by_id[h.event_id] = h
        self._order[h.event_id] = len(self._order)
        self._by_key.setdefault((h.type, h.dyad, h.day[:7]), []).append(h)

    def load(self, rows: Iterable[Sequence[Any]]) -> None:
        """Add stored happenings (rows of :func:`candidate_rows`)."""
        for row in rows:
            (
                event_id, type_, dyad, day, day_end, date_start, date_end, source_text,
                target_text, trigger, evidence, doc_key, more_evidence, more_doc_key,
            ) = row  # fmt: skip
            h = self._by_id.get(event_id)
            if h is None:
                h = Happening(
                    event_id,
                    type_,
                    dyad,
                    day,
                    day_end or day,
                    (date_start, date_end),
                    texts=(source_text, target_text, trigger),
                )
                self._keep(h)
                h.doc_keys.add(doc_key)
                h.evidence.append(evidence)
            if more_doc_key is not None:  # a further report
                h.doc_keys.add(more_doc_key)
                h.evidence.append(more_evidence)

    def match(
        self, event: Event, day: str, day_end: str, doc_key: str, dyad: str = ""
    ) -> Happening | None:
        """The best-matching happening not already reported by this document, or None.

        Candidates start within ``window_days`` of ``day`` and not after ``day_end``, and do not
        end before ``day``.
        """
        if not self.options.enabled:
            return None
        low, high = _window(day, self.options.window_days)
        high = min(high, day_end)
        dyad = dyad or dyad_key(event)
        mine: frozenset[str] | None = None
        names = frozenset[str]()
        best: Happening | None = None
        best_score, best_order = self.options.threshold, -1
        for month in _months(low[:7], high[:7]):
            for h in self._by_key.get((event.type, dyad, month), ()):
                if h.day < low or h.day > high or h.day_end < day or doc_key in h.doc_keys:
                    continue
                if mine is None:
                    names = _event_names(event)
                    mine = words(event.evidence)
                # the actors' names and the trigger are shared by definition: compare the rest
                skip = names | h.names
                score = max(
                    (similarity(mine - skip, words(other) - skip) for other in h.evidence),
                    default=0.0,
                )
                order = self._order[h.event_id]
                if score > best_score or (score == best_score and order > best_order):
                    best, best_score, best_order = h, score, order
        return best

    def add(self, event: Event, day: str, day_end: str, doc_key: str, dyad: str = "") -> Happening:
        """Remember a new happening created by ``event``."""
        h = Happening(
            event.event_id,
            event.type,
            dyad or dyad_key(event),
            day,
            day_end,
            (event.date.start, event.date.end) if event.date else (None, None),
            texts=_event_texts(event),
        )
        h.doc_keys.add(doc_key)
        h.evidence.append(event.evidence)
        self._keep(h)
        return h

    def report(self, h: Happening, event: Event, doc_key: str) -> None:
        """Record that ``event`` (of ``doc_key``) reports ``h``."""
        h.doc_keys.add(doc_key)
        h.evidence.append(event.evidence)

    def redate(self, h: Happening, start: str, end: str) -> None:
        """Give ``h`` the more precise period ``start`` .. ``end`` of one of its reports."""
        if start[:7] != h.day[:7]:
            self._by_key[(h.type, h.dyad, h.day[:7])].remove(h)
            self._by_key.setdefault((h.type, h.dyad, start[:7]), []).append(h)
        h.span = (start, end)
        h.day, h.day_end = start, end


@lru_cache(maxsize=4096)
def _months(first: str, last: str) -> tuple[str, ...]:
    """The months ``YYYY-MM`` from ``first`` to ``last``, inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while (label := f"{year:04d}-{month:02d}") <= last:
        out.append(label)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def narrower(span: tuple[str | None, str | None], event: Event) -> bool:
    """True when the event's period lies inside ``span`` and is shorter: a more precise date."""
    if event.date is None:
        return False
    start, end = span
    if start is None or end is None:
        return True
    new = (event.date.start, event.date.end)
    return start <= new[0] and new[1] <= end and new != (start, end)


__all__ = [
    "CANDIDATE_COLUMNS",
    "DedupOptions",
    "Happening",
    "Matcher",
    "Probe",
    "actor_key",
    "candidate_rows",
    "dyad_key",
    "event_days",
    "narrower",
    "probe",
    "similarity",
    "words",
]
