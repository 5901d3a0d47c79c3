"""How much a word says in general: common English words weigh little.

``weight(word)`` is 0.02 (``many``, ``use``) to 1.0 (``middleware``, ``url_for``, any
word rarer than the table lists). The table ``weights.txt`` is derived from the
``wordfreq`` package's English frequencies and the Python and Django documentation by
``scripts/build_word_weights.py``; wordfreq's data is CC BY-SA 4.0 (see
``WEIGHTS-LICENSE.md`` beside it). It is read on the first call (well under a millisecond) and
binary-searched, never parsed whole.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flaskprep.words.tokens import fold

__all__ = ["is_common", "weight"]

RARE = 1.0
"""Weight of a word the table does not list: rare in English, or a code identifier."""


@lru_cache(maxsize=1)
def _table() -> str:
    """The table's text: sorted ``word hundredths`` lines (searched, never parsed whole)."""
    return Path(__file__).with_name("weights.txt").read_text("utf-8")


def _lookup(table: str, word: str) -> float | None:
    """Binary search over the table's lines; ``lo`` and ``hi`` stay at line starts."""
    lo, hi = 0, len(table)
    while lo < hi:
        start = table.rfind("\n", 0, (lo + hi) // 2) + 1
        end = table.find("\n", start)
        listed, _, hundredths = table[start:end].partition(" ")
        if listed == word:
            return int(hundredths) / 100
        if listed < word:
            lo = end + 1
        else:
            hi = start
    return None


def weight(word: str) -> float:
    """General informativeness of ``word`` (any case), 0.02 to 1.0."""
    found = _lookup(_table(), fold(word))
    return RARE if found is None else found


def is_common(word: str) -> bool:
    """Whether ``word`` is a common English word: the table lists every word of Zipf 3.2
    and up (whatever its weight), so a word it lacks is rare or a code identifier."""
    return _lookup(_table(), fold(word)) is not None
