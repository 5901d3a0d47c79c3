"""A word list stored as one string plus offsets: pickles as two objects.

Unpickling a list or dict of 100,000+ strings costs tens of milliseconds; one
string and one ``array`` load in well under a millisecond, and a binary search
over them answers a lookup in a few microseconds.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

_SEP = "\n"


class WordTable:
    __slots__ = ("_blob", "_starts")

    def __init__(self, words: Iterable[str]) -> None:
        """``words`` free of newlines; sorted and distinct for ``find``/``lower_bound``."""
        words = list(words)
        starts = array("I", [0])
        for word in words:
            starts.append(starts[-1] + len(word) + 1)
        self._starts = starts
        self._blob = _SEP.join(words) + _SEP if len(starts) > 1 else ""

    def __getstate__(self) -> tuple[str, array[int]]:
        return self._blob, self._starts

    def __setstate__(self, state: tuple[str, array[int]]) -> None:
        self._blob, self._starts = state

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, tid: int) -> str:
        return self._blob[self._starts[tid] : self._starts[tid + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._blob.split(_SEP)[:-1])

    def lower_bound(self, word: str) -> int:
        """Position of the first word ``>= word`` (in a sorted table)."""
        lo, hi = 0, len(self)
        while lo < hi:
            mid = (lo + hi) // 2
            if self[mid] < word:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def find(self, word: str) -> int | None:
        """Position of ``word`` (in a sorted table), or None."""
        position = self.lower_bound(word)
        return position if position < len(self) and self[position] == word else None
