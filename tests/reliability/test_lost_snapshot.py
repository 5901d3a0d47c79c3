"""An unreadable snapshot (``progress.json``) loses no review and, with the CLI's
store, no card: the review history and log beside it are read back from their copies."""

from __future__ import annotations

import errno
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import SEED
from flaskprep import paths
from flaskprep.parsing import parse_deck
from flaskprep.scheduling import Rating, replay, review_card
from flaskprep.store import CardState, InterviewRecord, ProgressStore, Review

from .support import run

NOW = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)
DECK = "bundled:flask-interview-prep"
A, B, C = (q.id for q in parse_deck(SEED).questions[:3])


def grade(store: ProgressStore, qid: str, days: int, rating: Rating = Rating.GOOD) -> CardState:
    at = NOW + timedelta(days=days)
    card = review_card(store.load().deck(DECK).cards.get(qid), qid, rating, at, fuzz=False)
    store.record(DECK, Review(qid, at, rating, "flash", 1000), card)
    return card


@pytest.fixture
def history() -> dict[str, CardState]:
    """Grades before a compaction (in the review history) and after it (in the log)."""
    store = ProgressStore()
    grade(store, A, 0)
    grade(store, B, 0, Rating.AGAIN)
    cards = {A: grade(store, A, 3)}
    cards[B] = grade(store, B, 1)
    store.reset(DECK, ["not-a-question"])  # any rewrite compacts: the above go to the history
    cards[C] = grade(store, C, 4)
    store.add_interview(DECK, InterviewRecord(NOW + timedelta(days=4), 2, 2, 0.75))
    return cards


def break_snapshot() -> Path:
    snapshot = paths.progress_file()
    snapshot.write_bytes(b'{"version": 2, "decks": {')
    return snapshot


def test_every_review_and_card_comes_back_from_the_history_and_log(
    history: dict[str, CardState],
) -> None:
    before = ProgressStore().load().deck(DECK).reviews
    snapshot = break_snapshot()
    store = ProgressStore(rebuild=replay)
    deck = store.load().deck(DECK)
    assert [r.id for r in deck.reviews] == [r.id for r in before]
    assert deck.cards == history  # the log's card as saved; the others replayed to the same
    assert [i.score for i in deck.interviews] == [0.75]  # the log's interview
    [notice] = store.notices
    assert "rebuilt it from its review history (5 reviews, 3 cards)" in notice
    assert "(its review log and history too)" in notice  # they were set aside as well
    [kept] = snapshot.parent.glob("progress.json.corrupt-*")
    assert kept.read_bytes() == b'{"version": 2, "decks": {'
    assert ProgressStore().load().deck(DECK).cards == history  # saved, not only in memory


def test_without_a_scheduler_the_reviews_and_the_logs_cards_are_kept(
    history: dict[str, CardState],
) -> None:
    break_snapshot()
    deck = ProgressStore().load().deck(DECK)
    assert len(deck.reviews) == 5
    assert deck.cards == {C: history[C]}


def test_a_damaged_history_copy_still_leaves_the_logs_grades(
    history: dict[str, CardState],
) -> None:
    break_snapshot()
    paths.progress_file().with_name("progress.reviews.json").write_bytes(b"\x00garbage")
    deck = ProgressStore(rebuild=replay).load().deck(DECK)
    assert [r.question_id for r in deck.reviews] == [C]
    assert deck.cards == {C: history[C]}


def test_stats_after_a_broken_snapshot_still_counts_every_review(
    history: dict[str, CardState],
) -> None:
    break_snapshot()
    result = run("stats", "--json")
    assert result.exit_code == 0
    assert '"reviews": 5' in result.stdout
    assert '"new": 60' in result.stdout  # 63 questions, 3 of them reviewed
    said = " ".join(result.stderr.split())  # one notice, wrapped to the terminal's width
    assert said.startswith("progress file was unreadable")
    assert said.endswith("rebuilt it from its review history (5 reviews, 3 cards)")


def test_a_full_disk_while_reading_back_still_answers_and_keeps_the_copies(
    history: dict[str, CardState], monkeypatch: pytest.MonkeyPatch
) -> None:
    break_snapshot()
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    store = ProgressStore(rebuild=replay)
    assert store.load().decks == {}
    [notice] = store.notices
    assert "started fresh (what its copies hold could not be saved" in notice
    monkeypatch.setattr(os, "write", real_write)
    folder = paths.progress_file().parent
    [history_copy] = folder.glob("progress.reviews.json.corrupt-*")
    assert history_copy.stat().st_size > 0  # the reviews wait there, untouched
