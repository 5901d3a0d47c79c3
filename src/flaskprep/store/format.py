"""Progress records to and from JSON, every field checked for type and range.

    CARD = {"card_id", "state": 1|2|3, "step", "stability", "difficulty",
            "due": ISO, "last_review": ISO, "question"?, "carried_from"?}
    REVIEW = [ID, QID, AT, RATING, MODE, DURATION_MS, SCORE]
    INTERVIEW = {"at", "count", "planned", "score", "minutes", "timed_out", "skipped",
                 "questions": [{"id", "score", "missing", "duration_ms"}]}

A record that fails a check raises ``FormatError`` (or ``TypeError``/``ValueError``)
and is left out by the caller. Numbers are never NaN or infinite on the way in, so
they cannot be on the way out.

Format history: version 0 kept reviews as objects; version 1 as rows without an
id (``[QID, AT, RATING, MODE, DURATION_MS, SCORE]``); version 2 gives every review
its own id and adds the review log (see :mod:`flaskprep.store.log`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from flaskprep.clock import format_time, parse_time
from flaskprep.store.records import (
    PHASES,
    RATINGS,
    CardState,
    InterviewAnswerRecord,
    InterviewRecord,
    Review,
)

VERSION = 2
FIRST_YEAR, LAST_YEAR = 1970, 2999
"""Dates outside these years are refused: scheduling past them would overflow."""
MAX_STEP = 10_000
MAX_TEXT = 10_000


class FormatError(ValueError):
    pass


# -- records -------------------------------------------------------------------------


def card_json(card: CardState) -> dict[str, Any]:
    out: dict[str, Any] = {
        "card_id": card.card_id,
        "state": int(card.phase),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": format_time(card.due),
        "last_review": format_time(card.last_review),
    }
    if card.question is not None:
        out["question"] = card.question
    if card.carried_from is not None:
        out["carried_from"] = card.carried_from
    return out


def card_from_json(data: Any) -> CardState:
    expect(data, dict, "card")
    phase = PHASES.get(data.get("state")) if _is_int(data.get("state")) else None
    if phase is None:
        raise FormatError("bad state")
    step = data.get("step")
    if step is not None and not (_is_int(step) and 0 <= step <= MAX_STEP):
        raise FormatError("bad step")
    card_id = data.get("card_id")
    if not (_is_int(card_id) and 0 <= card_id < 2**63):
        raise FormatError("bad card_id")
    return CardState(
        card_id=card_id,
        phase=phase,
        step=step,
        stability=_positive(data.get("stability"), "stability", 0.0, 1e9),
        difficulty=_positive(data.get("difficulty"), "difficulty", 0.0, 100.0),
        due=time_from_json(data.get("due")),
        last_review=time_from_json(data.get("last_review")),
        question=_optional_text(data.get("question"), "question"),
        carried_from=_optional_text(data.get("carried_from"), "carried_from"),
    )


def review_json(review: Review) -> list[Any]:
    return [
        review.id,
        review.question_id,
        format_time(review.at),
        int(review.rating),
        review.mode,
        review.duration_ms,
        review.score,
    ]


def review_from_json(row: Any) -> Review:
    if not isinstance(row, list) or len(row) != 7:
        raise FormatError("not a review row")
    review_id, qid, at, rating, mode, duration, score = row
    if not (_is_int(rating) and rating in RATINGS):
        raise FormatError("bad rating")
    if not (_is_int(duration) and 0 <= duration < 2**53):
        raise FormatError("bad duration")
    if score is not None and not _is_number(score):
        raise FormatError("bad score")
    return Review(
        text(qid, "id"),
        time_from_json(at),
        RATINGS[rating],
        text(mode, "mode"),
        duration,
        None if score is None else float(score),
        text(review_id, "review id"),
    )


def reviews_from_json(rows: list[Any], reject: Callable[[Any, Exception], None]) -> list[Review]:
    """Every row as a review, in order; a row that fails a check goes to ``reject``.

    The same records and refusals as ``review_from_json`` row by row, faster: a row
    as this store writes it (ASCII ids, a UTC time, a float or no score) is checked
    inline; any other row, odd or bad, gets the careful check.
    """
    reviews: list[Review] = []
    append = reviews.append
    fromisoformat, utc, first, last = datetime.fromisoformat, timezone.utc, FIRST_YEAR, LAST_YEAR
    for row in rows:
        if type(row) is list and len(row) == 7:
            review_id, qid, at, rating, mode, duration, score = row
            if (
                type(review_id) is str
                and type(qid) is str
                and type(mode) is str
                and type(at) is str
                and 0 < len(review_id) <= MAX_TEXT
                and 0 < len(qid) <= MAX_TEXT
                and 0 < len(mode) <= MAX_TEXT
                and review_id.isascii()
                and qid.isascii()
                and mode.isascii()
                and type(rating) is int
                and rating in RATINGS
                and type(duration) is int
                and 0 <= duration < 2**53
                and (score is None or (type(score) is float and -math.inf < score < math.inf))
            ):
                try:
                    moment = fromisoformat(at)
                except (ValueError, OverflowError):
                    moment = None
                if moment is not None and moment.tzinfo is utc and first <= moment.year <= last:
                    append(Review(qid, moment, RATINGS[rating], mode, duration, score, review_id))
                    continue  # ``time_from_json`` gives the same: already aware UTC
        try:
            append(review_from_json(row))
        except (FormatError, TypeError, ValueError) as exc:
            reject(row, exc)
    return reviews


def interview_json(record: InterviewRecord) -> dict[str, Any]:
    return {
        "at": format_time(record.at),
        "count": record.count,
        "planned": record.planned,
        "score": record.score,
        "minutes": record.minutes,
        "timed_out": record.timed_out,
        "skipped": record.skipped,
        "questions": [
            {
                "id": a.question_id,
                "score": a.score,
                "missing": list(a.missing),
                "duration_ms": a.duration_ms,
            }
            for a in record.answers
        ],
    }


def interview_from_json(data: Any) -> InterviewRecord:
    expect(data, dict, "interview")
    minutes = data.get("minutes")
    if minutes is not None and not (_is_number(minutes) and minutes >= 0):
        raise FormatError("bad minutes")
    return InterviewRecord(
        at=time_from_json(data.get("at")),
        count=_count(data.get("count"), "count"),
        planned=_count(data.get("planned", data.get("count")), "planned"),
        score=_fraction(data.get("score"), "score"),
        minutes=None if minutes is None else float(minutes),
        timed_out=data.get("timed_out") is True,
        skipped=_count(data.get("skipped", 0), "skipped"),
        answers=tuple(_answer(a) for a in expect(data.get("questions", []), list, "questions")),
    )


def _answer(data: Any) -> InterviewAnswerRecord:
    expect(data, dict, "interview answer")
    missing = expect(data.get("missing", []), list, "missing")
    return InterviewAnswerRecord(
        text(data.get("id"), "id"),
        _fraction(data.get("score"), "answer score"),
        tuple(text(m, "missing term") for m in missing),
        _count(data.get("duration_ms", 0), "duration"),
    )


def time_from_json(text: Any) -> datetime:
    moment = parse_time(text)
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise FormatError(f"date out of range ({moment.year})")
    return moment


# -- checks -------------------------------------------------------------------------


def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def expect(value: Any, kind: type, what: str) -> Any:
    if not isinstance(value, kind):
        raise FormatError(f"{what}: expected {kind.__name__}")
    return value


def _is_int(value: Any) -> bool:
    return type(value) is int


def _is_number(value: Any) -> bool:
    return type(value) in (int, float) and math.isfinite(value)


def is_text(value: Any) -> bool:
    """A str that can be written back as UTF-8 (no lone surrogates), not absurdly long."""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text(value: Any, what: str) -> str:
    if not is_text(value) or not value:
        raise FormatError(f"bad {what}")
    return str(value)


def _optional_text(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not is_text(value):
        raise FormatError(f"bad {what}")
    return str(value)


def _positive(value: Any, what: str, low: float, high: float) -> float | None:
    if value is None:
        return None
    if not (_is_number(value) and low < value <= high):
        raise FormatError(f"bad {what}")
    return float(value)


def _count(value: Any, what: str) -> int:
    if not (_is_int(value) and 0 <= value < 2**31):
        raise FormatError(f"bad {what}")
    return int(value)


def _fraction(value: Any, what: str) -> float:
    if not (_is_number(value) and 0 <= value <= 1):
        raise FormatError(f"bad {what}")
    return float(value)


def show(value: Any) -> str:
    """A short, printable picture of a bad value for a notice."""
    text = repr(value).encode("ascii", "backslashreplace").decode()
    return text if len(text) <= 40 else text[:37] + "..."
