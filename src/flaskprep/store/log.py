"""The review log: JSON Lines appended beside the snapshot, one line per change.

A grade appends one fsynced line instead of rewriting every card, so its cost does
not grow with the history. The first line names the log's generation; the snapshot
names the generation it expects, and a log of another generation (left behind by a
compaction cut short) is ignored, so no line is ever applied twice::

    {"log": GENERATION, "version": 2}
    {"grade": DECK_KEY, "review": REVIEW_ROW, "card": CARD}
    {"undo": DECK_KEY, "review": REVIEW_ID, "question": QID, "at": ISO, "card": CARD|null}
    {"interview": DECK_KEY, "record": INTERVIEW}

A last line without its newline is a write cut short (nobody was told it was
saved): it is not read, and the next append cuts it off. Any other unreadable line
is reported in ``Tail.bad`` and left out.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from flaskprep.clock import format_time
from flaskprep.store import format as fmt
from flaskprep.store.records import CardState, InterviewRecord, Progress, Rating, Review


def new_generation() -> str:
    return os.urandom(8).hex()  # not secrets, which loads hmac and OpenSSL on start-up


def header(generation: str) -> bytes:
    return fmt.dumps({"log": generation, "version": fmt.VERSION}) + b"\n"


def grade_line(key: str, review: Review, card: CardState) -> bytes:
    document = {"grade": key, "review": fmt.review_json(review), "card": fmt.card_json(card)}
    return fmt.dumps(document) + b"\n"


def undo_line(key: str, review: Review, previous: CardState | None) -> bytes:
    document = {
        "undo": key,
        "review": review.id,
        "question": review.question_id,
        "at": format_time(review.at),
        "card": None if previous is None else fmt.card_json(previous),
    }
    return fmt.dumps(document) + b"\n"


def interview_line(key: str, record: InterviewRecord) -> bytes:
    return fmt.dumps({"interview": key, "record": fmt.interview_json(record)}) + b"\n"


# -- applying changes (the store applies its own the same way it replays the log) --------


def apply_grade(progress: Progress, key: str, review: Review, card: CardState, at: int) -> None:
    """A grade; ``at`` is its line's offset in the log."""
    deck = progress.deck_for_update(key)
    deck.change_reviews(review, at)
    deck.cards[review.question_id] = card


def apply_undo(
    progress: Progress, key: str, review: Review, previous: CardState | None, at: int
) -> None:
    deck = progress.deck_for_update(key)
    deck.change_reviews(review.id, at)
    current = deck.cards.get(review.question_id)
    if current is not None and current.last_review == review.at:
        if previous is None:
            del deck.cards[review.question_id]
        else:
            deck.cards[review.question_id] = previous


def apply_interview(progress: Progress, key: str, record: InterviewRecord) -> None:
    progress.deck_for_update(key).interviews.append(record)


# -- reading -------------------------------------------------------------------------


@dataclass(slots=True)
class Tail:
    end: int
    """Bytes read up to the end of the last complete line."""
    current: bool = True
    """False when the log belongs to another generation (it was then not applied)."""
    bad: list[str] = field(default_factory=list)


def read_tail(data: bytes, start: int, generation: str | None, progress: Progress) -> Tail:
    """Apply the complete lines of ``data`` (the log's bytes from offset ``start``)."""
    complete = data.rfind(b"\n") + 1
    tail = Tail(start + complete)
    offset, number = start, 0
    for line in data[:complete].split(b"\n")[:-1]:
        here, offset, number = offset, offset + len(line) + 1, number + 1
        if here == 0:
            if generation is None or generation_of(line) != generation:
                return Tail(start, current=False)
            continue
        try:
            _apply(json.loads(line), progress, here)
        except (ValueError, TypeError, KeyError, RecursionError) as exc:
            where = "a line" if start else f"line {number}"
            tail.bad.append(f"review log {where}: {str(exc)[:80]}")
    if start == 0 and complete == 0:
        return Tail(start, current=False)
    return tail


def generation_of(line: bytes) -> str | None:
    """The generation a log's first line names, or None."""
    try:
        document = json.loads(line)
    except ValueError:
        return None
    found = document.get("log") if isinstance(document, dict) else None
    return found if isinstance(found, str) else None


def _apply(document: Any, progress: Progress, at: int) -> None:
    if not isinstance(document, dict):
        raise fmt.FormatError("not an object")
    if isinstance(key := document.get("grade"), str) and fmt.text(key, "deck key"):
        review = fmt.review_from_json(document.get("review"))
        apply_grade(progress, key, review, fmt.card_from_json(document.get("card")), at)
    elif isinstance(key := document.get("undo"), str) and fmt.text(key, "deck key"):
        previous = document.get("card")
        review = Review(
            str(document["question"]),
            fmt.time_from_json(document.get("at")),
            Rating.AGAIN,
            "undo",
            0,
            id=str(document["review"]),
        )
        card = None if previous is None else fmt.card_from_json(previous)
        apply_undo(progress, key, review, card, at)
    elif isinstance(key := document.get("interview"), str) and fmt.text(key, "deck key"):
        apply_interview(progress, key, fmt.interview_from_json(document.get("record")))
    else:
        raise fmt.FormatError("unknown change")
