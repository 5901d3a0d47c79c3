"""Numbers from a deck's cards and review log, for ``flaskprep stats``.

Pure: ``now`` (UTC) and the user's time zone ``tz`` are parameters; "today" is
the local day of ``now`` in ``tz``. Definitions:

- new / learning / review: the card state (relearning counts as learning); a question
  without an answer is never asked, so it is not new.
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
from datetime import date, datetime, timedelta, timezone, tzinfo
from operator import attrgetter

from flaskprep.model import Deck, Question, Section
from flaskprep.scheduling import Rating, card_state, due_at
from flaskprep.store import DeckProgress, InterviewRecord, Review

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
    """Every number ``stats`` shows: one pass over the reviews, one over the questions."""
    today = now.astimezone(tz).date()
    history = History(progress.reviews, now, tz)
    cards = _cards(progress, deck.questions)
    titles = Counter(section.title for section in deck.sections)
    return DeckStats(
        deck_title=deck.title,
        today=today,
        counts=_counts(deck.questions, cards, history, now),
        due_tomorrow=_due_on(cards, deck.questions, today + timedelta(days=1), tz),
        streak=streak(history.days, today),
        sections=tuple(
            SectionStats(_label(s, i, titles), _counts(s.questions, cards, history, now))
            for i, s in enumerate(deck.sections)
        ),
        forecast=_forecast(cards, deck.questions, now, tz),
        heatmap=heatmap(history.days, today),
        interviews=interview_history(progress.interviews),
    )


class History:
    """Per question, its reviews and its recall tests of the last 30 days; reviews per day.

    A recall test is a review of a question already seen on an earlier local day
    (a test of memory, not first learning); it is kept when not rated Again.
    """

    def __init__(self, reviews: Iterable[Review], now: datetime, tz: tzinfo) -> None:
        since = now - timedelta(days=RETENTION_DAYS)
        days: dict[date, int] = {}
        self.tallies: dict[str, list[int]] = {}
        """Question id -> [reviews, recall tests, recall tests kept]."""
        first_day: dict[str, date] = {}
        local = LocalDay(tz)
        for review in sorted(reviews, key=_review_time):
            day = local.of(review.at)
            days[day] = days.get(day, 0) + 1
            tally = self.tallies.get(review.question_id)
            if tally is None:
                self.tallies[review.question_id] = [1, 0, 0]
                first_day[review.question_id] = day
                continue
            tally[0] += 1
            if first_day[review.question_id] < day and review.at > since:
                tally[1] += 1
                tally[2] += review.rating != Rating.AGAIN
        self.days: Counter[date] = Counter(days)


class LocalDay:
    """The local day of each moment, for moments in time order: the day's bounds are
    kept, so only a moment past them is converted (one conversion a day, not a review)."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self.day = date.min
        self.start = self.end = datetime.min.replace(tzinfo=timezone.utc)

    def of(self, moment: datetime) -> date:
        if not self.start <= moment < self.end:
            self.day = moment.astimezone(self.tz).date()
            midnight = datetime(self.day.year, self.day.month, self.day.day, tzinfo=self.tz)
            self.start = midnight.astimezone(timezone.utc)
            self.end = (midnight + timedelta(days=1)).astimezone(timezone.utc)
        return self.day


_review_time = attrgetter("at")


Cards = dict[str, tuple[str, datetime | None]]
"""Question id -> its card's state and due time, read once (``card_state``/``due_at`` parse)."""


def _cards(progress: DeckProgress, questions: Iterable[Question]) -> Cards:
    get = progress.cards.get
    return {q.id: (card_state(get(q.id)), due_at(get(q.id))) for q in questions}


def _label(section: Section, index: int, titles: Counter[str]) -> str:
    """A section's label; an unnumbered one whose title another shares gets the number
    ``browse`` shows for it (two "Basics" sections are "1. Basics" and "3. Basics")."""
    if section.number is None and titles[section.title] > 1:
        return f"{index + 1}. {section.title}"
    return section.label


