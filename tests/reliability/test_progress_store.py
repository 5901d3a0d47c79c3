"""The progress store, round two: linked files, grades in one clock tick, hand-edited values.

Each test here failed on the store that rewrote ``progress.json`` at every grade and
de-duplicated reviews on (question, time, mode).
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from flaskprep import paths, rewording
from flaskprep.errors import ProgressError
from flaskprep.model import Deck, Question, Section
from flaskprep.scheduling import Rating, review_card
from flaskprep.store import DeckProgress, ProgressStore, Review
from saved_progress import saved

from .support import CLEAN_DECK, assert_ok, assert_refused, run

DECK = "bundled:flask-interview-prep"
NOW = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def grade(store: ProgressStore, qid: str, at: datetime = NOW) -> Review:
    previous = store.load().deck(DECK).cards.get(qid)
    review = Review(qid, at, Rating.GOOD, "flashcard", 1000)
    store.record(DECK, review, review_card(previous, qid, Rating.GOOD, at, fuzz=False))
    return review


# -- a linked progress.json stays a link ---------------------------------------------------


@pytest.fixture
def synced(tmp_path: Path) -> Path:
    """A folder outside the data folder, as a synced folder would be."""
    folder = tmp_path / "synced"
    folder.mkdir()
    paths.progress_file().parent.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_linked_progress_file_stays_a_link_and_its_target_is_saved(synced: Path) -> None:
    target = synced / "progress.json"
    link = paths.progress_file()
    link.symlink_to(target)
    for n in range(3):
        grade(ProgressStore(), f"aaaa000{n}", NOW + timedelta(minutes=n))
    ProgressStore().reset(DECK, ["aaaa0000"])  # a full rewrite goes to the target too
    assert link.is_symlink() and link.resolve() == target
    assert [row[0] for row in saved(target)["decks"][DECK]["reviews"]] == ["aaaa0001", "aaaa0002"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not [p for p in link.parent.iterdir() if p != link]  # nothing written beside the link


def test_a_linked_review_log_stays_a_link(synced: Path) -> None:
    log = paths.progress_file().with_name("progress.log.jsonl")
    log.symlink_to(synced / "reviews.jsonl")
    for n in range(3):
        grade(ProgressStore(), f"bbbb000{n}", NOW + timedelta(minutes=n))
    assert log.is_symlink()
    assert (synced / "reviews.jsonl").read_bytes().count(b'"grade"') >= 1
    assert len(ProgressStore().load().deck(DECK).reviews) == 3


def test_a_link_to_a_file_that_is_not_progress_is_refused_and_untouched(synced: Path) -> None:
    target = synced / "notes.txt"
    target.write_text("my notes, not JSON\n")
    target.chmod(0o644)
    link = paths.progress_file()
    link.symlink_to(target)
    for args in (["stats"], ["quiz", "-n", "1"], ["reset", "--yes"]):
        result = run(*args, stdin="q\n")
        assert_refused(result, "progress", exit_code=result.exit_code or 2)
        assert result.exit_code != 0
    assert link.is_symlink() and target.read_text() == "my notes, not JSON\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(p.name for p in synced.iterdir()) == ["notes.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_link_to_a_fifo_or_a_folder_is_refused_with_one_line(synced: Path) -> None:
    os.mkfifo(synced / "pipe")
    (synced / "folder").mkdir()
    for name in ("pipe", "folder"):
        link = paths.progress_file()
        link.unlink(missing_ok=True)
        link.symlink_to(synced / name)
        with pytest.raises(ProgressError, match="not a regular file") as info:
            ProgressStore().load()
        assert "\n" not in str(info.value)


def test_a_dangling_link_gets_its_target_created(synced: Path) -> None:
    link = paths.progress_file()
    link.symlink_to(synced / "new.json")
    grade(ProgressStore(), "cccc0001")
    assert link.is_symlink() and (synced / "new.json").is_file()
    assert [r.question_id for r in ProgressStore().load().deck(DECK).reviews] == ["cccc0001"]


# -- every review has its own identity --------------------------------------------------------


def test_grades_in_the_same_clock_tick_are_all_kept() -> None:
    """A frozen or coarse clock: same question, same instant, same mode, twice."""
    store = ProgressStore()
    first, second = grade(store, "dddd0001"), grade(store, "dddd0001")
    assert first.id != second.id
    assert len(ProgressStore().load().deck(DECK).reviews) == 2
    store.undo(DECK, second, store.load().deck(DECK).cards["dddd0001"])
    assert [r.id for r in ProgressStore().load().deck(DECK).reviews] == [first.id]


def test_a_quiz_on_a_frozen_clock_saves_every_grade_it_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Three cards failed, each asked again at the same frozen instant: six grades, six saved."""
    from flaskprep.cli import quiz_run

    monkeypatch.setattr(quiz_run, "_now", lambda: NOW)
    result = run("quiz", "--count", "3", stdin="\n1\n" * 6)
    assert_ok(result)
    assert "Again 3" in result.stdout and "Repeated 3 times" in result.stdout
    reviews = ProgressStore().load().deck(DECK).reviews
    assert len(reviews) == 6 and len({r.at for r in reviews}) == 1


