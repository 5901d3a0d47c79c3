"""The clock going backwards and time-zone changes neither crash nor lose a card."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from flaskprep.deck_cache import load_deck
from flaskprep.scheduling import Rating, review_card
from flaskprep.store import ProgressStore, Review
from saved_progress import saved

from .support import assert_ok, run, run_subprocess

DECK = "bundled:flask-interview-prep"


def document() -> dict[str, Any]:
    return saved()


def seed_ids() -> list[str]:
    return [q.id for q in load_deck().questions]


def future_grade(qid: str, days: int) -> None:
    """A grade stamped ``days`` ahead, as a machine with a fast clock would save it."""
    at = datetime.now(timezone.utc) + timedelta(days=days)
    card = review_card(None, qid, Rating.GOOD, at, fuzz=False)
    ProgressStore().record(DECK, Review(qid, at, 3, "flashcard", 800, None), card)


def test_reviews_dated_in_the_future_are_kept_and_nothing_crashes() -> None:
    ids = seed_ids()
    future_grade(ids[0], 400)  # over a year ahead: beyond every heatmap and forecast
    future_grade(ids[1], 1)
    for args, stdin in (
        (["quiz", "--count", "3"], "\n3\n\n2\n\n4\n"),
        (["stats"], ""),
        (["stats", "--json"], ""),
        (["interview", "--count", "2", "--seed", "3"], "an answer\nanother\n"),
        (["decks"], ""),
        (["quiz", "--cram", "--count", "2"], "\n3\n\n1\n"),
    ):
        result = run(*args, stdin=stdin)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.exit_code == 0, (args, result.stderr)
    deck = document()["decks"][DECK]
    assert {ids[0], ids[1]} <= set(deck["cards"])
    reviewed = [row[0] for row in deck["reviews"]]
    assert reviewed[:2] == [ids[0], ids[1]]
    assert len(reviewed) >= 5


def test_a_review_older_than_the_card_is_accepted_without_losing_the_card() -> None:
    """The clock jumped back between two grades of the same question."""
    qid = seed_ids()[0]
    future_grade(qid, 30)
    before = ProgressStore().load().deck(DECK).cards[qid]
    at = datetime.now(timezone.utc)
    card = review_card(before, qid, Rating.AGAIN, at, fuzz=False)
    ProgressStore().record(DECK, Review(qid, at, 1, "flashcard", 500, None), card)
    deck = document()["decks"][DECK]
    assert [row[2] for row in deck["reviews"]] == [3, 1]  # both grades are in the log
    assert qid in deck["cards"]
    assert_ok(run("stats"))


@pytest.mark.slow
def test_time_zone_change_between_sessions(tmp_path: Path) -> None:
    """Grade in Tokyo, continue in Los Angeles: same cards, same schedule, no crash."""
    tokyo_env = {"TZ": "Asia/Tokyo"}
    tokyo = run_subprocess("quiz", "--count", "3", stdin="\n3\n\n3\n\n3\n", env=tokyo_env)
    assert tokyo.returncode == 0, tokyo.stderr
    graded = document()["decks"][DECK]
    assert all(row[1].endswith("+00:00") for row in graded["reviews"])  # stored in UTC
    la_env = {"TZ": "America/Los_Angeles"}
    for args in (["stats", "--json"], ["stats"], ["decks"]):
        proc = run_subprocess(*args, env=la_env)
        assert proc.returncode == 0, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
    la = run_subprocess("quiz", "--count", "2", stdin="\n4\n\n4\n", env=la_env)
    assert la.returncode == 0, la.stderr
    ids = seed_ids()
    first_three = set(ids[:3])
    deck = document()["decks"][DECK]
    assert first_three <= set(deck["cards"])  # the Tokyo cards are all still there
    for qid in first_three:  # not asked again in LA: they are due 10 minutes after Tokyo
        assert deck["cards"][qid] == graded["cards"][qid]
    assert [row[0] for row in deck["reviews"]][3:] == ids[3:5]
    stats_tokyo = run_subprocess("stats", "--json", env=tokyo_env)
    stats_la = run_subprocess("stats", "--json", env=la_env)
    tokyo_stats, la_stats = (json.loads(s.stdout) for s in (stats_tokyo, stats_la))
    for field in ("questions", "new", "learning", "review", "reviewed", "reviews"):
        assert tokyo_stats[field] == la_stats[field], field
    assert la_stats["reviews"] == 5
