"""Near-duplicate articles (the same wire story on several sites), found with MinHash."""

from __future__ import annotations

import re
from typing import Any

_WORD = re.compile(r"\w+")

#: Articles shorter than this are never marked: gold sets and briefs reuse one-sentence texts
#: on purpose, and a wire story is longer.
MIN_WORDS = 50


class Deduplicator:
    """Remembers the articles of a batch and names the first one each new article repeats.

    >>> d = Deduplicator()
    >>> story = "Iran and Iraq agreed on Saturday to expand trade in gas and electricity " * 4
    >>> d.duplicate_of("a", story), d.duplicate_of("b", story + " Reuters.")
    (None, 'a')
    """

    def __init__(self, *, threshold: float = 0.8, num_perm: int = 64, shingle: int = 5) -> None:
        from datasketch import MinHashLSH

        self._lsh: Any = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._num_perm = num_perm
        self._shingle = shingle
        self._order: dict[str, int] = {}

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
            self._order[article_id] = len(self._order)
            self._lsh.insert(article_id, minhash)
        return None
