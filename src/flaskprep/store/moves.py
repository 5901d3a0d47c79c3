"""Progress moved or dropped: a deck's follows the deck when its file is moved or
renamed; a reworded question gets a copy of its old card (``carry_over``); ``reset``
drops questions' progress.

Decks are stored under the key of where their file was (``deck_keys``). A deck
found under a key the store does not know takes over the progress of a stored
deck whose file is gone and most of whose cards are questions of this deck; a copy
(both files present) starts afresh, and no two decks ever share an entry. Progress
whose deck cannot be found is listed (``unreachable``), and can be dropped
(``forget``) or given to the deck at another path (``relink``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from flaskprep.deck_keys import BUNDLED_PREFIX, legacy_key, path_of
from flaskprep.errors import UsageError
from flaskprep.store.records import DeckProgress, Progress


@dataclass(frozen=True)
class Unreachable:
    """Progress kept for a deck whose file is gone."""

    key: str
    path: str  # the last path (or key) the deck was known by
    cards: int
    reviews: int


def _where(key: str, deck: DeckProgress) -> Path | None:
    hint = path_of(deck.path) if deck.path else None
    return hint or path_of(key)


def _gone(key: str, deck: DeckProgress) -> bool:
    where = _where(key, deck)
    return where is not None and not where.exists()


def unreachable(progress: Progress) -> list[Unreachable]:
    """Every deck with progress whose file cannot be found, by key."""
    return [
        Unreachable(key, deck.path or key, len(deck.cards), len(deck.reviews))
        for key, deck in sorted(progress.decks.items())
        if _gone(key, deck) and (deck.cards or deck.reviews or deck.interviews)
    ]


def moved_from(progress: Progress, key: str, question_ids: Collection[str]) -> str | None:
    """The stored deck that the deck now at ``key`` was moved from, if any."""
    if key in progress.decks or key.startswith(BUNDLED_PREFIX):
        return None
    old = legacy_key(key)  # its key before keys were injective
    if old is not None and old in progress.decks and _gone(old, progress.decks[old]):
        return old
    best, best_overlap = None, 0
    for old_key, deck in progress.decks.items():
        if not deck.cards or not _gone(old_key, deck):
            continue
        overlap = sum(1 for qid in deck.cards if qid in question_ids)
        if overlap * 2 > len(deck.cards) and overlap > best_overlap:
            best, best_overlap = old_key, overlap
    return best


def rekey(progress: Progress, old: str, new: str) -> None:
    deck = progress.decks.pop(old)
    deck.path = new  # a key is written safely; ``path_of`` reads it back
    progress.decks[new] = deck


def follow(progress: Progress, key: str, question_ids: Collection[str]) -> str | None:
    """Move the progress of a deck that moved to ``key``; the key it had, if any."""
    old = moved_from(progress, key, question_ids)
    if old is not None:
        rekey(progress, old, key)
    return old


def _known(progress: Progress, key: str) -> DeckProgress:
    deck = progress.decks.get(key)
    if deck is None or not (deck.cards or deck.reviews or deck.interviews):
        raise UsageError(f"no progress is kept under {key!r}", hint="see `flaskprep decks`")
    return deck


def forget(progress: Progress, key: str) -> Unreachable:
    """Drop the progress of a deck whose file is gone; refuse a deck still in use."""
    deck = _known(progress, key)
    if not _gone(key, deck):
        raise UsageError(f"deck {key!r} is still in use", hint="use `flaskprep reset` for it")
    gone = Unreachable(key, deck.path or key, len(deck.cards), len(deck.reviews))
    del progress.decks[key]
    return gone


def relink(progress: Progress, old: str, new: str) -> None:
    """Give the progress kept under ``old`` to the deck whose key is ``new``."""
    _known(progress, old)
    there = progress.decks.get(new)
    if old == new or (there is not None and (there.cards or there.reviews or there.interviews)):
        raise UsageError(f"the deck at {path_of(new) or new} already has progress")
    rekey(progress, old, new)


def carry_over(progress: Progress, deck_key: str, carried: dict[str, str]) -> None:
    """Each reworded question (new id) gets a copy of its old card; the old one stays."""
    cards = progress.deck_for_update(deck_key).cards
    for new_id, old_id in carried.items():
        if new_id not in cards and (old := cards.get(old_id)) is not None:
            cards[new_id] = replace(old, carried_from=old_id)


def reset(progress: Progress, deck_key: str, question_ids: Collection[str] | None) -> int:
    """Drop the cards and reviews of ``question_ids`` (all the deck's for None); cards dropped."""
    deck = progress.deck_for_update(deck_key)
    doomed = set(deck.cards if question_ids is None else question_ids)
    count = sum(1 for qid in doomed if qid in deck.cards)
    deck.cards = {q: c for q, c in deck.cards.items() if q not in doomed}
    deck.reviews = [r for r in deck.reviews if r.question_id not in doomed]
    return count
