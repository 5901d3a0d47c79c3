"""Statistics from a hand-built progress with a fixed clock, and the pictures drawn from them."""

from __future__ import annotations

import io
import zoneinfo
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
from rich.console import Console

from flaskprep.documents import stats_document
from flaskprep.model import Deck, Question, Section
from flaskprep.stats import History, compute_stats, heatmap, streak
from flaskprep.store import CardState, DeckProgress, InterviewRecord, Phase, Review
from flaskprep.ui.stats_view import render_forecast, render_heatmap, render_stats

NOW = datetime(2026, 3, 11, 12, 0, tzinfo=timezone.utc)  # a Wednesday
UTC = timezone.utc


def make_deck() -> Deck:
    def question(qid: str, section: int, position: int) -> Question:
        return Question(qid, f"Question {qid}?", f"Answer {qid}.", position, section, position)

    first = Section(1, "Routing", tuple(question(f"a{i}", 0, i) for i in range(1, 4)))
    second = Section(2, "Templates", tuple(question(f"b{i}", 1, i) for i in range(1, 3)))
    return Deck.build("Test deck", "test.md", (first, second), key="test")


def card(state: int, due: datetime, last: datetime) -> CardState:
    return CardState(1, Phase(state), None, 5.0, 5.0, due, last)


def review(qid: str, days_ago: float, rating: int = 3) -> Review:
    return Review(qid, NOW - timedelta(days=days_ago), rating, "flash", 4000)


def hand_built() -> DeckProgress:
    return DeckProgress(
        cards={
            "a1": card(2, NOW - timedelta(hours=1), NOW - timedelta(days=2)),  # review, due now
            "a2": card(1, NOW + timedelta(days=1), NOW - timedelta(days=1)),  # learning, tomorrow
            "b1": card(3, NOW + timedelta(days=3), NOW),  # relearning counts as learning
            "gone": card(2, NOW - timedelta(days=1), NOW - timedelta(days=5)),  # left the deck
        },
        reviews=[
            review("a1", 10),
            review("a1", 5, rating=1),  # recall failed
            review("a1", 2),  # recall kept
            review("a2", 1),
            review("a2", 1 - 1 / 24),  # same day again: still learning, not recall
            review("b1", 40),
            review("b1", 35),  # recall, but older than 30 days
            review("b1", 0),  # recall kept (today)
            review("gone", 5),
        ],
        interviews=[InterviewRecord(NOW - timedelta(days=3), 5, 5, 0.6)],
    )


def test_counts_states_due_and_reviews() -> None:
    stats = compute_stats(make_deck(), hand_built(), NOW, UTC)
    counts = stats.counts
    assert (counts.questions, counts.new, counts.learning, counts.review) == (5, 2, 2, 1)
    assert counts.due == 1
    assert stats.due_tomorrow == 1
    assert counts.reviewed == 3
    assert counts.reviews == 8  # the review of a question no longer in the deck is left out


def test_retention_counts_recall_reviews_of_the_last_30_days_not_rated_again() -> None:
    counts = compute_stats(make_deck(), hand_built(), NOW, UTC).counts
    assert counts.retention_reviews == 3  # a1 day -5, a1 day -2, b1 today
    assert counts.retention == 2 / 3


def test_retention_is_none_without_recall_reviews() -> None:
    progress = DeckProgress(reviews=[review("a1", 0)])
    assert compute_stats(make_deck(), progress, NOW, UTC).counts.retention is None


def test_sections_have_their_own_counts() -> None:
    sections = compute_stats(make_deck(), hand_built(), NOW, UTC).sections
    assert [s.label for s in sections] == ["1. Routing", "2. Templates"]
    routing, templates = (s.counts for s in sections)
    assert (routing.questions, routing.reviewed, routing.due, routing.retention) == (3, 2, 1, 0.5)
    assert (templates.questions, templates.new, templates.retention) == (2, 1, 1.0)


def test_streak_ends_today_or_yesterday() -> None:
    today = NOW.date()
    days = {today: 2, today - timedelta(days=1): 1, today - timedelta(days=2): 4}
    assert streak(days, today) == 3
    del days[today]
    assert streak(days, today) == 2  # nothing yet today: the streak is not broken
    assert streak({today - timedelta(days=2): 1}, today) == 0


def test_days_follow_the_local_time_zone() -> None:
    late_evening = timezone(timedelta(hours=-5))
    progress = DeckProgress(reviews=[Review("a1", NOW.replace(hour=3), 3, "flash", 1)])
    in_utc = compute_stats(make_deck(), progress, NOW, UTC)
    in_new_york = compute_stats(make_deck(), progress, NOW, late_evening)
    assert dict(in_utc.heatmap)[NOW.date()] == 1
    assert dict(in_new_york.heatmap)[NOW.date() - timedelta(days=1)] == 1
    assert in_utc.streak == 1 and in_new_york.streak == 1


def test_forecast_puts_overdue_cards_on_today() -> None:
    forecast = compute_stats(make_deck(), hand_built(), NOW, UTC).forecast
    assert len(forecast) == 7
    assert forecast[0] == (NOW.date(), 1)
    assert dict(forecast)[NOW.date() + timedelta(days=1)] == 1
    assert dict(forecast)[NOW.date() + timedelta(days=3)] == 1


def test_heatmap_covers_twelve_weeks_from_a_monday_to_today() -> None:
    days = heatmap({NOW.date(): 3}, NOW.date())
    assert days[0][0].weekday() == 0
    assert days[-1] == (NOW.date(), 3)
    assert len(days) == 11 * 7 + 3  # 11 full weeks, then Monday to Wednesday


