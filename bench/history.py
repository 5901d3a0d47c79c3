"""Write a progress file holding a long review history of a deck (used by bench/run).

``reviews`` reviews are spread over the year before 30 days ago across the deck's
questions (deterministically), and each reviewed question's card is scheduled from
its last three reviews, so cards are due now, as after a break. The file is written
where ``flaskprep`` will look (``FLASKPREP_HOME``), through the store's own encoder.

Usage: ``python bench/history.py DECK REVIEWS``
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

MODES = ("flash", "choice", "type", "cloze")


def write_history(deck_path: Path, reviews: int, seed: int = 0) -> Path:
    from flaskprep import paths
    from flaskprep.deck_cache import deck_key, load_deck
    from flaskprep.scheduling import review_card
    from flaskprep.store import Progress, Rating, Review
    from flaskprep.store.snapshot import write_new

    deck = load_deck(deck_path)
    rng = random.Random(seed)
    end = datetime.now(timezone.utc) - timedelta(days=30)
    step = timedelta(days=365) / max(reviews, 1)
    progress = Progress()
    history = progress.deck_for_update(deck_key(deck_path))
    recent: dict[str, list[tuple[datetime, Rating]]] = {}
    for index in range(reviews):
        question = deck.questions[rng.randrange(len(deck.questions))]
        at = end - timedelta(days=365) + step * index
        rating = Rating.AGAIN if rng.random() < 0.15 else Rating.GOOD
        history.reviews.append(Review(question.id, at, rating, rng.choice(MODES), 4000))
        recent.setdefault(question.id, []).append((at, rating))
    texts = {q.id: q.text for q in deck.questions}
    for question_id, graded in recent.items():
        card = None
        for at, rating in graded[-3:]:  # enough for a card to reach the review phase
            card = review_card(card, question_id, rating, at, fuzz=False)
        assert card is not None
        history.cards[question_id] = replace(card, question=texts[question_id])
    target = paths.progress_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_new(target, progress)
    return target


def main(argv: list[str]) -> int:
    write_history(Path(argv[0]), int(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
