"""The progress store: round trips, concurrent writers, undo, reset."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

from flaskprep import paths
from flaskprep.scheduling import Rating, review_card
from flaskprep.store import VERSION, CardState, InterviewRecord, ProgressStore, Review

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
DECK = "bundled:flask-interview-prep"


def grade(store: ProgressStore, qid: str, at: datetime, rating: Rating = Rating.GOOD) -> Review:
    previous = store.load().deck(DECK).cards.get(qid)
    review = Review(qid, at, int(rating), "flash", 1500)
    store.record(DECK, review, review_card(previous, qid, rating, at, fuzz=False))
    return review


def test_default_path_is_under_flaskprep_home(isolated_home: Path) -> None:
    assert ProgressStore().path == isolated_home / "data" / "progress.json"
    assert paths.progress_file() == ProgressStore().path


def test_missing_file_is_empty_progress(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    assert store.load().deck(DECK).reviews == []
    assert store.notices == []


def test_recorded_grades_round_trip_in_a_versioned_private_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "progress.json"
    store = ProgressStore(path)
    grade(store, "aaaa0001", NOW)
    grade(store, "aaaa0002", NOW + timedelta(seconds=5), Rating.AGAIN)
    document = json.loads(path.read_text())
    assert document["version"] == VERSION
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    deck = ProgressStore(path).load().deck(DECK)
    assert [(r.question_id, r.rating, r.at) for r in deck.reviews] == [
        ("aaaa0001", 3, NOW),
        ("aaaa0002", 1, NOW + timedelta(seconds=5)),
    ]
    assert set(deck.cards) == {"aaaa0001", "aaaa0002"}
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_two_terminals_keep_both_sets_of_reviews(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    first, second = ProgressStore(path), ProgressStore(path)
    first.load()
    second.load()
    for minute in range(3):
        grade(first, f"aaaa000{minute}", NOW + timedelta(minutes=minute))
        grade(second, f"bbbb000{minute}", NOW + timedelta(minutes=minute, seconds=30))
    deck = ProgressStore(path).load().deck(DECK)
    assert len(deck.reviews) == 6
    assert len(deck.cards) == 6


def test_a_grade_with_the_clock_set_back_still_updates_the_card(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    grade(store, "aaaa0001", NOW + timedelta(days=30), Rating.EASY)  # clock was ahead
    grade(store, "aaaa0001", NOW, Rating.AGAIN)  # clock fixed: review dated earlier
    deck = ProgressStore(path).load().deck(DECK)
    assert [r.rating for r in deck.reviews] == [4, 1]
    assert deck.cards["aaaa0001"].last_review == NOW
    assert deck.cards["aaaa0001"].phase == 3  # relearning after Again


def test_undo_removes_the_review_and_restores_the_card(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    grade(store, "aaaa0001", NOW)
    before = store.load().deck(DECK).cards["aaaa0001"]
    review = grade(store, "aaaa0001", NOW + timedelta(minutes=10))
    store.undo(DECK, review, before)
    deck = ProgressStore(store.path).load().deck(DECK)
    assert len(deck.reviews) == 1
    assert deck.cards["aaaa0001"] == before


def test_undo_of_a_first_review_makes_the_question_new_again(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    review = grade(store, "aaaa0001", NOW)
    store.undo(DECK, review, None)
    deck = ProgressStore(store.path).load().deck(DECK)
    assert deck.reviews == [] and deck.cards == {}


def test_reset_forgets_only_the_given_questions(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    grade(store, "aaaa0001", NOW)
    grade(store, "aaaa0002", NOW)
    assert store.reset(DECK, ["aaaa0001", "ffff0000"]) == 1
    deck = ProgressStore(store.path).load().deck(DECK)
    assert set(deck.cards) == {"aaaa0002"}
    assert [r.question_id for r in deck.reviews] == ["aaaa0002"]
    assert store.reset(DECK, None) == 1


def test_decks_never_mix(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    grade(store, "aaaa0001", NOW)
    card = review_card(None, "aaaa0001", Rating.AGAIN, NOW, fuzz=False)
    store.record("/decks/mine.md", Review("aaaa0001", NOW, 1, "flash", 5), card)
    progress = ProgressStore(store.path).load()
    assert len(progress.deck(DECK).reviews) == 1
    assert progress.deck("/decks/mine.md").cards == {"aaaa0001": card}


def test_interview_reports_are_kept(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    record = InterviewRecord(NOW, 3, 5, 0.7)
    store.add_interview(DECK, record)
    assert ProgressStore(store.path).load().deck(DECK).interviews == [record]


def test_carry_over_copies_the_old_card_and_keeps_the_old_one(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    grade(store, "aaaa0001", NOW)
    store.carry_over(DECK, {"bbbb0002": "aaaa0001"})
    cards = ProgressStore(store.path).load().deck(DECK).cards
    assert cards["bbbb0002"].carried_from == "aaaa0001"
    assert "aaaa0001" in cards


def test_reviews_of_vanished_questions_are_kept_on_save(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    grade(store, "0dd00001", NOW)
    grade(store, "aaaa0001", NOW + timedelta(minutes=1))
    assert {r.question_id for r in ProgressStore(store.path).load().deck(DECK).reviews} == {
        "0dd00001",
        "aaaa0001",
    }


def test_a_changed_file_is_re_read_before_saving(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    grade(store, "aaaa0001", NOW)
    other = ProgressStore(path)
    grade(other, "bbbb0001", NOW + timedelta(seconds=1))
    grade(store, "cccc0001", NOW + timedelta(seconds=2))
    assert len(ProgressStore(path).load().deck(DECK).reviews) == 3


def test_incremental_saves_match_the_state_in_memory(tmp_path: Path) -> None:
    """Saves re-encode only what changed; the file must still equal the full state."""
    import random

    rng = random.Random(3)
    store = ProgressStore(tmp_path / "progress.json")
    done: list[tuple[Review, CardState | None]] = []
    for step in range(120):
        qid = f"{rng.randrange(40):08x}"
        roll = rng.random()
        if roll < 0.15 and done:
            review, previous = done.pop()
            store.undo(DECK, review, previous)
        elif roll < 0.18:
            store.reset(DECK, [qid])
        elif roll < 0.2:
            store.add_interview("other:deck", InterviewRecord(NOW, step, step, 0.5))
        else:
            previous = store.load().deck(DECK).cards.get(qid)
            done.append((grade(store, qid, NOW + timedelta(minutes=step)), previous))
        memory, disk = store.load(), ProgressStore(store.path).load()
        assert set(memory.decks) == set(disk.decks)
        for key, deck in memory.decks.items():
            assert disk.decks[key].cards == deck.cards
            assert disk.decks[key].reviews == deck.reviews
            assert disk.decks[key].interviews == deck.interviews
