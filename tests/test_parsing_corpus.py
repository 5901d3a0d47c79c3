"""Public interview decks (tests/data/decks/public) read within 5% of their hand counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flaskprep.parsing import parse_text, read_deck_text

PUBLIC = Path(__file__).parent / "data" / "decks" / "public"
COUNTS: dict[str, dict[str, object]] = json.loads((PUBLIC / "counts.json").read_text("utf-8"))[
    "decks"
]


def within(found: int, expected: int) -> bool:
    return abs(found - expected) <= 0.05 * expected


def test_every_deck_file_has_a_hand_count() -> None:
    assert sorted(path.name for path in PUBLIC.glob("*.md") if path.name != "SOURCES.md") == sorted(
        COUNTS
    )
    assert len(COUNTS) >= 15


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_deck_reads_within_five_percent_of_its_hand_count(name: str) -> None:
    path = PUBLIC / name
    deck = parse_text(read_deck_text(path), str(path)).deck
    expected = COUNTS[name]
    assert within(len(deck.questions), int(str(expected["questions"])))
    assert within(len(deck.sections), int(str(expected["sections"])))
