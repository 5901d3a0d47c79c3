"""Irregular word forms and their base word: ``caught`` is ``catch``, ``children`` ``child``.

The stemmer joins regular forms (``catching``, ``catches``); ``inflections.txt`` lists the
irregular ones from WordNet's exception lists (WordNet License, see
``RELATED-LICENSE.md``), built by ``scripts/build_inflections.py``. Mapped on the first
call and looked up by bisection, like ``related.txt``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flaskprep.words.sorted_lines import Table, find_line, map_table

__all__ = ["base_form"]


@lru_cache(maxsize=1)
def _table() -> Table:
    return map_table(Path(__file__).with_name("inflections.txt"))


def base_form(word: str) -> str:
    """The base word of an irregular lowercase form (``thrown`` -> ``throw``), else ``word``."""
    if not word.isalpha():
        return word
    return find_line(_table(), word) or word
