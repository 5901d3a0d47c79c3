"""Where a quiz's ratings go: the progress store, or (``--cram``) only memory.

Either way the card is scheduled by FSRS, so a failed card's learning step is known
(:attr:`Recorded.step_due`) and the session can bring it back in time; ``--cram``
keeps those cards in memory and never touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from flaskprep.learn.prompts import Prompt
from flaskprep.model import Deck
from flaskprep.scheduling import Rating, card_state, due_at, review_card
from flaskprep.store import CardState, ProgressStore, Review

IN_SESSION = timedelta(hours=1)
"""A learning step ending within this comes back in the same session."""


@dataclass(frozen=True, slots=True)
class Recorded:
    token: Any
    """What :meth:`Recorder.undo` needs to take the rating back."""
    step_due: datetime | None
    """When the card's learning step ends, if it is in (re)learning and ends soon."""


class Recorder(Protocol):
    def record(
        self,
        prompt: Prompt,
        rating: Rating,
        *,
        now: datetime,
        duration_ms: int,
        score: float | None,
    ) -> Recorded: ...

    def undo(self, token: Any) -> None: ...


def step_due(card: CardState, now: datetime) -> datetime | None:
    """The end of the card's learning step when that is within :data:`IN_SESSION`."""
    due = due_at(card)
    if card_state(card) not in ("learning", "relearning") or due is None:
        return None
    return due if due - now <= IN_SESSION else None


def record_grade(
    store: ProgressStore,
    deck: Deck,
    question_id: str,
    rating: Rating,
    *,
    mode: str,
    now: datetime,
    duration_ms: int,
    score: float | None = None,
    fuzz: bool = True,
) -> tuple[Review, CardState]:
    """Schedule and save one rating; the card keeps the question text for rewordings."""
    text = next((q.text for q in deck.questions if q.id == question_id), None)
    card = store.load().deck(deck.key).cards.get(question_id)
    new_card = review_card(card, question_id, rating, now, fuzz=fuzz)
    if text is not None:
        new_card = replace(new_card, question=text)
    review = Review(question_id, new_card.last_review, rating, mode, duration_ms, score)
    store.record(deck.key, review, new_card)
    return review, new_card


@dataclass(slots=True)
class StoreRecorder:
    """Saves every rating to the progress store; undo restores the card it replaced."""

    store: ProgressStore
    deck: Deck
    fuzz: bool = True

    def record(
        self,
        prompt: Prompt,
        rating: Rating,
        *,
        now: datetime,
        duration_ms: int,
        score: float | None,
    ) -> Recorded:
        question = prompt.question
        previous = self.store.load().deck(self.deck.key).cards.get(question.id)
        review, card = record_grade(
            self.store,
            self.deck,
            question.id,
            rating,
            mode=prompt.mode,
            now=now,
            duration_ms=duration_ms,
            score=score,
            fuzz=self.fuzz,
        )
        return Recorded((review, previous), step_due(card, now))

    def undo(self, token: tuple[Review, CardState | None]) -> None:
        review, previous = token
        self.store.undo(self.deck.key, review, previous)


@dataclass(slots=True)
class CramRecorder:
    """``--cram``: cards are scheduled in memory only, so learning steps still apply."""

    cards: dict[str, CardState] = field(default_factory=dict)

    def record(
        self,
        prompt: Prompt,
        rating: Rating,
        *,
        now: datetime,
        duration_ms: int,
        score: float | None,
    ) -> Recorded:
        qid = prompt.question.id
        previous = self.cards.get(qid)
        self.cards[qid] = review_card(previous, qid, rating, now, fuzz=False)
        return Recorded((qid, previous), step_due(self.cards[qid], now))

    def undo(self, token: tuple[str, CardState | None]) -> None:
        qid, previous = token
        if previous is None:
            self.cards.pop(qid, None)
        else:
            self.cards[qid] = previous


@dataclass(slots=True)
class DeckRecorders:
    """A folder of decks in one session: each card's rating goes to its own deck."""

    recorders: list[Recorder]

    def record(
        self,
        prompt: Prompt,
        rating: Rating,
        *,
        now: datetime,
        duration_ms: int,
        score: float | None,
    ) -> Recorded:
        recorder = self.recorders[prompt.deck_index]
        inner = recorder.record(prompt, rating, now=now, duration_ms=duration_ms, score=score)
        return Recorded((recorder, inner.token), inner.step_due)

    def undo(self, token: tuple[Recorder, Any]) -> None:
        recorder, inner = token
        recorder.undo(inner)