# -- hand-edited values: set aside, never a traceback, never a lock-out --------------------------

GOOD_CARD = {
    "card_id": 1,
    "state": 2,
    "step": None,
    "stability": 5.0,
    "difficulty": 5.0,
    "due": "2025-03-05T00:00:00+00:00",
    "last_review": "2025-03-01T00:00:00+00:00",
}
BAD_CARDS = {
    "nan-stability": {**GOOD_CARD, "stability": float("nan")},
    "negative-difficulty": {**GOOD_CARD, "difficulty": -3},
    "infinite-stability": {**GOOD_CARD, "stability": float("inf")},
    "negative-step": {**GOOD_CARD, "state": 1, "step": -1},
    "due-at-calendar-end": {**GOOD_CARD, "due": "9999-12-31T23:59:59+00:00"},
    "reviewed-in-year-1": {**GOOD_CARD, "last_review": "0001-01-01T00:00:00+01:00"},
    "list-for-a-date": {**GOOD_CARD, "due": ["2025"]},
    "bool-state": {**GOOD_CARD, "state": True},
    "question-a-list": {**GOOD_CARD, "question": ["x"]},
}
BAD_REVIEWS = [
    ["q1", "2025-03-01T00:00:00+00:00", 9, "flash", 1, None],
    ["q1", "2025-03-01T00:00:00+00:00", 3, ["flash"], 1, None],
    ["q1", "2025-03-01T00:00:00+00:00", 3, "flash", -5, None],
    ["q1", "2025-03-01T00:00:00+00:00", 3, "flash", 1, float("inf")],
    ["\ud800", "2025-03-01T00:00:00+00:00", 3, "flash", 1, None],
]


def hand_edited(progress_path: Path) -> bytes:
    cards = {f"{name[:6]}{n:02d}": card for n, (name, card) in enumerate(BAD_CARDS.items())}
    cards["f00d0001"] = GOOD_CARD
    good_review = ["f00d0001", "2025-03-01T00:00:00+00:00", 3, "flash", 1, 0.5]
    interviews = [
        {"at": "2025-03-01T00:00:00+00:00", "count": 1, "score": float("inf")},
        {"at": "2025-03-01T00:00:00+00:00", "count": 2, "score": 0.5},
    ]
    deck = {"cards": cards, "reviews": [*BAD_REVIEWS, good_review], "interviews": interviews}
    raw = json.dumps({"version": 1, "decks": {DECK: deck, "\ud800": {}}}).encode()
    progress_path.parent.mkdir(parents=True, exist_ok=True)
    progress_path.write_bytes(raw)
    return raw


def test_bad_values_are_set_aside_and_the_rest_kept() -> None:
    raw = hand_edited(paths.progress_file())
    store = ProgressStore()
    deck = store.load().deck(DECK)
    assert list(deck.cards) == ["f00d0001"]
    assert [r.question_id for r in deck.reviews] == ["f00d0001"]
    assert [i.count for i in deck.interviews] == [2]
    notices = [n for n in store.notices if "unreadable entr" in n]
    assert len(notices) == 1 and "\n" not in notices[0]
    [kept] = paths.progress_file().parent.glob("progress.json.corrupt-*")
    assert kept.read_bytes() == raw  # the user's values are all still there
    assert str(kept) in notices[0]


