"""Reworded questions keep their progress: which new question inherits which old card.

Kept apart from the quiz so the progress store can own it.
"""

from __future__ import annotations

from flaskprep.model import Deck
from flaskprep.store import DeckProgress
from flaskprep.words.tokens import normalise

REWORD_SIMILARITY = 0.6


def reworded_questions(deck: Deck, deck_progress: DeckProgress) -> dict[str, str]:
    """``{new_id: old_id}`` for questions whose wording changed beyond a cosmetic edit.

    A question with no progress inherits the card of the most similar question that
    left the deck (token Jaccard similarity >= ``REWORD_SIMILARITY``, each old card
    used once). Old cards stay, so undoing the edit restores them.
    """
    ids = {q.id for q in deck.questions}
    cards = deck_progress.cards
    taken = {c.carried_from for c in cards.values()}
    orphans = {
        qid: set(normalise(c.question).split())
        for qid, c in cards.items()
        if qid not in ids and qid not in taken and c.question
    }
    moves: dict[str, str] = {}
    for question in deck.questions:
        if question.id in cards or not orphans:
            continue
        words = set(normalise(question.text).split())
        best = max(orphans, key=lambda qid: _jaccard(words, orphans[qid]))
        if _jaccard(words, orphans[best]) >= REWORD_SIMILARITY:
            moves[question.id] = best
            del orphans[best]
    return moves


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
