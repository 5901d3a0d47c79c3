"""How rare a deck term is: in its own deck, or across a folder of decks searched together.

Searching a folder compares hits of different decks, so their scores must use one idf:
a word frequent in one deck and rare in another is then weighed the same in both, and
the deck where the query's words are at home wins, not the deck where they are odd.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from flaskprep.search.index import SearchIndex


class Rarity:
    """``idf(tid)`` of ``index``'s terms over ``index`` plus ``peers`` (plain class: cheap)."""

    __slots__ = ("_cache", "_index", "_peers", "size", "top")

    def __init__(self, index: SearchIndex, peers: Sequence[SearchIndex] = ()) -> None:
        self._index = index
        self._peers = [peer for peer in peers if peer is not index]
        self._cache: dict[int, float] = {}
        self.size = index.size + sum(peer.size for peer in self._peers)
        self.top = _idf(self.size, 0)
        """The idf of a term no question holds: the ceiling."""

    def idf(self, tid: int) -> float:
        found = self._cache.get(tid)
        if found is None:
            df = self._index.df(tid)
            root = self._index.vocab[tid]
            for peer in self._peers:
                peer_tid = peer.term_id(root)
                if peer_tid is not None:
                    df += peer.df(peer_tid)
            found = self._cache[tid] = _idf(self.size, df)
        return found


def _idf(size: int, df: int) -> float:
    return math.log(1.0 + (size - df + 0.5) / (df + 0.5))
