"""Numbers from a deck's cards and review log, for ``flaskprep stats``.

Pure: ``now`` (UTC) and the user's time zone ``tz`` are parameters; "today" is
the local day of ``now`` in ``tz``. Definitions:

- new / learning / review: the card state (relearning counts as learning).
- due now: reviewed cards whose due time has passed (new cards are never "due").
- due tomorrow: reviewed cards falling due during tomorrow's local day.
- reviewed / reviews: distinct questions of the deck with a review, and their
  reviews in total (progress of questions no longer in the deck is not counted).
- retention (last 30 days): of the reviews of questions already seen on an
  earlier local day (recall, not first learning), the share not rated Again;
  ``None`` with no such review.
- streak: consecutive local days with at least one review, ending today, or
  yesterday when nothing was reviewed yet today.
- forecast: reviewed cards due on each of the next 7 local days (overdue ones on
  today); heatmap: reviews per local day over the last 12 weeks (Monday-based).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from flaskprep.model import Deck, Question
from flaskprep.progress import DeckProgress, Review
from flaskprep.scheduling import Rating, card_state, due_at, parse_time

RETENTION_DAYS = 30
FORECAST_DAYS = 7
HEATMAP_WEEKS = 12
INTERVIEW_HISTORY = 5


@dataclass(frozen=True, slots=True)
class Counts:
    questions: int
    new: int
    learning: int
    review: int
    due: int
    reviewed: int
    reviews: int
    retention: float | None
    retention_reviews: int


@dataclass(frozen=True, slots=True)
class SectionStats:
    label: str
    counts: Counts


@dataclass(frozen=True, slots=True)
class InterviewSummary:
    at: datetime
    count: int
    score: float


@dataclass(frozen=True, slots=True)
class DeckStats:
    deck_title: str
    today: date
    counts: Counts
    due_tomorrow: int
    streak: int
    sections: tuple[SectionStats, ...]
    forecast: tuple[tuple[date, int], ...]
    heatmap: tuple[tuple[date, int], ...]
    """Every day from the Monday 11 weeks before this week's Monday up to today."""
    interviews: tuple[InterviewSummary, ...]


def compute_stats(deck: Deck, progress: DeckProgress, now: datetime, tz: tzinfo) -> DeckStats:
    today = now.astimezone(tz).date()
    recall = recall_reviews(progress.reviews, tz)
    sections = tuple(
        SectionStats(s.label, _counts(s.questions, progress, recall, now)) for s in deck.sections
    )
    days = Counter(r.at.astimezone(tz).date() for r in progress.reviews)
    return DeckStats(
        deck_title=deck.title,
        today=today,
        counts=_counts(deck.questions, progress, recall, now),
        due_tomorrow=_due_on(progress, deck.questions, today + timedelta(days=1), tz),
        streak=streak(days, today),
        sections=sections,
        forecast=forecast(progress, deck.questions, now, tz),
        heatmap=heatmap(days, today),
        interviews=interview_history(progress.interviews),
    )


def recall_reviews(reviews: Iterable[Review], tz: tzinfo) -> set[Review]:
    """Reviews of a question already seen on an earlier local day (tests of memory)."""
    first_day: dict[str, date] = {}
    found: set[Review] = set()
    for review in sorted(reviews, key=lambda r: r.at):
        day = review.at.astimezone(tz).date()
        first = first_day.setdefault(review.question_id, day)
        if first < day:
            found.add(review)
    return found


def _counts(
    questions: Sequence[Question], progress: DeckProgress, recall: set[Review], now: datetime
) -> Counts:
    ids = {q.id for q in questions}
    states = Counter(card_state(progress.cards.get(qid)) for qid in ids)
    reviews = [r for r in progress.reviews if r.question_id in ids]
    since = now - timedelta(days=RETENTION_DAYS)
    tested = [r for r in reviews if r in recall and r.at > since]
    kept = sum(1 for r in tested if r.rating != Rating.AGAIN)
    return Counts(
        questions=len(ids),
        new=states["new"],
        learning=states["learning"] + states["relearning"],
        review=states["review"],
        due=sum(1 for qid in ids if _is_overdue(progress, qid, now)),
        reviewed=len({r.question_id for r in reviews}),
        reviews=len(reviews),
        retention=kept / len(tested) if tested else None,
        retention_reviews=len(tested),
    )


def _is_overdue(progress: DeckProgress, question_id: str, now: datetime) -> bool:
    due = due_at(progress.cards.get(question_id))
    return due is not None and due <= now


def _due_days(
    progress: DeckProgress, questions: Iterable[Question], now: datetime, tz: tzinfo
) -> Counter[date]:
    """Reviewed cards per local due day; overdue cards count on today."""
    today = now.astimezone(tz).date()
    days: Counter[date] = Counter()
    for question in questions:
        due = due_at(progress.cards.get(question.id))
        if due is not None:
            days[max(today, due.astimezone(tz).date())] += 1
    return days


def _due_on(progress: DeckProgress, questions: Iterable[Question], day: date, tz: tzinfo) -> int:
    dues = (due_at(progress.cards.get(q.id)) for q in questions)
    return sum(1 for due in dues if due is not None and due.astimezone(tz).date() == day)


def forecast(
    progress: DeckProgress, questions: Iterable[Question], now: datetime, tz: tzinfo
) -> tuple[tuple[date, int], ...]:
    days = _due_days(progress, questions, now, tz)
    today = now.astimezone(tz).date()
    return tuple(
        (today + timedelta(days=n), days[today + timedelta(days=n)]) for n in range(FORECAST_DAYS)
    )


def streak(days: Counter[date] | dict[date, int], today: date) -> int:
    day = today if days.get(today) else today - timedelta(days=1)
    count = 0
    while days.get(day):
        count += 1
        day -= timedelta(days=1)
    return count


def heatmap(days: Counter[date] | dict[date, int], today: date) -> tuple[tuple[date, int], ...]:
    start = today - timedelta(days=today.weekday(), weeks=HEATMAP_WEEKS - 1)
    span = (today - start).days + 1
    return tuple(
        (start + timedelta(days=n), days.get(start + timedelta(days=n), 0)) for n in range(span)
    )


def interview_history(reports: Sequence[dict[str, Any]]) -> tuple[InterviewSummary, ...]:
    """The last few interviews (reports that cannot be read are skipped)."""
    found: list[InterviewSummary] = []
    for report in reports:
        try:
            at = parse_time(str(report["at"]))
            found.append(InterviewSummary(at, int(report["count"]), float(report["score"])))
        except (KeyError, TypeError, ValueError):
            continue
    found.sort(key=lambda s: s.at)
    return tuple(found[-INTERVIEW_HISTORY:])


def streak_across(decks: Sequence[DeckProgress], now: datetime, tz: tzinfo) -> int:
    """Days in a row with a review in any of these decks (``stats`` over a folder)."""
    days = Counter(r.at.astimezone(tz).date() for deck in decks for r in deck.reviews)
    return streak(days, now.astimezone(tz).date())
