"""``stats`` on decks with many sections: numbers equal a per-section recount, and the
table shows the sections needing practice plus one summed row."""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta, timezone

from rich.console import Console

from flaskprep.model import Deck, Question, Section
from flaskprep.scheduling import Rating, card_state, due_at, review_card
from flaskprep.stats import Counts, SectionStats, compute_stats, top_sections
from flaskprep.store import DeckProgress, Review
from flaskprep.ui.stats_view import SECTION_ROWS, render_sections

NOW = datetime(2026, 3, 11, 12, 0, tzinfo=timezone.utc)
UTC = timezone.utc


def many_sections(sections: int, per_section: int) -> Deck:
    built = []
    for s in range(sections):
        questions = tuple(
            Question(f"q{s}-{i}", f"Question {s}.{i}?", "Answer.", i, s, i + 1)
            for i in range(per_section)
        )
        built.append(Section(s + 1, f"Part {s + 1}", questions))
    return Deck.build("Big", "big.md", tuple(built), key="big")


def random_history(deck: Deck, reviews: int, rng: random.Random) -> DeckProgress:
    progress = DeckProgress()
    for index in range(reviews):
        question = rng.choice(deck.questions)
        at = NOW - timedelta(days=60) + timedelta(hours=index * 60 * 24 / max(reviews, 1))
        rating = Rating.AGAIN if rng.random() < 0.2 else Rating.GOOD
        card = progress.cards.get(question.id)
        progress.cards[question.id] = review_card(card, question.id, rating, at, fuzz=False)
        progress.reviews.append(Review(question.id, at, int(rating), "flash", 1000))
    return progress


def recount(questions: tuple[Question, ...], progress: DeckProgress) -> tuple[int, ...]:
    """The definitions in ``stats``'s docstring, applied to one section on its own."""
    ids = {q.id for q in questions}
    mine = sorted((r for r in progress.reviews if r.question_id in ids), key=lambda r: r.at)
    first_day: dict[str, object] = {}
    tested = kept = 0
    for r in mine:
        first = first_day.setdefault(r.question_id, r.at.date())
        if first < r.at.date() and r.at > NOW - timedelta(days=30):
            tested += 1
            kept += r.rating != Rating.AGAIN
    cards = [progress.cards.get(qid) for qid in ids]
    dues = [due_at(card) for card in cards]
    return (
        len(ids),
        sum(card_state(card) == "new" for card in cards),
        sum(1 for due in dues if due is not None and due <= NOW),
        len({r.question_id for r in mine}),
        len(mine),
        tested,
        kept,
    )


def as_tuple(counts: Counts) -> tuple[int, ...]:
    kept = round((counts.retention or 0.0) * counts.retention_reviews)
    return (counts.questions, counts.new, counts.due, counts.reviewed, counts.reviews,
            counts.retention_reviews, kept)  # fmt: skip


def test_section_numbers_equal_a_recount_of_each_section() -> None:
    deck = many_sections(40, 5)
    progress = random_history(deck, 600, random.Random(3))
    stats = compute_stats(deck, progress, NOW, UTC)
    for section, numbers in zip(deck.sections, stats.sections, strict=True):
        assert as_tuple(numbers.counts) == recount(section.questions, progress)
    assert as_tuple(stats.counts) == recount(deck.questions, progress)


def counts(due: int, retention: float | None = None, tested: int = 0) -> Counts:
    return Counts(10, 0, 10 - due, due, due, 10, 20, retention, tested)


def test_few_sections_are_all_shown() -> None:
    sections = [SectionStats(f"S{i}", counts(i)) for i in range(3)]
    assert top_sections(sections, 5) == (tuple(sections), None)


def test_many_sections_keep_the_most_due_in_deck_order_and_sum_the_rest() -> None:
    sections = [SectionStats(f"S{i}", counts(i % 7, 0.5, 4)) for i in range(30)]
    shown, rest = top_sections(sections, 5)
    assert [s.label for s in shown] == ["S5", "S6", "S13", "S20", "S27"]
    assert rest is not None and rest.label == "25 sections with fewer due"
    assert (rest.counts.questions, rest.counts.due) == (250, 85 - (4 * 6 + 5))
    assert (rest.counts.retention, rest.counts.retention_reviews) == (0.5, 100)


def test_the_section_table_stays_short_with_thousands_of_sections() -> None:
    sections = [SectionStats(f"Part {i}", counts(due=i % 3)) for i in range(5000)]
    console = Console(file=io.StringIO(), width=100)
    console.print(render_sections(sections))
    lines = console.file.getvalue().splitlines()
    assert len(lines) <= SECTION_ROWS + 3
    assert any("4,980 sections with fewer due" in line for line in lines)
