"""A quiz session as a pure state machine: which question, which phase, what was graded.

The terminal layer turns key presses into calls (``reveal``, ``grade``, ``answer``,
``proceed``, ``skip``, ``undo``, ``quit``) and renders ``session.current`` and
``session.phase``. Grades go through a :class:`Recorder` (the progress store, or a
no-op one for ``--cram``), so the session itself does no I/O. Time (``now``) and
randomness (``rng``) are parameters.

Phases: ``question`` (prompt shown) → ``answer`` (flash: answer revealed, waiting
for 1-4; type: score shown, waiting to accept or override the proposed grade) →
next; choice, true/false and cloze go ``question`` → ``feedback`` (graded, right
answer shown) → next. A question graded Again comes back ``REQUEUE_GAP`` questions
later until it is passed.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, Protocol

from flaskprep.distractors import MODES, Mode, Prompt, build_prompts, cloze_correct
from flaskprep.model import Deck, Question
from flaskprep.progress import DeckProgress, ProgressStore, Review
from flaskprep.scheduling import Rating, due_at, is_due, review_card
from flaskprep.user_number import parse_whole

if TYPE_CHECKING:
    from flaskprep.grading import Grade

Phase = Literal["question", "answer", "feedback", "done"]
REQUEUE_GAP = 3
REWORD_SIMILARITY = 0.6
COMMANDS = ("u", "s", "q")
"""Lines that are commands, never typed answers (a one-letter answer means nothing)."""

__all__ = ["MODES", "Mode", "Prompt", "build_prompts"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the user answered and how it went (shown in ``answer``/``feedback``)."""

    correct: bool | None = None
    rating: Rating | None = None
    typed: str = ""
    grade: Grade | None = None
    chosen: int | None = None


class Recorder(Protocol):
    def record(
        self,
        question: Question,
        rating: Rating,
        *,
        mode: str,
        now: datetime,
        duration_ms: int,
        score: float | None,
    ) -> Any: ...

    def undo(self, token: Any) -> None: ...


@dataclass(slots=True)
class _Done:
    prompt: Prompt
    token: Any
    rating: Rating
    outcome: Outcome
    requeued: Prompt | None


