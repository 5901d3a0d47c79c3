"""FSRS scheduling: the only module that imports ``fsrs`` (lazily, it costs ~3x start-up).

A card is stored as the JSON-able dict of ``fsrs.Card.to_dict()``::

    {"card_id": int, "state": 1|2|3, "step": int|None, "stability": float|None,
     "difficulty": float|None, "due": ISO str, "last_review": ISO str|None}

``None`` stands for a question never reviewed ("new"). Callers may add extra keys
(``progress`` keeps ``"question"``, the text at the last review); they are kept.

``card_id`` is derived from the question id (its hex digits), never from ``hash()``,
so it is the same on every run and machine. Every datetime is UTC-aware; a ``now``
in another zone is converted, so a ``TZ`` change cannot shift a schedule. A review
dated before the card's last review (the clock went backwards) is still accepted.

Typed-answer scores map to ratings with :func:`rating_from_score`:

    score < 0.30  -> AGAIN   (a wrong answer, or only a word or two of it)
    score < 0.60  -> HARD    (one idea of several: a partial answer)
    score < 0.85  -> GOOD    (the main ideas, in other words)
    score >= 0.85 -> EASY    (practically the model answer)

Calibrated on the grader's 15 good/partial/wrong triples from the seed deck
(``tests/test_grading.py``): good answers score 0.65-0.93 (Good or Easy), partial
ones 0.09-0.38 (Again, or Hard from 0.30), wrong ones at most 0.15 (Again).
The user can always override the proposal with 1-4.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta, timezone
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import fsrs

CardState = Literal["new", "learning", "review", "relearning"]

AGAIN_BELOW = 0.30
HARD_BELOW = 0.60
GOOD_BELOW = 0.85

_STATE_NAMES: dict[int, CardState] = {1: "learning", 2: "review", 3: "relearning"}
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_CARD_KEYS = ("card_id", "state", "step", "stability", "difficulty", "due", "last_review")


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


def rating_from_score(score: float) -> Rating:
    """The grade a typed answer's score proposes (thresholds in the module docstring)."""
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


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def parse_time(text: str) -> datetime:
    return utc(datetime.fromisoformat(text))


def card_state(card: dict[str, Any] | None) -> CardState:
    if card is None or not card.get("last_review"):
        return "new"
    return _STATE_NAMES.get(int(card.get("state", 1)), "learning")


def due_at(card: dict[str, Any] | None) -> datetime | None:
    """When the card is due; ``None`` for a new card (it is always available)."""
    if card is None or not card.get("last_review"):
        return None
    return parse_time(str(card["due"]))


def is_due(card: dict[str, Any] | None, now: datetime) -> bool:
    due = due_at(card)
    return due is None or due <= utc(now)


def review_card(
    card: dict[str, Any] | None,
    question_id: str,
    rating: Rating,
    now: datetime,
    *,
    fuzz: bool = True,
) -> dict[str, Any]:
    """The card's state after a review with ``rating`` at ``now`` (extra keys kept)."""
    import fsrs

    reviewed, _log = _scheduler(fuzz).review_card(
        _to_fsrs(card, question_id), fsrs.Rating(int(rating)), utc(now)
    )
    extra = {k: v for k, v in (card or {}).items() if k not in _CARD_KEYS}
    return {**reviewed.to_dict(), **extra}


def preview_intervals(
    card: dict[str, Any] | None, question_id: str, now: datetime
) -> dict[Rating, timedelta]:
    """The interval each rating would give now (without fuzz), for the grade labels."""
    moment = utc(now)
    return {
        rating: parse_time(review_card(card, question_id, rating, moment, fuzz=False)["due"])
        - moment
        for rating in Rating
    }


def format_interval(interval: timedelta) -> str:
    """``1m``, ``10m``, ``3h``, ``4d``, ``2mo``, ``1.5y`` — short labels for grade keys."""
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


def _to_fsrs(card: dict[str, Any] | None, question_id: str) -> fsrs.Card:
    import fsrs

    if card is None or not card.get("last_review"):
        return fsrs.Card(
            card_id=card_id_for(question_id), due=datetime(1970, 1, 1, tzinfo=timezone.utc)
        )
    step = card.get("step")
    return fsrs.Card(
        card_id=int(card.get("card_id") or card_id_for(question_id)),
        state=fsrs.State(int(card["state"])),
        step=int(step) if step is not None else None,
        stability=_float_or_none(card.get("stability")),
        difficulty=_float_or_none(card.get("difficulty")),
        due=parse_time(str(card["due"])),
        last_review=parse_time(str(card["last_review"])),
    )


def _float_or_none(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and value else None
