"""FSRS scheduling: the only module that imports ``fsrs`` (a heavy edge: where first needed).

A card's schedule is a :class:`flaskprep.store.records.CardState`, converted to and
from ``fsrs.Card`` here and nowhere else. ``None`` stands for a question never
reviewed ("new"). The wording kept with a card (``question``, ``carried_from``)
passes through a review unchanged.

``card_id`` is derived from the question id (its hex digits), never from ``hash()``,
so it is the same on every run and machine. Every datetime is UTC-aware; a ``now``
in another zone is converted, so a ``TZ`` change cannot shift a schedule. A review
dated before the card's last review (the clock went backwards) is still accepted.

Typed-answer scores map to ratings with :func:`rating_from_score`:

    score < 0.30  -> AGAIN   (a wrong answer, or only a word or two of it)
    score < 0.60  -> HARD    (one idea of several: a partial answer)
    score < 0.85  -> GOOD    (the main ideas, in other words)
    score >= 0.85 -> EASY    (practically the model answer)

The grader is calibrated against these bands on good/partial/wrong answer triples
(``tests/test_grading.py``, ``python -m tests.eval.grading``), which report the scores
each kind gets today. The user can always override the proposal with 1-4.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from flaskprep.clock import EPOCH, parse_time, utc
from flaskprep.store.records import PHASES, CardState, Rating, Review

if TYPE_CHECKING:
    import fsrs

Stage = Literal["new", "learning", "review", "relearning"]

AGAIN_BELOW = 0.30
HARD_BELOW = 0.60
GOOD_BELOW = 0.85

_STAGE_NAMES: dict[int, Stage] = {1: "learning", 2: "review", 3: "relearning"}

__all__ = ["Rating", "parse_time", "utc"]


def rating_from_score(score: float) -> Rating:
    """The rating a typed answer's score proposes (thresholds in the module docstring)."""
    if score < AGAIN_BELOW:
        return Rating.AGAIN
    if score < HARD_BELOW:
        return Rating.HARD
    if score < GOOD_BELOW:
        return Rating.GOOD
    return Rating.EASY


def card_id_for(question_id: str) -> int:
    """A stable positive int from the id's hex digits (``4f1c09ab-2`` -> 0x4f1c09ab2)."""
    digits = "".join(ch for ch in question_id.lower() if ch in "0123456789abcdef")
    return int(digits[:15] or "0", 16) + 1


def card_state(card: CardState | None) -> Stage:
    """Where a card stands; a question with no card is new."""
    return "new" if card is None else _STAGE_NAMES.get(int(card.phase), "learning")


def due_at(card: CardState | None) -> datetime | None:
    """When the card is due; ``None`` for a new card (it is always available)."""
    return None if card is None else card.due


def is_due(card: CardState | None, now: datetime) -> bool:
    return card is None or card.due <= utc(now)


def review_card(
    card: CardState | None,
    question_id: str,
    rating: Rating,
    now: datetime,
    *,
    fuzz: bool = True,
) -> CardState:
    """The card's state after a review with ``rating`` at ``now`` (its wording kept)."""
    import fsrs

    reviewed, _log = _scheduler(fuzz).review_card(
        _to_fsrs(card, question_id), fsrs.Rating(int(rating)), utc(now)
    )
    state = _from_fsrs(reviewed)
    if card is None:
        return state
    return replace(state, question=card.question, carried_from=card.carried_from)


def replay(question_id: str, reviews: Sequence[Review]) -> CardState:
    """The card ``reviews`` (in time order, at least one) make, graded again without fuzz:
    how a card lost with an unreadable progress file is rebuilt (``store/salvage.py``)."""
    card: CardState | None = None
    for review in reviews:
        card = review_card(card, question_id, review.rating, review.at, fuzz=False)
    if card is None:
        raise ValueError("a card needs at least one review")
    return card


def preview_intervals(
    card: CardState | None, question_id: str, now: datetime
) -> dict[Rating, timedelta]:
    """The interval each rating would give now (without fuzz), for the grade labels."""
    moment = utc(now)
    return {
        rating: review_card(card, question_id, rating, moment, fuzz=False).due - moment
        for rating in Rating
    }


def format_interval(interval: timedelta) -> str:
    """``1m``, ``10m``, ``3h``, ``4d``, ``2mo``, ``1.5y`` — short labels for the rating keys."""
    minutes = max(1, round(interval.total_seconds() / 60))
    if minutes < 60:
        return f"{minutes}m"
    if minutes < 60 * 24:
        return f"{round(minutes / 60)}h"
    days = round(minutes / (60 * 24))
    if days < 31:
        return f"{days}d"
    if days < 365:
        return f"{round(days / 30.4)}mo"
    return f"{days / 365:.1f}y".replace(".0y", "y")


@functools.lru_cache(maxsize=2)
def _scheduler(fuzz: bool) -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler(enable_fuzzing=fuzz)


def _to_fsrs(card: CardState | None, question_id: str) -> fsrs.Card:
    import fsrs

    if card is None:
        return fsrs.Card(card_id=card_id_for(question_id), due=EPOCH)
    return fsrs.Card(
        card_id=card.card_id or card_id_for(question_id),
        state=fsrs.State(int(card.phase)),
        step=card.step,
        stability=card.stability or None,
        difficulty=card.difficulty or None,
        due=card.due,
        last_review=card.last_review,
    )


def _from_fsrs(card: fsrs.Card) -> CardState:
    assert card.last_review is not None  # a reviewed card
    return CardState(
        card_id=int(card.card_id),
        phase=PHASES[int(card.state)],
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=utc(card.due),
        last_review=utc(card.last_review),
    )