@dataclass(slots=True)
class Session:
    queue: list[Prompt]
    recorder: Recorder
    current: Prompt | None = None
    phase: Phase = "question"
    outcome: Outcome = field(default_factory=Outcome)
    ratings: Counter[Rating] = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)
    skipped: int = 0
    history: list[_Done] = field(default_factory=list)
    idf: Mapping[str, float] | None = None
    """The deck's term rarity for grading typed answers (as ``check`` grades them)."""

    def __post_init__(self) -> None:
        self._next()

    @property
    def remaining(self) -> int:
        return len(self.queue) + (self.current is not None)

    def reveal(self) -> None:
        if self.phase == "question" and self._mode() == "flash":
            self.phase = "answer"

    def grade(self, rating: Rating, now: datetime, duration_ms: int) -> None:
        """Flash: grade the revealed answer. Type: accept or override the proposal."""
        if self.phase != "answer" or self.current is None:
            return
        score = self.outcome.grade.score if self.outcome.grade is not None else None
        self._record(rating, now, duration_ms, score, self.outcome)
        self._next()

    def answer(self, text: str, now: datetime, duration_ms: int) -> None:
        """A choice (``1``-``4``), ``t``/``f``/``y``/``n``, or a typed answer."""
        prompt = self.current
        if self.phase != "question" or prompt is None or prompt.mode == "flash":
            return
        if prompt.mode == "type":
            self._propose(prompt, text)
            return
        correct = _is_correct(prompt, text.strip())
        if correct is None:
            return
        outcome = Outcome(
            correct,
            Rating.GOOD if correct else Rating.AGAIN,
            typed=text,
            chosen=_chosen(prompt, text),
        )
        self._record(outcome.rating or Rating.AGAIN, now, duration_ms, None, outcome)
        self.outcome, self.phase = outcome, "feedback"

    def proceed(self) -> None:
        if self.phase == "feedback":
            self._next()

    def skip(self) -> None:
        if self.current is not None and self.phase in ("question", "answer"):
            self.skipped += 1
            self._next()

    def undo(self) -> bool:
        """Take the last grade back; its question is shown again. False if none."""
        if not self.history:
            return False
        done = self.history.pop()
        self.recorder.undo(done.token)
        if done.requeued is not None:
            self.queue = [p for p in self.queue if p is not done.requeued]
        if self.current is not None and self.phase != "feedback":
            self.queue.insert(0, self.current)
        self.ratings[done.rating] -= 1
        self.current = done.prompt
        back_to_answer = done.prompt.mode in ("flash", "type")
        self.phase = "answer" if back_to_answer else "question"
        self.outcome = done.outcome if back_to_answer else Outcome()
        return True

    def quit(self) -> None:
        self.current, self.phase = None, "done"

    def _mode(self) -> Mode | None:
        return self.current.mode if self.current is not None else None

    def _propose(self, prompt: Prompt, text: str) -> None:
        from flaskprep.grading import grade
        from flaskprep.scheduling import rating_from_score

        result = grade(text, prompt.question.answer, self.idf)
        self.outcome = Outcome(None, rating_from_score(result.score), typed=text, grade=result)
        self.phase = "answer"

    def _record(
        self, rating: Rating, now: datetime, duration_ms: int, score: float | None, outcome: Outcome
    ) -> None:
        assert self.current is not None
        prompt = self.current
        token = self.recorder.record(
            prompt.question,
            rating,
            mode=prompt.mode,
            now=now,
            duration_ms=duration_ms,
            score=score,
        )
        requeued = self._requeue(prompt) if rating is Rating.AGAIN else None
        self.history.append(_Done(prompt, token, rating, outcome, requeued))
        self.ratings[rating] += 1
        self.seen.add(prompt.question.id)

    def _requeue(self, prompt: Prompt) -> Prompt:
        again = Prompt(prompt.question, prompt.mode, prompt.choice, prompt.truefalse, prompt.cloze)
        self.queue.insert(min(REQUEUE_GAP, len(self.queue)), again)
        return again

    def _next(self) -> None:
        self.outcome = Outcome()
        if self.queue:
            self.current, self.phase = self.queue.pop(0), "question"
        else:
            self.current, self.phase = None, "done"


def _is_correct(prompt: Prompt, text: str) -> bool | None:
    """Right or wrong; ``None`` when ``text`` is not a valid answer for the prompt."""
    lowered = text.lower()
    if prompt.choice is not None:
        chosen = _chosen(prompt, text)
        return None if chosen is None else chosen == prompt.choice.correct
    if prompt.truefalse is not None:
        if lowered not in ("t", "f", "y", "n", "true", "false", "yes", "no"):
            return None
        return lowered[0] in "ty" if prompt.truefalse.is_true else lowered[0] in "fn"
    if prompt.cloze is not None:
        return cloze_correct(prompt.cloze, text)
    return None


def _chosen(prompt: Prompt, text: str) -> int | None:
    number = parse_whole(text)
    if prompt.choice is None or number is None:
        return None
    return number - 1 if 0 < number <= len(prompt.choice.options) else None


# -- choosing questions and building prompts ---------------------------------------------


def due_questions(
    deck: Deck,
    deck_progress: DeckProgress,
    now: datetime,
    *,
    count: int,
    sections: list[int] | None = None,
    new_limit: int | None = None,
) -> list[Question]:
    """Due questions (most overdue first), then new ones in deck order; answered only."""
    pool = _pool(deck, sections)
    cards = deck_progress.cards
    due = [q for q in pool if q.id in cards and is_due(cards[q.id], now)]
    due.sort(key=lambda q: due_at(cards[q.id]) or now)
    new = [q for q in pool if q.id not in cards]
    limit = count if new_limit is None else new_limit
    return (due + new[: max(0, limit)])[: max(0, count)]


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


