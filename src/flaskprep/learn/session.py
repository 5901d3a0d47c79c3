"""A quiz session as a pure state machine: which card, which phase, what was graded.

A controller (``cli/quiz_loop.py``) turns key presses into calls (``reveal``,
``grade``, ``answer``, ``proceed``, ``skip``, ``undo``, ``quit``) and a renderer
shows ``session.current`` and ``session.phase``. Grades go through a
:class:`~flaskprep.learn.recording.Recorder`, so the session does no I/O; time
(``now``) and randomness (``rng``) are parameters.

Phases: ``question`` (prompt shown) → ``answer`` (flash: answer revealed, waiting
for a rating; type: score shown, waiting to accept or override the proposed rating)
→ next; choice, true/false and cloze go ``question`` → ``feedback`` → next.

Learning steps, as FSRS and Anki mean them: Again (or Hard on a card still in
learning) leaves the card on a learning step that ends minutes later; the recorder
says when. The card comes back once that step is due, but never twice in a row
before an unseen card, and cards not seen yet are never pushed out: when only
repeats are left they are asked in due order, early if need be.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from flaskprep.grading import Grade, grade
from flaskprep.learn.modes import Mode
from flaskprep.learn.prompts import Prompt, answer_matches, reshuffled
from flaskprep.learn.recording import Recorded, Recorder
from flaskprep.scheduling import Rating, rating_from_score
from flaskprep.user_number import parse_whole

Phase = Literal["question", "answer", "feedback", "done"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the user answered and how it went (shown in ``answer``/``feedback``)."""

    correct: bool | None = None
    rating: Rating | None = None
    typed: str = ""
    grade: Grade | None = None
    chosen: int | None = None


@dataclass(frozen=True, slots=True)
class Repeat:
    """A failed card waiting for its learning step to end."""

    prompt: Prompt
    due: datetime


@dataclass(frozen=True, slots=True)
class Tally:
    """The summary's counts: each question seen is right, wrong or skipped once (its
    first answer); later answers to the same question are counted as repeats."""

    right: int
    wrong: int
    skipped: int
    ratings: Counter[Rating]
    """Ratings of first answers (``right`` is Hard + Good + Easy, ``wrong`` is Again)."""
    repeats: int
    repeats_right: int

    @property
    def seen(self) -> int:
        return self.right + self.wrong + self.skipped


@dataclass(slots=True)
class _Done:
    prompt: Prompt
    repeat: bool
    recorded: Recorded
    rating: Rating
    outcome: Outcome
    requeued: Repeat | None


