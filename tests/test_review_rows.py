"""Decoding a history's review rows: the fast check keeps and refuses what the careful one does.

``reviews_from_json`` checks rows as the store writes them inline and hands any
other row to ``review_from_json``; a user sees the same reviews and the same
notices either way, whatever the rows hold.
"""

from __future__ import annotations

import random
from typing import Any

from flaskprep.store.format import FormatError, review_from_json, reviews_from_json

GOOD = ["a1b2c3d4e5f60718", "257e9dd1", "2025-10-30T17:41:09.506450+00:00", 3, "cloze", 4000, None]

ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    4,
    5,
    -1,
    2**53,
    2**63,
    0.5,
    1.0,
    float("nan"),
    float("inf"),
    -float("inf"),
    "",
    "x",
    "é",
    "\ud800",
    "x" * 10_001,
    "2025-10-30T17:41:09Z",
    "2025-10-30T17:41:09+02:00",
    "2025-10-30T17:41:09",
    "2025-10-30T17:41:09-00:00",
    "1969-12-31T23:59:59+00:00",
    "3000-01-01T00:00:00+00:00",
    "2999-12-31T23:30:00-01:00",
    "0001-01-01T00:00:00+01:00",
    "2025-13-01T00:00:00+00:00",
    "not a time",
    [],
    {},
]


def careful(row: Any) -> tuple[list[Any], list[str]]:
    try:
        return [review_from_json(row)], []
    except (FormatError, TypeError, ValueError) as exc:
        return [], [str(exc)]


def fast(row: Any) -> tuple[list[Any], list[str]]:
    refused: list[str] = []
    reviews = reviews_from_json([row], lambda _row, exc: refused.append(str(exc)))
    return reviews, refused


def rows() -> list[Any]:
    """Every field of a good row swapped for every odd value, plus odd row shapes."""
    out: list[Any] = [GOOD, GOOD[:6], [*GOOD, 1], tuple(GOOD), "row", None]
    for index in range(len(GOOD)):
        for value in ODD_VALUES:
            out.append([*GOOD[:index], value, *GOOD[index + 1 :]])
    rng = random.Random(16)
    for _ in range(300):
        out.append([rng.choice([good, *ODD_VALUES]) for good in GOOD])
    return out


def test_fast_check_keeps_and_refuses_as_the_careful_one() -> None:
    for row in rows():
        assert fast(row) == careful(row), row


def test_reviews_keep_their_order_and_bad_rows_go_to_the_notice() -> None:
    second = [*GOOD[:1], "q2", *GOOD[2:]]
    refused: list[Any] = []
    kept = reviews_from_json(
        [GOOD, [*GOOD[:3], 9, *GOOD[4:]], second], lambda row, exc: refused.append(row)
    )
    assert [r.question_id for r in kept] == ["257e9dd1", "q2"]
    assert refused == [[*GOOD[:3], 9, *GOOD[4:]]]
