"""A mock interview: pick questions, time them, grade the typed answers, report.

Pure: the clock (``now``) and randomness (``rng``) are parameters. Questions are
drawn across sections, weighted towards due and weak ones (weighted sampling
without replacement, then no section gets more than its share while others have
questions left). The command layer asks, reads and saves; this module decides.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flaskprep.grading import Grade, grade
from flaskprep.model import Deck, Question
from flaskprep.scheduling import Rating, card_state, is_due
from flaskprep.store import DeckProgress, InterviewAnswerRecord, InterviewRecord, Review

NEW_WEIGHT = 1.0
DUE_BONUS = 2.0
WEAK_BONUS = 2.0
KNOWN_WEIGHT = 0.5
WEAK_SCORE = 0.6
"""A last typed-answer score below this marks a question as weak."""


@dataclass(frozen=True, slots=True)
class InterviewAnswer:
    question: Question
    answer: str
    grade: Grade
    duration_ms: int


@dataclass(frozen=True, slots=True)
class InterviewReport:
    started: datetime
    planned: int
    answers: tuple[InterviewAnswer, ...]
    minutes: float | None = None
    timed_out: bool = False
    skipped: int = 0

    @property
    def score(self) -> float:
        """Mean score of the questions answered (0 when none was)."""
        if not self.answers:
            return 0.0
        return sum(a.grade.score for a in self.answers) / len(self.answers)


def question_weight(question: Question, progress: DeckProgress, now: datetime) -> float:
    """How much a question deserves a place: due and weak ones first, well-known ones last."""
    return _weight(question, progress, _last_reviews(progress.reviews), now)


def pick_questions(
    deck: Deck,
    progress: DeckProgress,
    *,
    count: int,
    sections: Sequence[int] = (),
    now: datetime,
    rng: random.Random,
) -> list[Question]:
    """Up to ``count`` answered questions spread over the chosen (default: all) sections."""
    chosen = set(sections) if sections else set(range(len(deck.sections)))
    pool = [q for q in deck.questions if q.answered and q.section_index in chosen]
    last = _last_reviews(progress.reviews)
    keyed = sorted(
        pool,
        key=lambda q: rng.random() ** (1.0 / _weight(q, progress, last, now)),
        reverse=True,
    )
    return _spread(keyed, count)


def _weight(
    question: Question, progress: DeckProgress, last: Mapping[str, Review], now: datetime
) -> float:
    card = progress.cards.get(question.id)
    if card_state(card) == "new":
        return NEW_WEIGHT
    review = last.get(question.id)
    weak = review is not None and _is_weak(review)
    return KNOWN_WEIGHT + (DUE_BONUS if is_due(card, now) else 0.0) + (WEAK_BONUS if weak else 0.0)


def _spread(ranked: Sequence[Question], count: int) -> list[Question]:
    """Best-ranked first, at most a fair share per section while others still have some."""
    sections = {q.section_index for q in ranked}
    cap = math.ceil(count / len(sections)) if sections else 0
    taken: list[Question] = []
    per_section: dict[int, int] = {}
    for question in ranked:
        if len(taken) < count and per_section.get(question.section_index, 0) < cap:
            taken.append(question)
            per_section[question.section_index] = per_section.get(question.section_index, 0) + 1
    rest = [q for q in ranked if q not in taken]
    return taken + rest[: count - len(taken)]


def _last_reviews(reviews: Sequence[Review]) -> dict[str, Review]:
    last: dict[str, Review] = {}
    for review in reviews:
        if review.question_id not in last or last[review.question_id].at <= review.at:
            last[review.question_id] = review
    return last


def _is_weak(review: Review) -> bool:
    if review.score is not None and review.score < WEAK_SCORE:
        return True
    return review.rating <= Rating.HARD


@dataclass
class Interview:
    """The interview in progress: its questions, clock and the answers so far."""

    questions: tuple[Question, ...]
    started: datetime
    minutes: float | None = None
    idf: Mapping[str, float] | None = None
    answers: list[InterviewAnswer] = field(default_factory=list)
    skipped: list[Question] = field(default_factory=list)

    @property
    def asked(self) -> int:
        """Questions answered or skipped so far."""
        return len(self.answers) + len(self.skipped)

    @property
    def deadline(self) -> datetime | None:
        return None if self.minutes is None else self.started + timedelta(minutes=self.minutes)

    def time_left(self, now: datetime) -> timedelta | None:
        deadline = self.deadline
        return None if deadline is None else max(timedelta(0), deadline - now)

    def out_of_time(self, now: datetime) -> bool:
        left = self.time_left(now)
        return left is not None and left <= timedelta(0)

    def next_question(self, now: datetime) -> Question | None:
        """The next question to ask, or ``None`` when all are asked or time is up."""
        if self.out_of_time(now) or self.asked >= len(self.questions):
            return None
        return self.questions[self.asked]

    def answer(self, text: str, asked: datetime, now: datetime) -> InterviewAnswer:
        """Grade the answer to the current question (an answer started in time counts)."""
        question = self.questions[self.asked]
        result = grade(text, question.answer, self.idf, question=question.text)
        duration = max(0, round((now - asked).total_seconds() * 1000))
        answered = InterviewAnswer(question, text, result, duration)
        self.answers.append(answered)
        return answered

    def skip(self) -> None:
        """Pass on the current question: no grade, no review."""
        self.skipped.append(self.questions[self.asked])

    def report(self, now: datetime) -> InterviewReport:
        timed_out = self.out_of_time(now) and self.asked < len(self.questions)
        return InterviewReport(
            self.started,
            len(self.questions),
            tuple(self.answers),
            self.minutes,
            timed_out,
            len(self.skipped),
        )


def interview_record(report: InterviewReport) -> InterviewRecord:
    """What the progress file keeps of an interview (``stats`` shows at/count/score)."""
    return InterviewRecord(
        at=report.started,
        count=len(report.answers),
        planned=report.planned,
        score=round(report.score, 4),
        minutes=report.minutes,
        timed_out=report.timed_out,
        skipped=report.skipped,
        answers=tuple(
            InterviewAnswerRecord(
                a.question.id, a.grade.score, tuple(a.grade.missing), a.duration_ms
            )
            for a in report.answers
        ),
    )
