"""Time grade → next card with a large review history (used by bench/inprocess.py).

A synthetic deck of ``questions`` questions is parsed, every question gets one
review (so the progress file holds ``questions`` cards and reviews, ~3 MB for
10,000), then a flash session is driven through a fresh store, opened as ``flaskprep
quiz`` opens it before its first card (reading the file is the first card's cost, not
the first grade's): each round is one grade (FSRS, lock, catch up, one fsynced log
line) plus rendering the next card into a buffer, the first grade included. Run with
FLASKPREP_HOME pointed at a temporary folder.

Usage: ``python bench/next_card.py [QUESTIONS] [ROUNDS]`` prints the median in ms.
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from generate_deck import write_deck


def time_grade_to_next(questions: int = 10_000, rounds: int = 30) -> list[float]:
    """Seconds per grade → next card, one entry per round."""
    return time_sessions(questions, 1, rounds)[0]


def time_sessions(questions: int, sessions: int, rounds: int) -> list[list[float]]:
    """Seconds per grade → next card in ``sessions`` sessions of ``rounds`` grades each,
    each with a new store opened as ``flaskprep quiz`` opens it (so each first grade is
    the first append of a session); the history is written once."""
    with tempfile.TemporaryDirectory(prefix="fp-next-card-") as name:
        return _run(Path(name), questions, sessions, rounds)


def _run(folder: Path, questions: int, sessions: int, rounds: int) -> list[list[float]]:
    from rich.console import Console

    from flaskprep.deck_cache import load_deck
    from flaskprep.learn.prompts import build_prompts
    from flaskprep.learn.recording import StoreRecorder
    from flaskprep.learn.session import Session
    from flaskprep.scheduling import Rating
    from flaskprep.store import ProgressStore
    from flaskprep.ui.quiz_view import Screen, render

    deck = load_deck(write_deck(folder / "deck.md", questions))
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    _fill_history(folder / "progress.json", deck, start)
    now = start + timedelta(days=400)
    console = Console(file=io.StringIO(), width=100)
    screen = Screen(console, False, lambda p: {}, [deck.title])
    found: list[list[float]] = []
    for number in range(sessions):
        store = ProgressStore(folder / "progress.json")
        store.check_writable()  # what `flaskprep quiz` does before its first card
        chosen = list(deck.questions[number * (rounds + 1) : (number + 1) * (rounds + 1)])
        session = Session(
            build_prompts(deck, chosen, "flash", random.Random(number)), StoreRecorder(store, deck)
        )
        times: list[float] = []
        for index in range(rounds):
            session.reveal()
            began = time.perf_counter()
            session.grade(Rating.GOOD, now + timedelta(minutes=number, seconds=index), 1000)
            console.print(render(session, screen))
            times.append(time.perf_counter() - began)
        found.append(times)
    return found


def _fill_history(path: Path, deck: object, start: datetime) -> None:
    """Write a progress file holding one review per question, as a long-time user has."""
    from dataclasses import replace

    from flaskprep.model import Deck
    from flaskprep.scheduling import Rating, review_card
    from flaskprep.store import Progress, Review
    from flaskprep.store.snapshot import write_new

    assert isinstance(deck, Deck)
    progress = Progress()
    history = progress.deck_for_update(deck.key)
    for index, question in enumerate(deck.questions):
        at = start + timedelta(minutes=index)
        card = review_card(None, question.id, Rating.GOOD, at, fuzz=False)
        history.cards[question.id] = replace(card, question=question.text)
        history.reviews.append(Review(question.id, at, Rating.GOOD, "flash", 4000))
    write_new(path, progress)


def main(argv: list[str]) -> int:
    questions = int(argv[0]) if argv else 10_000
    rounds = int(argv[1]) if len(argv) > 1 else 30
    times = time_grade_to_next(questions, rounds)
    print(
        f"grade -> next card, {questions} questions of history: median "
        f"{statistics.median(times) * 1000:.1f} ms, first {times[0] * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {rounds} rounds"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
