"""Words of deck text: folding, tokenising, camel-case parts and the one text normaliser.

- ``fold(word)``: case- and apostrophe-insensitive form (NFKC for non-ASCII).
- ``tokenize(text)``: lowercase word tokens; punctuation, backticks and typographic
  quotes separate words, apostrophes inside words are dropped (``Werkzeug’s`` ->
  ``werkzeugs``), ``url_for`` gives ``url``, ``for``.
- ``CAMEL_PART`` / ``camel_parts(word)``: ``SQLAlchemy`` -> ``sql``, ``alchemy``.
- ``normalise(text)``: lowercase words separated by single spaces, for comparing
  whole texts (question ids, "is this the model answer itself").
- ``undecorated(text)``: without the emoji and stars around it ("🔹 Q3: …", "… ⭐⭐").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CAMEL_PART", "WORD_PATTERN", "camel_parts", "fold", "normalise", "tokenize", "undecorated",
]  # fmt: skip

WORD_PATTERN = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
"""A word: letters and digits, with apostrophes allowed inside (``don't``)."""

CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
"""One part of a camel-case or digit-suffixed name: ``SQL``, ``Alchemy``; ``jinja``, ``2``."""

_APOSTROPHES = str.maketrans("", "", "'’ʼ")
_BARE_WORD = re.compile(r"[^\W_]+")
_NON_WORD = re.compile(r"[\W_]+")


def fold(word: str) -> str:
    """Case- and apostrophe-insensitive form of a word or text (NFKC for non-ASCII)."""
    if not word.isascii():
        word = unicodedata.normalize("NFKC", word)
    return word.translate(_APOSTROPHES).casefold()


def tokenize(text: str) -> list[str]:
    """Lowercase words of ``text`` in order; punctuation and markup are separators."""
    # Same words as folding each WORD_PATTERN match, in one pass over the folded text.
    return _BARE_WORD.findall(fold(text))


def camel_parts(word: str) -> list[str]:
    """``SQLAlchemy`` -> ``sql``, ``alchemy``; ``[]`` for one part or a one-letter part.

    ``OAuth`` stays whole (``o`` is no word); ``jinja2`` gives ``jinja``, ``2``.
    """
    parts = CAMEL_PART.findall(word)
    if len(parts) < 2 or any(len(p) < 2 and p.isalpha() for p in parts):
        return []
    return [part.lower() for part in parts]


def normalise(text: str) -> str:
    """Lowercase words of ``text`` separated by single spaces (case, punctuation ignored)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


_DECORATION = frozenset({"So", "Sk", "Cf", "Mn", "Me", "Zs"})
"""Emoji, stars, their joiners and variation selectors, and spaces ("🔹", "✅", "⭐️")."""


def undecorated(text: str, *, trailing: bool = True) -> str:
    """``text`` without the emoji, stars and spaces before it (and, with ``trailing``,
    after it). ASCII stays: `` ` `` and ``^`` are symbols too, but code."""

    def decoration(char: str) -> bool:
        return char.isspace() or (not char.isascii() and unicodedata.category(char) in _DECORATION)

    start, end = 0, len(text)
    while start < end and decoration(text[start]):
        start += 1
    while trailing and end > start and decoration(text[end - 1]):
        end -= 1
    return text[start:end]
