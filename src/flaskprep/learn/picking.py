"""Which questions a quiz asks: due ones first, then new ones; or any, for ``--cram``.

A folder of decks takes turns (:func:`interleave`), as ``quiz --help`` says.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from flaskprep.model import Deck, Question
from flaskprep.scheduling import card_state, due_at, is_due, utc
from flaskprep.store import CardState, DeckProgress

T = TypeVar("T")
LEARN_AHEAD = timedelta(minutes=20)
"""How soon a learning step must end for its question to join a quiz started now."""


def due_questions(
    deck: Deck,
    deck_progress: DeckProgress,
    now: datetime,
    *,
    count: int,
    sections: list[int] | None = None,
    new_limit: int | None = None,
) -> list[Question]:
    """Due questions (most overdue first), then new ones in deck order, then those on a
    learning step that ends within ``LEARN_AHEAD`` (asked last, so the step is mostly
    over by then, as Anki's learn-ahead limit); answered only."""
    pool = _pool(deck, sections)
    cards = deck_progress.cards
    due = [q for q in pool if q.id in cards and is_due(cards[q.id], now)]
    due.sort(key=lambda q: due_at(cards[q.id]) or now)
    new = [q for q in pool if q.id not in cards]
    ahead = [q for q in pool if q.id in cards and _learning_soon(cards[q.id], now)]
    ahead.sort(key=lambda q: due_at(cards[q.id]) or now)
    limit = count if new_limit is None else new_limit
    return (due + new[: max(0, limit)] + ahead)[: max(0, count)]


def _learning_soon(card: CardState, now: datetime) -> bool:
    """On a learning step (not yet due) that ends within ``LEARN_AHEAD`` of ``now``."""
    if card_state(card) not in ("learning", "relearning") or is_due(card, now):
        return False
    due = due_at(card)
    return due is not None and due <= utc(now) + LEARN_AHEAD


def new_today(deck_progress: DeckProgress, now: datetime) -> int:
    """Questions first reviewed during the local day of ``now`` (for ``new_per_day``)."""
    today = now.astimezone().date()
    first: dict[str, datetime] = {}
    for review in deck_progress.reviews:
        if review.question_id not in first or review.at < first[review.question_id]:
            first[review.question_id] = review.at
    return sum(1 for at in first.values() if at.astimezone().date() == today)


def cram_questions(
    deck: Deck, sections: list[int] | None, count: int, rng: random.Random
) -> list[Question]:
    """Any answered questions of the sections, shuffled (no schedule involved)."""
    pool = _pool(deck, sections)
    rng.shuffle(pool)
    return pool[: max(0, count)]


def next_due(deck: Deck, deck_progress: DeckProgress, now: datetime) -> datetime | None:
    """When the next question of the deck falls due after ``now`` (None: nothing scheduled)."""
    ids = {q.id for q in deck.questions}
    dues = [due_at(c) for qid, c in deck_progress.cards.items() if qid in ids]
    future = [d for d in dues if d is not None and d > now]
    return min(future) if future else None


def interleave(lists: Sequence[Sequence[T]], count: int) -> list[tuple[int, T]]:
    """``(list index, item)`` taking turns between the lists, at most ``count`` in all."""
    taken: list[tuple[int, T]] = []
    for depth in range(max((len(items) for items in lists), default=0)):
        for index, items in enumerate(lists):
            if depth < len(items) and len(taken) < count:
                taken.append((index, items[depth]))
    return taken


def _pool(deck: Deck, sections: list[int] | None) -> list[Question]:
    wanted = set(sections) if sections else None
    return [
        q for q in deck.questions if q.answered and (wanted is None or q.section_index in wanted)
    ]