@pytest.mark.parametrize(
    "args", [["stats"], ["stats", "--json"], ["decks"], ["quiz", "-n", "2"], ["reset", "--yes"]]
)
def test_no_command_is_locked_out_by_bad_values(args: list[str]) -> None:
    hand_edited(paths.progress_file())
    result = run(*args, stdin="\n3\n\n3\n")
    assert_ok(result)
    if "--json" in args:
        json.loads(result.stdout, parse_constant=lambda name: pytest.fail(f"{name} in --json"))


def test_reset_works_on_a_file_of_nothing_but_bad_values() -> None:
    hand_edited(paths.progress_file())
    assert_ok(run("reset", "--yes"))
    assert ProgressStore().load().deck(DECK).cards == {}


# -- reworded-question matching with thousands of orphans ------------------------------------


def orphaned(count: int) -> tuple[Deck, DeckProgress]:
    """A deck of ``count`` new questions and ``count`` cards of questions that left it."""
    questions = tuple(
        Question(f"{n:08x}", f"How does feature {n} of module {n % 97} work here?", "A.", n, 0, n)
        for n in range(count)
    )
    deck = Deck.build("Big", "big.md", (Section(1, "All", questions),), key="big")
    cards = {
        f"0dd{n:05x}": replace(
            review_card(None, f"0dd{n:05x}", Rating.GOOD, NOW, fuzz=False),
            question=f"Why is gadget {n} of part {n % 89} broken now?",
        )
        for n in range(count)
    }
    return deck, DeckProgress(cards=cards)


def test_reworded_matching_compares_few_pairs_with_thousands_of_orphans(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    deck, progress = orphaned(2000)
    calls = 0
    real = rewording._jaccard

    def counted(a: frozenset[str], b: frozenset[str]) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(rewording, "_jaccard", counted)
    memo = tmp_path / "reworded-none"
    assert rewording.reworded_questions(deck, progress, remember=memo) == {}
    assert calls < 2000 * 2000 // 50  # the quadratic search made 2000 x 2000
    calls = 0
    assert rewording.reworded_questions(deck, progress, remember=memo) == {}
    assert calls == 0  # nothing changed since: the result is remembered


# -- a deck's progress follows the deck ---------------------------------------------------------


def deck_keyed_progress(path: Path) -> dict[str, Any]:
    return {k: d for k, d in saved()["decks"].items() if not k.startswith("bundled:")}


def test_a_moved_deck_keeps_its_progress(tmp_path: Path) -> None:
    deck = tmp_path / "interview.md"
    deck.write_text(CLEAN_DECK)
    assert_ok(run("--deck", str(deck), "quiz", "-n", "1", stdin="\n4\n"))
    moved = tmp_path / "renamed" / "flask.md"
    moved.parent.mkdir()
    deck.rename(moved)
    result = run("--deck", str(moved), "quiz", "-n", "1", stdin="q\n")
    assert_ok(result)
    assert "follows the deck" in result.stderr
    [(key, kept)] = deck_keyed_progress(moved).items()
    assert key.endswith("flask.md") and len(kept["cards"]) == 1 and len(kept["reviews"]) == 1


def test_a_copied_deck_starts_afresh_and_the_original_keeps_its_own(tmp_path: Path) -> None:
    deck = tmp_path / "interview.md"
    deck.write_text(CLEAN_DECK)
    assert_ok(run("--deck", str(deck), "quiz", "-n", "1", stdin="\n4\n"))
    copy = tmp_path / "copy.md"
    copy.write_text(CLEAN_DECK)
    assert_ok(run("--deck", str(copy), "quiz", "-n", "1", stdin="\n4\n"))
    assert_ok(run("--deck", str(copy), "reset", "--yes"))
    progress = deck_keyed_progress(deck)
    [original] = [d for k, d in progress.items() if k.endswith("interview.md")]
    assert len(original["cards"]) == 1  # reset of the copy never wipes the original