def _pool(deck: Deck, sections: list[int] | None) -> list[Question]:
    wanted = set(sections) if sections else None
    return [
        q for q in deck.questions if q.answered and (wanted is None or q.section_index in wanted)
    ]


# -- recording -------------------------------------------------------------------------


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
) -> Review:
    """Schedule and save one grade; the card keeps the question text for rewordings."""
    text = next((q.text for q in deck.questions if q.id == question_id), None)
    card = store.load().deck(deck.key).cards.get(question_id)
    new_card = review_card(card, question_id, rating, now, fuzz=fuzz)
    if text is not None:
        new_card["question"] = text
    review = Review(question_id, new_card_time(new_card), int(rating), mode, duration_ms, score)
    store.record(deck.key, review, new_card)
    return review


def new_card_time(card: dict[str, Any]) -> datetime:
    from flaskprep.scheduling import parse_time

    return parse_time(str(card["last_review"]))


@dataclass(slots=True)
class StoreRecorder:
    """Saves every grade to the progress store; undo restores the card it replaced."""

    store: ProgressStore
    deck: Deck
    fuzz: bool = True

    def record(
        self,
        question: Question,
        rating: Rating,
        *,
        mode: str,
        now: datetime,
        duration_ms: int,
        score: float | None,
    ) -> tuple[Review, dict[str, Any] | None]:
        previous = self.store.load().deck(self.deck.key).cards.get(question.id)
        review = record_grade(
            self.store,
            self.deck,
            question.id,
            rating,
            mode=mode,
            now=now,
            duration_ms=duration_ms,
            score=score,
            fuzz=self.fuzz,
        )
        return review, previous

    def undo(self, token: tuple[Review, dict[str, Any] | None]) -> None:
        review, previous = token
        self.store.undo(self.deck.key, review, previous)


class CramRecorder:
    """``--cram``: grades count for the summary but never touch the schedule or history."""

    def record(
        self,
        question: Question,
        rating: Rating,
        *,
        mode: str,
        now: datetime,
        duration_ms: int,
        score: float | None,
    ) -> None:
        return None

    def undo(self, token: Any) -> None:
        return None


def next_due(deck: Deck, deck_progress: DeckProgress, now: datetime) -> datetime | None:
    """When the next question of the deck falls due after ``now`` (None: nothing scheduled)."""
    ids = {q.id for q in deck.questions}
    dues = [due_at(c) for qid, c in deck_progress.cards.items() if qid in ids]
    future = [d for d in dues if d is not None and d > now]
    return min(future) if future else None


def due_count(deck: Deck, deck_progress: DeckProgress, now: datetime, within: timedelta) -> int:
    ids = {q.id for q in deck.questions}
    horizon = now + within
    return sum(
        1
        for qid, c in deck_progress.cards.items()
        if qid in ids and (d := due_at(c)) is not None and d <= horizon
    )


def reworded_questions(deck: Deck, deck_progress: DeckProgress) -> dict[str, str]:
    """``{new_id: old_id}`` for questions whose wording changed beyond a cosmetic edit.

    A question with no progress inherits the card of the most similar question that
    left the deck (token Jaccard similarity >= ``REWORD_SIMILARITY``, each old card
    used once). Old cards stay, so undoing the edit restores them.
    """
    from flaskprep.ids import normalise

    ids = {q.id for q in deck.questions}
    cards = deck_progress.cards
    taken = {c.get("carried_from") for c in cards.values()}
    orphans = {
        qid: set(normalise(str(c["question"])).split())
        for qid, c in cards.items()
        if qid not in ids and qid not in taken and c.get("question")
    }
    moves: dict[str, str] = {}
    for question in deck.questions:
        if question.id in cards or not orphans:
            continue
        words = set(normalise(question.text).split())
        best = max(orphans, key=lambda qid: _jaccard(words, orphans[qid]))
        if _jaccard(words, orphans[best]) >= REWORD_SIMILARITY:
            moves[question.id] = best
            del orphans[best]
    return moves


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