def test_interview_history_keeps_the_last_reports_in_time_order() -> None:
    progress = hand_built()
    progress.interviews.insert(0, InterviewRecord(NOW - timedelta(days=1), 2, 5, 0.9))
    stats = compute_stats(make_deck(), progress, NOW, UTC)
    assert [(i.count, i.score) for i in stats.interviews] == [(5, 0.6), (2, 0.9)]


def test_json_document_has_the_documented_keys() -> None:
    deck = make_deck()
    document = stats_document([(deck, compute_stats(deck, hand_built(), NOW, UTC))], streak=1)
    for key in ("questions", "reviewed", "reviews", "due", "sections", "retention", "streak"):
        assert key in document
    assert document["sections"][0]["section"] == "1. Routing"
    assert document["heatmap"][-1] == {"date": "2026-03-11", "reviews": 1}


def render(renderable: object) -> str:
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_heatmap_shows_a_cell_for_each_day_with_reviews() -> None:
    today = NOW.date()
    reviewed = {today: 8, today - timedelta(days=2): 2, date(2026, 1, 5): 4}
    text = render(render_heatmap(heatmap(reviewed, today), today))
    rows = {line[:3]: line for line in text.splitlines()}
    assert rows["Mon"].count("▒") == 1 and rows["Mon"].count("░") == 1  # 5 Jan, 9 March
    assert rows["Wed"].rstrip().endswith("█")  # today, the busiest day
    grid = "".join(text.splitlines()[2:9])  # title, months, then seven weekday rows
    assert sum(grid.count(shade) for shade in "░▒▓█") == 3
    assert "less · ░ ▒ ▓ █ more" in text
    assert "14 reviews" in text


def test_heatmap_without_reviews_is_all_dots() -> None:
    text = render(render_heatmap(heatmap({}, NOW.date()), NOW.date()))
    grid = [line for line in text.splitlines() if line[:3] in {"Mon", "Wed", "Fri"}]
    assert all(set(line[4:].strip()) == {"·", " "} for line in grid)


def test_forecast_chart_labels_days_and_counts() -> None:
    forecast = compute_stats(make_deck(), hand_built(), NOW, UTC).forecast
    lines = render(render_forecast(forecast, NOW.date())).splitlines()
    assert lines[1].startswith("Today") and lines[1].rstrip().endswith(" 1")
    assert lines[2].startswith("Thu 12")


def test_full_stats_view_shows_numbers_bars_and_history() -> None:
    text = render(render_stats(compute_stats(make_deck(), hand_built(), NOW, UTC)))
    assert "Questions 5" in text
    assert "Retention 30d 67%" in text
    assert "1. Routing" in text and "50%" in text
    assert "Mock interviews" in text and "60%" in text


def test_one_reviewed_question_is_singular() -> None:
    progress = DeckProgress(
        cards={"a1": card(1, NOW + timedelta(minutes=10), NOW)}, reviews=[review("a1", 0)]
    )
    text = render(render_stats(compute_stats(make_deck(), progress, NOW, UTC)))
    assert "Reviewed 1 question " in text + " " and "1 questions" not in text


@pytest.mark.parametrize(
    "zone",
    ["Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"],
)
def test_reviews_count_on_the_local_day_they_were_made_across_clock_changes(zone: str) -> None:
    """Two years of reviews every 37 minutes, through daylight-saving changes (Sao Paulo's
    came at midnight, Lord Howe's are half an hour): each day counts what ``astimezone`` says."""
    try:
        tz = zoneinfo.ZoneInfo(zone)
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip(f"no time zone data for {zone}")
    start = datetime(2017, 1, 1, tzinfo=UTC)
    moments = [start + timedelta(minutes=37 * n) for n in range(2 * 365 * 24 * 60 // 37)]
    reviews = [Review("a1", at, 3, "flash", 1) for at in moments]
    expected = Counter(at.astimezone(tz).date() for at in moments)
    assert History(reviews, moments[-1], tz).days == expected


def test_retention_says_why_it_is_empty_after_a_first_day_of_reviews() -> None:
    deck = make_deck()
    first_day = DeckProgress(reviews=[review("a1", 0.01), review("a2", 0.02)])
    text = render(render_stats(compute_stats(deck, first_day, NOW, UTC)))
    assert "Retention 30d — (from day 2)" in text
    untouched = render(render_stats(compute_stats(deck, DeckProgress(), NOW, UTC)))
    assert "Retention 30d —" in untouched and "day 2" not in untouched


def test_a_question_without_an_answer_is_not_new_it_is_never_asked() -> None:
    deck = make_deck()
    unanswered = Question("b3", "Question b3?", "", 3, 1, 3)
    second = deck.sections[1]
    deck = Deck.build(
        "Test deck",
        "test.md",
        (deck.sections[0], Section(2, "Templates", (*second.questions, unanswered))),
        key="test",
    )
    counts = compute_stats(deck, hand_built(), NOW, UTC).counts
    assert (counts.questions, counts.new) == (6, 2)


def test_sections_of_one_title_are_told_apart_by_their_browse_number() -> None:
    deck = make_deck()
    first, second = deck.sections
    twins = (
        Section(None, "Basics", first.questions),
        Section(None, "Basics", second.questions),
    )
    deck = Deck.build("Test deck", "test.md", twins, key="test")
    labels = [s.label for s in compute_stats(deck, hand_built(), NOW, UTC).sections]
    assert labels == ["1. Basics", "2. Basics"]
