"""The two JSON documents of the store: card states (snapshot) and the review history.

Snapshot (``progress.json``, version 2), read at every start::

    {"version": 2, "log": GENERATION,
     "decks": {KEY: {"path": PATH_OR_NULL, "cards": {QID: CARD}, "interviews": [...]}}}

Review history (``progress.reviews.json``), read only when reviews are needed
(``stats``, interviews), so a quiz starts as fast with years of reviews as with none::

    {"version": 2, "through": [GENERATION, OFFSET] | null, "decks": {KEY: [REVIEW, ...]}}

``through`` names the review log and the offset up to which the history already holds
its reviews (a compaction writes the history first, then the snapshot, then a new log;
cut short after the first step, the log's earlier lines are not counted twice).
A version-1 file kept reviews in the snapshot; they are read from there until the
first save moves them. Records that fail a check are left out and listed in
``rejected``; only a document whose skeleton is wrong raises ``FormatError``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flaskprep.store import files
from flaskprep.store.format import (
    VERSION,
    FormatError,
    card_from_json,
    card_json,
    dumps,
    expect,
    interview_from_json,
    interview_json,
    is_text,
    review_json,
    reviews_from_json,
    show,
    text,
)
from flaskprep.store.locations import locate
from flaskprep.store.records import DeckProgress, History, Progress, Review


@dataclass(slots=True)
class Decoded:
    progress: Progress
    log: str | None
    rejected: list[str] = field(default_factory=list)
    """One line per record left out (``deck K: card Q: bad due``)."""


def encode_snapshot(progress: Progress, log: str | None) -> bytes:
    parts = [b'{"version":%d,"log":' % VERSION, dumps(log), b',"decks":{']
    for index, (key, deck) in enumerate(progress.decks.items()):
        parts += [b",\n" if index else b"\n", dumps(key), b':{"path":', dumps(deck.path)]
        parts.append(b',"cards":{')
        cards = (dumps(q) + b":" + dumps(card_json(c)) for q, c in deck.cards.items())
        parts += [b",\n".join(cards), b'},"interviews":']
        parts += [dumps([interview_json(i) for i in deck.interviews]), b"}"]
    parts.append(b"}}\n")
    return b"".join(parts)


def decode_snapshot(data: Any, history: Callable[[str], History] | None = None) -> Decoded:
    """A parsed version-2 document; ``history(key)`` reads a deck's reviews when asked."""
    if not isinstance(data, dict):
        raise FormatError("not a JSON object")
    decks = expect(data.get("decks"), dict, "decks")
    log = data.get("log")
    decoded = Decoded(Progress(), log if isinstance(log, str) else None)
    for key, value in decks.items():
        if not is_text(key):
            decoded.rejected.append("a deck with an unreadable key")
            continue
        reader = history(key) if history is not None else None
        decoded.progress.decks[key] = _decode_deck(key, value, decoded.rejected, reader)
    return decoded


def _decode_deck(key: str, data: Any, rejected: list[str], history: History | None) -> DeckProgress:
    expect(data, dict, f"deck {key}")
    path = data.get("path")
    rows = data.get("reviews")
    reviews = decode_reviews(key, rows, rejected) if rows is not None or history is None else None
    deck = DeckProgress(reviews=reviews, path=path if is_text(path) else None, history=history)
    for qid, value in expect(data.get("cards", {}), dict, "cards").items():
        try:
            deck.cards[text(qid, "id")] = card_from_json(value)
        except (FormatError, TypeError, ValueError) as exc:
            rejected.append(f"deck {show(key)}: card {show(qid)}: {exc}")
    for value in expect(data.get("interviews", []), list, "interviews"):
        try:
            deck.interviews.append(interview_from_json(value))
        except (FormatError, TypeError, ValueError) as exc:
            rejected.append(f"deck {show(key)}: interview: {exc}")
    return deck


def decode_reviews(key: str, rows: Any, rejected: list[str]) -> list[Review]:
    def reject(row: Any, exc: Exception) -> None:
        rejected.append(f"deck {show(key)}: review {show(row)}: {exc}")

    return reviews_from_json(expect(rows if rows is not None else [], list, "reviews"), reject)


# -- review history -------------------------------------------------------------------


def encode_history(progress: Progress, through: tuple[str, int] | None) -> bytes:
    parts = [b'{"version":%d,"through":' % VERSION, dumps(list(through) if through else None)]
    parts.append(b',"decks":{')
    for index, (key, deck) in enumerate(progress.decks.items()):
        rows = b",\n".join(dumps(review_json(r)) for r in deck.reviews)
        parts += [b",\n" if index else b"\n", dumps(key), b":[", rows, b"]"]
    parts.append(b"}}\n")
    return b"".join(parts)


@dataclass(slots=True)
class DecodedHistory:
    decks: dict[str, Any]
    """Each deck's raw rows, decoded when the deck's reviews are first wanted."""
    through: tuple[str, int] | None


def decode_history(data: Any) -> DecodedHistory:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise FormatError("not a version-2 review history")
    decks = expect(data.get("decks"), dict, "decks")
    through = data.get("through")
    if not (
        isinstance(through, list)
        and len(through) == 2
        and isinstance(through[0], str)
        and type(through[1]) is int
    ):
        return DecodedHistory(decks, None)
    return DecodedHistory(decks, (through[0], through[1]))


def write_new(path: Path, progress: Progress) -> None:
    """Write ``progress`` as a whole new store at ``path`` (for tools and benches; no lock)."""
    where = locate(path)
    files.write_atomic(where.history, encode_history(progress, None))
    files.write_atomic(where.snapshot, encode_snapshot(progress, os.urandom(8).hex()))
