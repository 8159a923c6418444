"""Near-duplicate articles (the same wire story on several sites), found with MinHash."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

_WORD = re.compile(r"\w+")

#: Articles shorter than this are never marked: gold sets and briefs reuse one-sentence texts
#: on purpose, and a wire story is longer.
MIN_WORDS = 50

#: Stories remembered at most: wire copies of a story appear close together in a stream, and a
#: bound keeps memory flat on corpora of any size (about 1 kB a story).
WINDOW = 50_000
THRESHOLD, NUM_PERM, SHINGLE = 0.8, 64, 5

#: Finds the first stored document (its id) that shares one of these band keys, or None: the
#: store's memory of the articles of earlier runs (:meth:`irwatch.store.Store.find_duplicate`).
History = Callable[[Sequence[str]], "str | None"]


def _minhash(text: str, num_perm: int = NUM_PERM, shingle: int = SHINGLE) -> Any:
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    n = shingle
    shingles = {" ".join(words[i : i + n]).encode() for i in range(max(1, len(words) - n + 1))}
    minhash = MinHash(num_perm=num_perm)
    minhash.update_batch(list(shingles))
    return minhash


@cache
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The LSH bands and rows per band datasketch uses for this threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def band_keys_of(minhash: Any, threshold: float = THRESHOLD) -> tuple[str, ...]:
    """The LSH band keys of a MinHash: two articles sharing one are near-duplicate candidates,
    as in datasketch's own index (the same bands and rows)."""
    b, r = _bands(threshold, len(minhash.hashvalues))
    values = minhash.hashvalues
    return tuple(
        f"{i}:{hashlib.blake2b(values[i * r : (i + 1) * r].tobytes(), digest_size=8).hexdigest()}"
        for i in range(b)
    )


def band_keys(body: str) -> tuple[str, ...]:
    """The band keys of an article body (none for one under :data:`MIN_WORDS` words)."""
    if len(_WORD.findall(body)) < MIN_WORDS:
        return ()
    return band_keys_of(_minhash(body))


class Deduplicator:
    """Remembers the articles of a batch and names the first one each new article repeats;
    with a ``history``, also the articles of earlier runs (so that batching changes nothing).

    >>> d = Deduplicator()
    >>> story = "Iran and Iraq agreed on Saturday to expand trade in gas and electricity " * 4
    >>> d.duplicate_of("a", story), d.duplicate_of("b", story + " Reuters.")
    (None, 'a')
    """

    def __init__(
        self,
        *,
        threshold: float = THRESHOLD,
        num_perm: int = NUM_PERM,
        shingle: int = SHINGLE,
        window: int = WINDOW,
        history: History | None = None,
    ) -> None:
        from collections import deque

        from datasketch import MinHashLSH

        self._lsh: Any = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._num_perm = num_perm
        self._shingle = shingle
        self._order: dict[str, int] = {}
        self._window = window
        self._forgotten = 0
        self._recent: deque[str] = deque()
        self._threshold = threshold
        self._history = history

    def _minhash(self, text: str) -> Any:
        return _minhash(text, self._num_perm, self._shingle)

    def duplicate_of(self, article_id: str, body: str) -> str | None:
        """The id of an earlier article with nearly the same body, else None (and remember it)."""
        if len(_WORD.findall(body)) < MIN_WORDS:
            return None
        minhash = self._minhash(body)
        if self._history is not None:  # an earlier run's copy comes first
            earlier = self._history(band_keys_of(minhash, self._threshold))
            if earlier is not None and earlier != article_id:
                return earlier
        matches = sorted(self._lsh.query(minhash), key=self._order.__getitem__)
        if matches:
            return str(matches[0])
        if article_id not in self._order:  # an id read twice is the same document again
            self._order[article_id] = len(self._recent) + self._forgotten
            self._lsh.insert(article_id, minhash)
            self._recent.append(article_id)
            if len(self._recent) > self._window:
                oldest = self._recent.popleft()
                self._lsh.remove(oldest)
                del self._order[oldest]
                self._forgotten += 1
        return None
