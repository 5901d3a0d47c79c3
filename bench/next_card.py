"""Time grade → next card with a large review history (used by bench/inprocess.py).

A synthetic deck of ``questions`` questions is parsed, every question gets one
review (so the progress file holds ``questions`` cards and reviews, ~3 MB for
10,000), then a flash session is driven through the real store: each round is one
grade (FSRS, lock, re-check, save with fsync) plus rendering the next card into a
buffer. Run with FLASKPREP_HOME pointed at a temporary folder.

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
    with tempfile.TemporaryDirectory(prefix="fp-next-card-") as name:
        return _run(Path(name), questions, rounds)


def _run(folder: Path, questions: int, rounds: int) -> list[float]:
    from rich.console import Console

    from flaskprep.deck_cache import load_deck
    from flaskprep.learn.prompts import build_prompts
    from flaskprep.learn.recording import StoreRecorder
    from flaskprep.learn.session import Session
    from flaskprep.progress import ProgressStore
    from flaskprep.scheduling import Rating
    from flaskprep.ui.quiz_view import Screen, render

    deck = load_deck(write_deck(folder / "deck.md", questions))
    store = ProgressStore(folder / "progress.json")
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    _fill_history(store, deck, start)
    now = start + timedelta(days=400)
    prompts = build_prompts(deck, list(deck.questions[: rounds + 1]), "flash", random.Random(0))
    session = Session(prompts, StoreRecorder(store, deck))
    console = Console(file=io.StringIO(), width=100)
    screen = Screen(console, False, lambda p: {}, [deck.title])
    times: list[float] = []
    for index in range(rounds):
        session.reveal()
        began = time.perf_counter()
        session.grade(Rating.GOOD, now + timedelta(seconds=index), 1000)
        console.print(render(session, screen))
        times.append(time.perf_counter() - began)
    return times


def _fill_history(store: object, deck: object, start: datetime) -> None:
    from flaskprep.model import Deck
    from flaskprep.progress import ProgressStore, Review
    from flaskprep.scheduling import Rating, review_card

    assert isinstance(store, ProgressStore) and isinstance(deck, Deck)
    progress = store.load()
    history = progress._deck_for_update(deck.key)
    for index, question in enumerate(deck.questions):
        at = start + timedelta(minutes=index)
        card = review_card(None, question.id, Rating.GOOD, at, fuzz=False)
        history.cards[question.id] = {**card, "question": question.text}
        history.reviews.append(Review(question.id, at, 3, "flash", 4000))
    store._save(progress, None)


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
