"""Several flaskprep processes grading against one progress file at the same time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from flaskprep.store import ProgressStore
from saved_progress import saved

from .support import flaskprep_command

GRADER = Path(__file__).parent / "fixtures" / "grader.py"
DECK = "bundled:flask-interview-prep"
WRITERS = 4
EACH = 50


def reviews(deck: str = DECK) -> list[list[object]]:
    document = saved()
    return list(document["decks"][deck]["reviews"])


def big_deck(folder: Path) -> Path:
    """More new questions than four quizzes ask, so a late starter still finds 50."""
    lines = ["# Big", "", "## 1. All"]
    for n in range(WRITERS * EACH + EACH):
        lines += [f"- Question number {n}?", f"  - **Answer:** Answer number {n}."]
    path = folder / "big.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_four_quizzes_grading_fifty_each_keep_all_two_hundred_reviews(tmp_path: Path) -> None:
    """``flaskprep quiz --count 50`` x4 through the line protocol, all started together."""
    answers = tmp_path / "answers.txt"
    answers.write_text("\n3\n" * EACH)  # reveal, grade Good; 50 times
    deck = big_deck(tmp_path)
    procs = []
    for _ in range(WRITERS):  # input from a file, so all four grade at once
        with answers.open() as stdin:
            procs.append(
                subprocess.Popen(
                    [*flaskprep_command(), "--deck", str(deck), "quiz", "--count", str(EACH)],
                    stdin=stdin,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
    results = [proc.communicate(timeout=240) for proc in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        assert f"Seen {EACH} question" in out
    rows = reviews(str(deck.resolve()))
    assert len(rows) == WRITERS * EACH
    assert len({(row[0], row[1]) for row in rows}) == WRITERS * EACH
    store = ProgressStore()
    assert len(store.load().deck(str(deck.resolve())).reviews) == WRITERS * EACH
    assert store.notices == []


@pytest.mark.slow
def test_four_store_writers_released_at_once(tmp_path: Path) -> None:
    """The store API in four interpreters, held at a barrier so their saves truly overlap."""
    barrier = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, str(GRADER), f"w{n}q", str(EACH), str(barrier)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    for proc in procs:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
    barrier.touch()
    outputs = [proc.communicate(timeout=240) for proc in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert out.count("ack ") == EACH
    ids = [str(row[0]) for row in reviews()]
    expected = {f"w{n}q{i:04d}" for n in range(WRITERS) for i in range(EACH)}
    assert sorted(ids) == sorted(expected)
    cards = saved()["decks"][DECK]["cards"]
    assert expected <= set(cards)
