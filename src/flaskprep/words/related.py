"""Near meanings: which word stems are used alike (``piece`` and ``fragment``).

``similarity(a, b)`` is the cosine (0-1) of two stems' vectors, or a WordNet link's
score, when one is among the other's nearest neighbours in ``related.txt``, else 0. The
table is built by ``scripts/build_related_words.py`` from Debian's Python, Django,
Flask, Werkzeug and SQLAlchemy documentation plus WordNet's glosses and its synonyms in
each word's common senses (PSF, BSD, MIT and WordNet licences, named in the README).
Two-word phrases have lines of their own (``phrase_key``: ``call off`` -> ``call+off``
-> ``cancel``). It is mapped on the first call only, so commands that never grade never
open it, and looked up by bisection (``sorted_lines``) without being read whole.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flaskprep.words.sorted_lines import Table, find_line, map_table
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS

__all__ = ["NOT", "antonyms", "key_of", "neighbours", "phrase_key", "similarity"]

NOT = "!"
"""Prefix of the table's antonym lines: ``!immut mut:100``."""


def key_of(word: str) -> str:
    """The table's key for a lowercase word: its stem, or ``""`` for a stop word."""
    if word in STOP_WORDS or len(word) < 2:
        return ""
    return stem(word)


def phrase_key(words: list[str]) -> str:
    """The table's key for a phrase of lowercase words (``call off`` -> ``call+off``).

    Not ``_``: a phrase must not meet a code identifier's line (``add all``, ``add_all``).
    """
    return "+".join(stem(word) for word in words)


@lru_cache(maxsize=1)
def _table() -> Table:
    return map_table(Path(__file__).with_name("related.txt"))


@lru_cache(maxsize=8192)
def neighbours(key: str) -> dict[str, float]:
    """The nearest stems of ``key`` with their cosine."""
    found: dict[str, float] = {}
    for item in (find_line(_table(), key) or "").split():
        word, _, cosine = item.rpartition(":")
        found[word] = int(cosine) / 100
    return found


def antonyms(key: str) -> frozenset[str]:
    """Stems WordNet gives as opposites of ``key`` in its common senses (``immut``: ``mut``)."""
    return frozenset(neighbours(NOT + key))


def similarity(a: str, b: str) -> float:
    """How alike stems ``a`` and ``b`` are used (0 when neither is near the other)."""
    if a == b:
        return 1.0
    return max(neighbours(a).get(b, 0.0), neighbours(b).get(a, 0.0))
