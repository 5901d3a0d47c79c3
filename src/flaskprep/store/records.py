"""The records progress is made of: card states, reviews, interviews.

Storage and learning both use these; they import nothing from either. Scheduling
(:mod:`flaskprep.scheduling`, the only ``fsrs`` importer) converts a
:class:`CardState` to and from ``fsrs.Card``; :mod:`flaskprep.store.format`
converts it to and from the file. A question never reviewed has no card state
(``None``): it is new.
"""

from __future__ import annotations

import os
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


@dataclass(frozen=True, slots=True)
class Review:
    question_id: str
    at: datetime
    rating: Rating
    mode: str
    duration_ms: int
    score: float | None = None
    id: str = field(default_factory=new_review_id)

    def __post_init__(self) -> None:
        if type(self.rating) is not Rating:
            object.__setattr__(self, "rating", Rating(self.rating))


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


@dataclass(slots=True)
class DeckProgress:
    """One deck's cards, reviews and interviews. Read it; change it through the store."""

    cards: dict[str, CardState] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)
    interviews: list[InterviewRecord] = field(default_factory=list)
    path: str | None = None
    """Where the deck file was last seen (a hint: a deck is known by its questions)."""


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
    "InterviewAnswerRecord",
    "InterviewRecord",
    "Phase",
    "Progress",
    "Rating",
    "Review",
    "new_review_id",
]
