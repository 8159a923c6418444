"""Near-duplicate articles (the same wire story on several sites), found with MinHash."""

from __future__ import annotations

import re
from typing import Any

_WORD = re.compile(r"\w+")

#: Articles shorter than this are never marked: gold sets and briefs reuse one-sentence texts
#: on purpose, and a wire story is longer.
MIN_WORDS = 50

#: Stories remembered at most: wire copies of a story appear close together in a stream, and a
#: bound keeps memory flat on corpora of any size (about 1 kB a story).
WINDOW = 50_000


class Deduplicator:
    """Remembers the articles of a batch and names the first one each new article repeats.

    >>> d = Deduplicator()
    >>> story = "Iran and Iraq agreed on Saturday to expand trade in gas and electricity " * 4
    >>> d.duplicate_of("a", story), d.duplicate_of("b", story + " Reuters.")
    (None, 'a')
    """

    def __init__(
        self,
        *,
        threshold: float = 0.8,
        num_perm: int = 64,
        shingle: int = 5,
        window: int = WINDOW,
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

    def _minhash(self, text: str) -> Any:
        from datasketch import MinHash

        words = _WORD.findall(text.lower())
        n = self._shingle
        shingles = {" ".join(words[i : i + n]).encode() for i in range(max(1, len(words) - n + 1))}
        minhash = MinHash(num_perm=self._num_perm)
        minhash.update_batch(list(shingles))
        return minhash

    def duplicate_of(self, article_id: str, body: str) -> str | None:
        """The id of an earlier article with nearly the same body, else None (and remember it)."""
        if len(_WORD.findall(body)) < MIN_WORDS:
            return None
        minhash = self._minhash(body)
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
