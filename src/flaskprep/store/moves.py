"""A deck's progress follows the deck when its file is moved or renamed.

Decks are stored under the key of where their file was (``deck_cache.deck_key``). A
deck found under a key the store does not know takes over the progress of a stored
deck whose file is gone and most of whose cards are questions of this deck; a copy
(both files present) starts afresh, and no two decks ever share an entry.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from flaskprep.store.records import Progress

BUNDLED_PREFIX = "bundled:"


def moved_from(progress: Progress, key: str, question_ids: Collection[str]) -> str | None:
    """The stored deck that the deck now at ``key`` was moved from, if any."""
    if key in progress.decks or key.startswith(BUNDLED_PREFIX):
        return None
    best, best_overlap = None, 0
    for old_key, deck in progress.decks.items():
        where = deck.path or (None if old_key.startswith(BUNDLED_PREFIX) else old_key)
        if not deck.cards or where is None or Path(where).exists():
            continue
        overlap = sum(1 for qid in deck.cards if qid in question_ids)
        if overlap * 2 > len(deck.cards) and overlap > best_overlap:
            best, best_overlap = old_key, overlap
    return best


def rekey(progress: Progress, old: str, new: str) -> None:
    deck = progress.decks.pop(old)
    deck.path = new
    progress.decks[new] = deck


def follow(progress: Progress, key: str, question_ids: Collection[str]) -> str | None:
    """Move the progress of a deck that moved to ``key``; the key it had, if any."""
    old = moved_from(progress, key, question_ids)
    if old is not None:
        rekey(progress, old, key)
    return old
