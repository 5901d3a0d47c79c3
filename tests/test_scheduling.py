"""FSRS wrapper: stable ids, UTC handling, previews, score thresholds."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from flaskprep.scheduling import (
    Rating,
    card_id_for,
    card_state,
    due_at,
    format_interval,
    is_due,
    preview_intervals,
    rating_from_score,
    review_card,
)

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


def test_new_card_is_due_and_new() -> None:
    assert card_state(None) == "new"
    assert is_due(None, NOW)
    assert due_at(None) is None


def test_good_on_new_card_schedules_learning_step_in_minutes() -> None:
    card = review_card(None, "4f1c09ab", Rating.GOOD, NOW, fuzz=False)
    assert card_state(card) == "learning"
    assert due_at(card) == NOW + timedelta(minutes=10)
    assert not is_due(card, NOW)
    assert is_due(card, NOW + timedelta(minutes=10))


def test_card_id_is_stable_and_derived_from_question_id() -> None:
    card = review_card(None, "4f1c09ab", Rating.GOOD, NOW, fuzz=False)
    assert card.card_id == card_id_for("4f1c09ab") == 0x4F1C09AB + 1
    assert card_id_for("4f1c09ab-2") != card_id_for("4f1c09ab")


def test_previews_grow_with_the_rating() -> None:
    previews = preview_intervals(None, "abc", NOW)
    assert previews[Rating.AGAIN] < previews[Rating.HARD] < previews[Rating.GOOD]
    assert previews[Rating.GOOD] < previews[Rating.EASY]
    assert format_interval(previews[Rating.AGAIN]) == "1m"
    assert format_interval(previews[Rating.EASY]).endswith("d")


def test_graduated_card_reaches_review_state_after_days() -> None:
    card = review_card(None, "abc", Rating.GOOD, NOW, fuzz=False)
    card = review_card(card, "abc", Rating.GOOD, NOW + timedelta(minutes=10), fuzz=False)
    assert card_state(card) == "review"
    due = due_at(card)
    assert due is not None and due - NOW >= timedelta(days=1)


def test_now_in_another_time_zone_is_stored_as_utc() -> None:
    paris = timezone(timedelta(hours=2))
    card = review_card(None, "abc", Rating.EASY, NOW.astimezone(paris), fuzz=False)
    assert card.last_review == NOW and card.last_review.utcoffset() == timedelta(0)
    assert card.due.tzinfo == timezone.utc


def test_review_before_last_review_clock_backwards_does_not_crash() -> None:
    card = review_card(None, "abc", Rating.EASY, NOW, fuzz=False)
    earlier = review_card(card, "abc", Rating.AGAIN, NOW - timedelta(days=3), fuzz=False)
    assert card_state(earlier) == "relearning"
    again = review_card(earlier, "abc", Rating.GOOD, NOW - timedelta(days=5), fuzz=False)
    assert due_at(again) is not None


def test_the_wording_kept_with_a_card_survives_a_review() -> None:
    card = replace(review_card(None, "abc", Rating.GOOD, NOW, fuzz=False), question="What?")
    assert review_card(card, "abc", Rating.GOOD, NOW, fuzz=False).question == "What?"


@pytest.mark.parametrize(
    ("score", "rating"),
    [
        (0.0, Rating.AGAIN),
        (0.29, Rating.AGAIN),
        (0.3, Rating.HARD),
        (0.59, Rating.HARD),
        (0.6, Rating.GOOD),
        (0.84, Rating.GOOD),
        (0.85, Rating.EASY),
        (1.0, Rating.EASY),
    ],
)
def test_rating_from_score_thresholds(score: float, rating: Rating) -> None:
    assert rating_from_score(score) is rating


def test_format_interval_units() -> None:
    assert format_interval(timedelta(minutes=10)) == "10m"
    assert format_interval(timedelta(hours=5)) == "5h"
    assert format_interval(timedelta(days=4)) == "4d"
    assert format_interval(timedelta(days=90)) == "3mo"
    assert format_interval(timedelta(days=730)) == "2y"
