"""What can be read back of a progress whose snapshot was unreadable and set aside.

The snapshot holds the card states; the review history and the review log beside it
hold every review, and the log also the card after each grade since the last
compaction. When only the snapshot is lost, those are read back from the copies set
aside: every review, the log's cards and interviews. A question reviewed before the
log began has no card left; ``Rebuild`` (given by the caller: storage knows no
scheduler) replays its reviews into one. Nothing here raises: what cannot be read
stays out, and the copies stay where they were put.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from flaskprep.errors import FlaskprepError
from flaskprep.store import files, log
from flaskprep.store.locations import Locations, corrupt_copy
from flaskprep.store.records import CardState, Progress, Review
from flaskprep.store.snapshot import decode_history, decode_reviews

Rebuild = Callable[[str, Sequence[Review]], CardState]
"""A question's card from its reviews in time order (the scheduler replays them)."""


@dataclass(frozen=True, slots=True)
class ReadBack:
    progress: Progress
    reviews: int
    cards: int
    """Cards: the log's, and those rebuilt from reviews."""
    through: tuple[str, int] | None
    """The log read, and up to where: the new history holds its lines (``snapshot``)."""

    def told(self) -> str:
        """How the user's notice ends."""
        return f"rebuilt it from its review history ({self.reviews} reviews, {self.cards} cards)"


def read_back(where: Locations, stamp: str, rebuild: Rebuild | None) -> ReadBack | None:
    """What the copies of ``where``'s history and log set aside at ``stamp`` still hold,
    with the cards rebuilt that only the lost snapshot had; None when they hold nothing."""
    kept, through = salvage(aside_copies(where, stamp))
    if not kept.decks:
        return None
    if rebuild is not None:
        rebuild_cards(kept, rebuild)
    cards = sum(len(deck.cards) for deck in kept.decks.values())
    return ReadBack(kept, review_count(kept), cards, through)


def aside_copies(where: Locations, stamp: str) -> list[Path | None]:
    """The review history's and log's copies set aside at ``stamp`` (None where absent)."""
    copies = [corrupt_copy(path, stamp) for path in (where.history, where.log)]
    return [path if path.exists() else None for path in copies]


def salvage(copies: Sequence[Path | None]) -> tuple[Progress, tuple[str, int] | None]:
    """The reviews of a review history and a review log (``copies``; either may be
    missing or damaged), with the cards and interviews the log holds; and the log's
    generation and the end of what was read of it."""
    history, review_log = copies
    progress = Progress()
    through = _read_history(history, progress) if history is not None else None
    read = _read_log(review_log, through, progress) if review_log is not None else None
    return progress, read


def rebuild_cards(progress: Progress, rebuild: Rebuild) -> None:
    """Give each reviewed question without a card the one its reviews make."""
    for deck in progress.decks.values():
        by_question: dict[str, list[Review]] = {}
        for review in deck.reviews:
            if review.question_id not in deck.cards:
                by_question.setdefault(review.question_id, []).append(review)
        for question_id, reviews in by_question.items():
            reviews.sort(key=lambda review: review.at)
            try:
                deck.cards[question_id] = rebuild(question_id, reviews)
            except (ValueError, ArithmeticError):  # a history no scheduler takes: a new card
                continue


def review_count(progress: Progress) -> int:
    return sum(len(deck.reviews) for deck in progress.decks.values())


def _read_history(path: Path, progress: Progress) -> tuple[str, int] | None:
    try:
        decoded = decode_history(json.loads(files.read_capped(path)))
    except (OSError, ValueError, RecursionError, FlaskprepError):
        return None
    for key, rows in decoded.decks.items():
        try:
            progress.deck_for_update(key).reviews = decode_reviews(key, rows, [])
        except ValueError:
            continue
    return decoded.through


def _read_log(
    path: Path, through: tuple[str, int] | None, progress: Progress
) -> tuple[str, int] | None:
    """Apply the log's lines the history does not hold yet (see ``snapshot``'s ``through``)."""
    try:
        data = files.read_capped(path)
    except (OSError, FlaskprepError):
        return None
    generation = log.generation_of(data[: data.find(b"\n") + 1])
    if generation is None:
        return None
    start = through[1] if through is not None and through[0] == generation else 0
    tail = log.read_tail(data[start:], start, generation, progress)
    return generation, tail.end
