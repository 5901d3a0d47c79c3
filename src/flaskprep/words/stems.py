"""A small deterministic stemmer, so word families meet.

``stem(word)`` is a Porter-lite suffix stripper: ``blueprints``/``blueprint``,
``uploading``/``uploads``/``upload`` share one stem. Pure standard library.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["stem"]

_VOWELS = frozenset("aeiouy")

# Derivational suffixes, longest first, with the Porter "measure" the rest must
# have; applied repeatedly (ization -> ize -> ""), so a word family meets.
_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ational", "ate", 1),
    ("ization", "ize", 1),
    ("isation", "ize", 1),
    ("ibility", "", 1),
    ("ability", "", 1),
    ("iveness", "ive", 1),
    ("fulness", "ful", 1),
    ("ation", "ate", 1),
    ("ition", "", 1),
    ("ction", "ct", 1),
    ("ssion", "ss", 1),
    ("ement", "", 2),
    ("ment", "", 2),
    ("ness", "", 1),
    ("ator", "ate", 1),
    ("izer", "ize", 1),
    ("able", "", 1),
    ("ible", "", 1),
    ("ity", "", 1),
    ("ize", "", 2),
    ("ise", "", 2),
    ("ate", "", 2),
    ("al", "", 2),
    ("er", "", 1),
    ("ly", "", 1),
)


def _measure(base: str) -> int:
    """Porter's m: how many vowel-consonant runs ``base`` has (``local`` 2, ``loc`` 1)."""
    count, after_vowel = 0, False
    for i, ch in enumerate(base):
        vowel = ch in "aeiou" or (ch == "y" and i > 0 and base[i - 1] not in "aeiou")
        if after_vowel and not vowel:
            count += 1
        after_vowel = vowel
    return count


def _has_vowel(text: str) -> bool:
    return any(ch in _VOWELS for ch in text)


def _strip_plural(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ss", "us", "is")) or not word.endswith("s"):
        return word
    return word[:-1]


def _strip_inflection(word: str) -> str:
    if word.endswith("eed"):
        return word
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and _has_vowel(base):
            if base.endswith(("at", "iz", "bl")):
                return base + "e"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                return base[:-1]
            return base
    return word


_SUFFIX_ENDINGS = tuple(suffix for suffix, _, _ in _SUFFIXES)


def _strip_derivation(word: str) -> str:
    for _ in range(4):
        if not word.endswith(_SUFFIX_ENDINGS):
            return word
        for suffix, replacement, measure in _SUFFIXES:
            if not word.endswith(suffix):
                continue
            base = word[: -len(suffix)]
            if len(base) >= 3 and _measure(base) >= measure:
                word = base + replacement
                break
            return word
        else:
            return word
    return word


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Deterministic Porter-lite stem of a lowercase word (digits: unchanged)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _strip_inflection(_strip_plural(word))
    word = _strip_derivation(word)
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if word.endswith("y") and len(word) > 3 and word[-2] not in _VOWELS:
        word = word[:-1] + "i"
    return word


def same_family(a: str, b: str, shortest: int) -> bool:
    """Whether one stem opens the other, the shorter of at least ``shortest`` letters: one
    word family or compound (``data``/``dataset``, ``config``/``configur``)."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= shortest and longer.startswith(shorter)
