"""The records progress is made of: card states, reviews, interviews.

Storage and learning both use these; they import nothing from either. Scheduling
(:mod:`flaskprep.scheduling`, the only ``fsrs`` importer) converts a
:class:`CardState` to and from ``fsrs.Card``; :mod:`flaskprep.store.format`
converts it to and from the file. A question never reviewed has no card state
(``None``): it is new.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


class Phase(IntEnum):
    """Where a reviewed card stands (``fsrs.State``'s numbers)."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


RATINGS: dict[int, Rating] = {int(r): r for r in Rating}
PHASES: dict[int, Phase] = {int(p): p for p in Phase}


@dataclass(frozen=True, slots=True)
class CardState:
    """A reviewed question's schedule (FSRS memory state), plus its wording then.

    ``question`` is the question's text at its last review, so a reworded question
    can find its old card; ``carried_from`` names the card it was copied from.
    """

    card_id: int
    phase: Phase
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime
    question: str | None = None
    carried_from: str | None = None


def new_review_id() -> str:
    """A review's own identity: random, so two grades in the same clock tick stay two."""
    return os.urandom(8).hex()  # not secrets, which loads hmac and OpenSSL on start-up


@dataclass(slots=True)
class Review:
    """One grade of one question. Not frozen: a history of years is decoded on every
    ``stats``, and a frozen dataclass's ``__init__`` costs three times as much."""

    question_id: str
    at: datetime
    rating: Rating
    mode: str
    duration_ms: int
    score: float | None = None
    id: str = field(default_factory=new_review_id)

    def __post_init__(self) -> None:
        if type(self.rating) is not Rating:
            self.rating = Rating(self.rating)


@dataclass(frozen=True, slots=True)
class InterviewAnswerRecord:
    question_id: str
    score: float
    missing: tuple[str, ...]
    duration_ms: int


@dataclass(frozen=True, slots=True)
class InterviewRecord:
    """One mock interview as kept in the progress file (``stats`` shows at/count/score)."""

    at: datetime
    count: int
    planned: int
    score: float
    minutes: float | None = None
    timed_out: bool = False
    skipped: int = 0
    answers: tuple[InterviewAnswerRecord, ...] = ()


History = Callable[[], tuple[list[Review], int]]
"""Reads a deck's review history: its reviews, and the log offset they already include."""


class DeckProgress:
    """One deck's cards, reviews and interviews. Read it; change it through the store.

    ``reviews`` is read from the review history the first time it is asked for (a quiz
    needs only card states); changes to it made before then wait, with their place in
    the review log, and are applied on top.
    """

    __slots__ = ("_history", "_pending", "_reviews", "cards", "interviews", "path")

    def __init__(
        self,
        cards: dict[str, CardState] | None = None,
        reviews: list[Review] | None = None,
        interviews: list[InterviewRecord] | None = None,
        path: str | None = None,
        *,
        history: History | None = None,
    ) -> None:
        self.cards = {} if cards is None else cards
        self.interviews = [] if interviews is None else interviews
        self.path = path
        """Where the deck file was last seen (a hint: a deck is known by its questions)."""
        self._history = history if reviews is None else None
        self._reviews = list(reviews or []) if self._history is None else None
        self._pending: list[tuple[int, Review | str]] = []

    @property
    def reviews(self) -> list[Review]:
        if self._reviews is None:
            assert self._history is not None
            reviews, included = self._history()
            for offset, change in self._pending:
                if offset >= included:
                    _change(reviews, change)
            self._reviews, self._pending, self._history = reviews, [], None
        return self._reviews

    @reviews.setter
    def reviews(self, value: list[Review]) -> None:
        self._reviews, self._pending, self._history = list(value), [], None

    def change_reviews(self, change: Review | str, offset: int) -> None:
        """Add a review, or take one back by id; ``offset`` is the change's place in the log."""
        if self._reviews is None:
            self._pending.append((offset, change))
        else:
            _change(self._reviews, change)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DeckProgress):
            return NotImplemented
        mine = (self.cards, self.reviews, self.interviews, self.path)
        return mine == (other.cards, other.reviews, other.interviews, other.path)

    def __repr__(self) -> str:
        return (
            f"DeckProgress(cards={self.cards!r}, reviews={self.reviews!r}, "
            f"interviews={self.interviews!r}, path={self.path!r})"
        )


def _change(reviews: list[Review], change: Review | str) -> None:
    if isinstance(change, Review):
        reviews.append(change)
        return
    for index in range(len(reviews) - 1, -1, -1):
        if reviews[index].id == change:
            del reviews[index]
            return


@dataclass(slots=True)
class Progress:
    decks: dict[str, DeckProgress] = field(default_factory=dict)

    def deck(self, key: str) -> DeckProgress:
        """The deck's progress (an empty one, not stored, if it has none yet)."""
        return self.decks.get(key) or DeckProgress()

    def deck_for_update(self, key: str) -> DeckProgress:
        return self.decks.setdefault(key, DeckProgress())


__all__ = [
    "PHASES",
    "RATINGS",
    "CardState",
    "DeckProgress",
    "History",
    "InterviewAnswerRecord",
    "InterviewRecord",
    "Phase",
    "Progress",
    "Rating",
    "Review",
    "new_review_id",
]