def _counts(questions: Sequence[Question], cards: Cards, history: History, now: datetime) -> Counts:
    ids = {q.id for q in questions}
    unasked = {q.id for q in questions if not q.answered and cards[q.id][0] == "new"}
    states = Counter(cards[qid][0] for qid in ids - unasked)
    dues = (cards[qid][1] for qid in ids)
    tallies = [tally for tally in map(history.tallies.get, ids) if tally is not None]
    tested = sum(t[1] for t in tallies)
    kept = sum(t[2] for t in tallies)
    return Counts(
        questions=len(ids),
        new=states["new"],
        learning=states["learning"] + states["relearning"],
        review=states["review"],
        due=sum(1 for due in dues if due is not None and due <= now),
        reviewed=len(tallies),
        reviews=sum(t[0] for t in tallies),
        retention=kept / tested if tested else None,
        retention_reviews=tested,
    )


def _due_days(
    cards: Cards, questions: Iterable[Question], now: datetime, tz: tzinfo
) -> Counter[date]:
    """Reviewed cards per local due day; overdue cards count on today."""
    today = now.astimezone(tz).date()
    days: Counter[date] = Counter()
    for question in questions:
        due = cards[question.id][1]
        if due is not None:
            days[max(today, due.astimezone(tz).date())] += 1
    return days


def _due_on(cards: Cards, questions: Iterable[Question], day: date, tz: tzinfo) -> int:
    dues = (cards[q.id][1] for q in questions)
    return sum(1 for due in dues if due is not None and due.astimezone(tz).date() == day)


def _forecast(
    cards: Cards, questions: Iterable[Question], now: datetime, tz: tzinfo
) -> tuple[tuple[date, int], ...]:
    days = _due_days(cards, questions, now, tz)
    today = now.astimezone(tz).date()
    return tuple(
        (today + timedelta(days=n), days[today + timedelta(days=n)]) for n in range(FORECAST_DAYS)
    )


def forecast(
    progress: DeckProgress, questions: Iterable[Question], now: datetime, tz: tzinfo
) -> tuple[tuple[date, int], ...]:
    """Reviewed cards due on each of the next 7 local days (overdue ones on today)."""
    questions = list(questions)
    return _forecast(_cards(progress, questions), questions, now, tz)


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


def interview_history(records: Sequence[InterviewRecord]) -> tuple[InterviewSummary, ...]:
    """The last few interviews."""
    found = sorted((InterviewSummary(r.at, r.count, r.score) for r in records), key=lambda s: s.at)
    return tuple(found[-INTERVIEW_HISTORY:])


def top_sections(
    sections: Sequence[SectionStats], limit: int
) -> tuple[tuple[SectionStats, ...], SectionStats | None]:
    """At most ``limit`` sections, in deck order, and the others summed into one.

    The ones shown are those with the most questions due, then the lowest
    retention, then the first in the deck: where practice is needed.
    """
    if len(sections) <= limit:
        return tuple(sections), None
    ranked = sorted(
        range(len(sections)),
        key=lambda i: (-sections[i].counts.due, _retention_rank(sections[i].counts), i),
    )
    keep = sorted(ranked[:limit])
    rest = [sections[i].counts for i in ranked[limit:]]
    label = f"{len(rest):,} sections with fewer due"
    return tuple(sections[i] for i in keep), SectionStats(label, _sum_counts(rest))


def _retention_rank(counts: Counts) -> float:
    return 2.0 if counts.retention is None else counts.retention


def _sum_counts(parts: Sequence[Counts]) -> Counts:
    tested = sum(c.retention_reviews for c in parts)
    kept = sum(round((c.retention or 0.0) * c.retention_reviews) for c in parts)
    return Counts(
        questions=sum(c.questions for c in parts),
        new=sum(c.new for c in parts),
        learning=sum(c.learning for c in parts),
        review=sum(c.review for c in parts),
        due=sum(c.due for c in parts),
        reviewed=sum(c.reviewed for c in parts),
        reviews=sum(c.reviews for c in parts),
        retention=kept / tested if tested else None,
        retention_reviews=tested,
    )


def streak_across(decks: Sequence[DeckProgress], now: datetime, tz: tzinfo) -> int:
    """Days in a row with a review in any of these decks (``stats`` over a folder)."""
    days = Counter(r.at.astimezone(tz).date() for deck in decks for r in deck.reviews)
    return streak(days, now.astimezone(tz).date())
