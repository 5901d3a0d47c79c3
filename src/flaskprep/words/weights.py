"""How much a word says in general: common English words weigh little.

``weight(word)`` is 0.02 (``many``, ``use``) to 1.0 (``middleware``, ``url_for``, any
word rarer than the table lists). The table ``weights.txt`` is derived from the
``wordfreq`` package's English frequencies and the Python and Django documentation by
``scripts/build_word_weights.py``; wordfreq's data is CC BY-SA 4.0 (see
``WEIGHTS-LICENSE.md`` beside it). It is read on the first call only, so a caller that
stores weights (the search index does) never pays for it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from flaskprep.words.tokens import fold

__all__ = ["weight"]

RARE = 1.0
"""Weight of a word the table does not list: rare in English, or a code identifier."""


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    text = resources.files("flaskprep.words").joinpath("weights.txt").read_text("utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        word, _, hundredths = line.partition(" ")
        table[word] = int(hundredths) / 100
    return table


def weight(word: str) -> float:
    """General informativeness of ``word`` (any case), 0.02 to 1.0."""
    return _table().get(fold(word), RARE)