@dataclass(slots=True)
class Session:
    fresh: list[Prompt]
    """Cards not shown yet, in order."""
    recorder: Recorder
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    idf: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    """Each question's deck's term rarity, by question id, for grading typed answers (as
    ``check`` grades them: a folder's other decks do not change a score)."""
    now: datetime | None = None
    """The latest time the controller told us; picks which repeats are due."""
    repeats: list[Repeat] = field(default_factory=list)
    current: Prompt | None = None
    is_repeat: bool = False
    phase: Phase = "question"
    outcome: Outcome = field(default_factory=Outcome)
    history: list[_Done] = field(default_factory=list)
    skips: list[bool] = field(default_factory=list)
    """One entry per skip: whether the skipped card was a repeat."""
    total: int = 0
    _current_due: datetime | None = None

    def __post_init__(self) -> None:
        self.total = len(self.fresh)
        self._next()

    # -- what the screen shows ------------------------------------------------------------

    @property
    def position(self) -> int:
        """How many different questions have been put so far (the current one included)."""
        return self.total - len(self.fresh)

    @property
    def to_repeat(self) -> int:
        return len(self.repeats)

    @property
    def answered(self) -> bool:
        """Whether any card was rated or skipped (a session without answers has no summary)."""
        return bool(self.history or self.skips)

    def tally(self) -> Tally:
        firsts = [d for d in self.history if not d.repeat]
        again = [d for d in self.history if d.repeat]
        ratings = Counter(d.rating for d in firsts)
        wrong = ratings[Rating.AGAIN]
        return Tally(
            right=len(firsts) - wrong,
            wrong=wrong,
            skipped=self.skips.count(False),
            ratings=ratings,
            repeats=len(again),
            repeats_right=sum(1 for d in again if d.rating is not Rating.AGAIN),
        )

    # -- what the user does ---------------------------------------------------------------

    def reveal(self) -> None:
        if self.phase == "question" and self._mode() == "flash":
            self.phase = "answer"

    def grade(self, rating: Rating, now: datetime, duration_ms: int) -> None:
        """Flash: rate the revealed answer. Type: accept or override the proposal."""
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
        correct = answer_matches(prompt, text.strip())
        if correct is None:
            return
        rating = Rating.GOOD if correct else Rating.AGAIN
        outcome = Outcome(correct, rating, typed=text, chosen=_chosen(prompt, text))
        self._record(rating, now, duration_ms, None, outcome)
        self.outcome, self.phase = outcome, "feedback"

    def proceed(self, now: datetime | None = None) -> None:
        if self.phase == "feedback":
            self._next(now)

    def skip(self, now: datetime | None = None) -> None:
        if self.current is not None and self.phase in ("question", "answer"):
            self.skips.append(self.is_repeat)
            self._next(now)

    def undo(self) -> bool:
        """Take the last rating back; its card is shown again. False if none."""
        if not self.history:
            return False
        done = self.history.pop()
        self.recorder.undo(done.recorded.token)
        if done.requeued is not None:
            self.repeats = [r for r in self.repeats if r is not done.requeued]
        if self.current is not None and self.phase != "feedback":
            self._put_back()
        self.current, self.is_repeat = done.prompt, done.repeat
        back_to_answer = done.prompt.mode in ("flash", "type")
        self.phase = "answer" if back_to_answer else "question"
        self.outcome = done.outcome if back_to_answer else Outcome()
        return True

    def quit(self) -> None:
        self.current, self.phase = None, "done"

    # -- inside ---------------------------------------------------------------------------

    def _mode(self) -> Mode | None:
        return self.current.mode if self.current is not None else None

    def _propose(self, prompt: Prompt, text: str) -> None:
        question = prompt.question
        result = grade(text, question.answer, self.idf.get(question.id), question=question.text)
        self.outcome = Outcome(None, rating_from_score(result.score), typed=text, grade=result)
        self.phase = "answer"

    def _record(
        self, rating: Rating, now: datetime, duration_ms: int, score: float | None, outcome: Outcome
    ) -> None:
        assert self.current is not None
        prompt = self.current
        self.now = now
        recorded = self.recorder.record(
            prompt, rating, now=now, duration_ms=duration_ms, score=score
        )
        requeued = None
        if rating in (Rating.AGAIN, Rating.HARD) and recorded.step_due is not None:
            requeued = Repeat(reshuffled(prompt, self.rng), recorded.step_due)
            self.repeats.append(requeued)
        self.history.append(_Done(prompt, self.is_repeat, recorded, rating, outcome, requeued))

    def _put_back(self) -> None:
        assert self.current is not None
        if self.is_repeat:
            self.repeats.append(Repeat(self.current, self._current_due or self._clock()))
        else:
            self.fresh.insert(0, self.current)

    def _clock(self) -> datetime:
        if self.now is not None:
            return self.now
        return self.repeats[0].due if self.repeats else datetime.max

    def _next(self, now: datetime | None = None) -> None:
        self.now = now or self.now
        self.outcome = Outcome()
        self.repeats.sort(key=lambda r: r.due)
        due = bool(self.repeats) and self.repeats[0].due <= self._clock()
        if self.repeats and (not self.fresh or (due and not self.is_repeat)):
            repeat = self.repeats.pop(0)
            self.current, self.is_repeat, self._current_due = repeat.prompt, True, repeat.due
        elif self.fresh:
            self.current, self.is_repeat, self._current_due = self.fresh.pop(0), False, None
        else:
            self.current, self.phase = None, "done"
            return
        self.phase = "question"


def _chosen(prompt: Prompt, text: str) -> int | None:
    number = parse_whole(text)  # not isdigit(): "²" passes it and int() refuses it
    if prompt.choice is None or number is None:
        return None
    return number - 1 if 0 < number <= len(prompt.choice.options) else None
