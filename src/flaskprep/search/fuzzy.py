"""Matching query words the deck does not contain: typos, unfinished words, suggestions.

Typos at edit distance 1 are found by generating the word's edits and looking
them up (cost independent of the vocabulary's size); distance 2 only scans
deck terms with the same first letter and a compatible length, using a bounded
Damerau (optimal string alignment) distance.
"""

from __future__ import annotations

from collections.abc import Iterable

from flaskprep.search.index import SearchIndex
from flaskprep.words.spelling import osa_distance
from flaskprep.words.stems import stem

PREFIX_WEIGHT = 0.85
TYPO_WEIGHTS = (1.0, 0.6, 0.45)
_MAX_PREFIX_TERMS = 40
_MAX_TYPO_TERMS = 5
_FULL_SCAN_LIMIT = 5_000
MAX_FUZZY_LENGTH = 30
"""Longer words are matched exactly only (no deck word is that long by mistake)."""
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _max_typos(word: str) -> int:
    return 0 if len(word) <= 3 else 1 if len(word) <= 5 else 2


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    edits.update(a + c + b[1:] for a, b in splits if b for c in _ALPHABET)
    edits.update(a + c + b for a, b in splits for c in _ALPHABET)
    edits.discard(word)
    return edits


def _letter_range(index: SearchIndex, first: str) -> range:
    vocab = index.vocab
    return range(vocab.lower_bound(first), vocab.lower_bound(chr(ord(first) + 1)))


def _scan(index: SearchIndex, root: str, bound: int, tids: Iterable[int]) -> dict[int, int]:
    """Term ids within ``bound`` edits of ``root``, cheap filters before the distance."""
    found: dict[int, int] = {}
    lo, hi = len(root) - bound, len(root) + bound
    letters = set(root)
    for tid in tids:
        term = index.vocab[tid]
        # Each edit loses at most one of root's letters: a cheap, exact pre-filter.
        if lo <= len(term) <= hi and len(letters.difference(term)) <= bound:
            distance = osa_distance(root, term, bound)
            if distance <= bound:
                found[tid] = distance
    return found


def typos(index: SearchIndex, word: str) -> dict[int, float]:
    """Deck terms a mistyped ``word`` may mean, weighted by closeness."""
    bound = _max_typos(word)
    if bound == 0 or len(word) > MAX_FUZZY_LENGTH:
        return {}
    # A stem much shorter than the word is a suffix stripped off an edit ("commity" ->
    # "com"), not a typo fix.
    shortest = min(4, len(word) - 1)
    roots = {root for root in map(stem, _edits1(word)) if len(root) >= shortest}
    near = {tid for root in roots if (tid := index.term_id(root)) is not None}
    found = dict.fromkeys(near, 1)
    if not found and bound > 1:
        found = _scan(index, stem(word), bound, _letter_range(index, word[0]))
    ranked = sorted(found, key=lambda tid: (found[tid], -index.df(tid), tid))[:_MAX_TYPO_TERMS]
    return {tid: TYPO_WEIGHTS[found[tid]] for tid in ranked}


def prefixed(index: SearchIndex, word: str) -> dict[int, float]:
    """Deck terms that ``word`` (an unfinished last word) begins."""
    if not 3 <= len(word) <= MAX_FUZZY_LENGTH:
        return {}
    found: dict[int, float] = {}
    for prefix in {word, stem(word)}:
        tid = index.vocab.lower_bound(prefix)
        end = min(tid + 2000, len(index.vocab))
        while tid < end and index.vocab[tid].startswith(prefix):
            found[tid] = PREFIX_WEIGHT
            tid += 1
    ranked = sorted(found, key=lambda t: (-index.df(t), t))[:_MAX_PREFIX_TERMS]
    return {tid: found[tid] for tid in ranked}


def nearest(index: SearchIndex, word: str) -> tuple[int, str] | None:
    """``(distance, deck word)`` closest to ``word``, for a "did you mean"."""
    root = stem(word)
    if not root or len(root) > MAX_FUZZY_LENGTH:
        return None
    bound = 1 if len(root) <= 4 else 2 if len(root) <= 7 else 3
    found = _scan(index, root, bound, _letter_range(index, root[0]))
    if not found and len(index.vocab) <= _FULL_SCAN_LIMIT:
        found = _scan(index, root, bound, range(len(index.vocab)))
    if not found:
        return None
    tid = min(found, key=lambda t: (found[t], -index.df(t), t))
    return found[tid], index.surface_word(tid)


def suggestion(index: SearchIndex, word: str) -> tuple[int, str] | None:
    """``nearest``, when it is a plausible misspelling of ``word`` for a "did you mean":
    at most one edit in three letters (``bluprnt`` -> blueprints; ``cors`` is not
    ``code``, ``email`` not ``enabling``)."""
    near = nearest(index, word)
    if near is None:
        return None
    root = stem(word)
    if len(root) >= 5 and near[0] <= len(root) // 3:
        return near
    limit = len(word) // 3  # a short stem says little: compare the words as written
    return near if osa_distance(word, near[1].lower(), limit) <= limit else None
