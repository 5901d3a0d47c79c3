"""Reworded questions keep their progress: which new question inherits which old card.

Kept apart from the quiz so the progress store can own it. The orphans (cards whose
question left the deck) are indexed by their rarest words, so a start with thousands
of orphans costs about what one with none does: a question is compared only with
orphans that share one of its rarest words, which any orphan similar enough must
(the prefix filter of set-similarity joins).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from flaskprep.model import Deck
from flaskprep.store import DeckProgress
from flaskprep.words.tokens import normalise

REWORD_SIMILARITY = 0.6


def reworded_questions(
    deck: Deck, deck_progress: DeckProgress, *, remember: Path | None = None
) -> dict[str, str]:
    """``{new_id: old_id}`` for questions whose wording changed beyond a cosmetic edit.

    A question with no progress inherits the card of the most similar question that
    left the deck (token Jaccard similarity >= ``REWORD_SIMILARITY``, each old card
    used once, the earlier one on a tie). Old cards stay, so undoing the edit
    restores them. With ``remember`` (a file), a search that found nothing is not
    repeated until the deck's new questions or the orphans change.
    """
    ids = {q.id for q in deck.questions}
    cards = deck_progress.cards
    taken = {c.carried_from for c in cards.values()}
    orphans = {
        qid: frozenset(normalise(c.question).split())
        for qid, c in cards.items()
        if qid not in ids and qid not in taken and c.question
    }
    if not orphans:
        return {}
    fresh_ids = [q.id for q in deck.questions if q.id not in cards]
    key = _key(fresh_ids, orphans)
    if remember is not None and _recall(remember) == key:
        return {}
    texts = {q.id: q.text for q in deck.questions}
    moves = _match([(q, frozenset(normalise(texts[q]).split())) for q in fresh_ids], orphans)
    if remember is not None and not moves:
        _keep(remember, key)
    return moves


def _key(fresh_ids: list[str], orphans: dict[str, frozenset[str]]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for qid in (*fresh_ids, "|", *orphans):
        digest.update(qid.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _recall(path: Path) -> str | None:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def _keep(path: Path, key: str) -> None:
    """Best effort: a cache that cannot be written only costs the search next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(key + "\n", encoding="ascii")
    except OSError:
        pass


def _match(
    fresh: list[tuple[str, frozenset[str]]], orphans: dict[str, frozenset[str]]
) -> dict[str, str]:
    frequency = Counter(word for words in orphans.values() for word in words)
    frequency.update(word for _, words in fresh for word in words)
    order = list(orphans)
    place = {qid: index for index, qid in enumerate(order)}
    index: defaultdict[str, list[str]] = defaultdict(list)
    for qid in order:
        for word in _prefix(orphans[qid], frequency):
            index[word].append(qid)
    moves: dict[str, str] = {}
    used: set[str] = set()
    for new_id, words in fresh:
        candidates = {
            o for w in _prefix(words, frequency) for o in index.get(w, ()) if o not in used
        }
        scored = [(_jaccard(words, orphans[o]), -place[o], o) for o in candidates]
        best = max(scored, default=None)
        if best is not None and best[0] >= REWORD_SIMILARITY:
            moves[new_id] = best[2]
            used.add(best[2])
    return moves


def _prefix(words: Iterable[str], frequency: Counter[str]) -> list[str]:
    """The rarest words: a set similar enough to this one shares at least one of them."""
    ranked = sorted(words, key=lambda w: (frequency[w], w))
    keep = len(ranked) - math.ceil(REWORD_SIMILARITY * len(ranked)) + 1
    return ranked[: max(1, keep)]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
