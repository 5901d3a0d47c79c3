"""Small realistic decks, one per layout (tests/data/decks), read end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from flaskprep.parsing import parse_text, read_deck_text

DECKS = Path(__file__).parent / "data" / "decks"


def read(name: str) -> tuple[str, list[tuple[int | None, str, list[str]]]]:
    path = DECKS / name
    result = parse_text(read_deck_text(path), str(path))
    sections = [(s.number, s.title, [q.text for q in s.questions]) for s in result.deck.sections]
    return result.layout, sections


@pytest.mark.parametrize(
    ("name", "layout", "counts"),
    [
        ("headings.md", "headings", [3, 2]),
        ("bold.md", "bold", [2, 3]),
        ("labelled.md", "labelled", [2, 2]),
        ("details.md", "details", [2, 1]),
    ],
)
def test_each_layout_deck_is_detected_and_counted(
    name: str, layout: str, counts: list[int]
) -> None:
    found, sections = read(name)
    assert found == layout
    assert [len(questions) for _, _, questions in sections] == counts


def test_headings_deck_questions_and_sections() -> None:
    _, sections = read("headings.md")
    assert [(number, title) for number, title, _ in sections] == [
        (None, "Basics"),
        (None, "Routing"),
    ]
    assert sections[0][2] == [
        "What is Flask?",
        "What is the difference between Flask and Django?",
        "Explain the application factory pattern",
    ]
    assert sections[1][2][1] == "Variable rules"


def test_headings_deck_answer_keeps_table_and_drops_label() -> None:
    path = DECKS / "headings.md"
    deck = parse_text(read_deck_text(path), str(path)).deck
    answer = deck.questions[1].answer
    assert answer.startswith("Flask is a microframework")
    assert "| micro | batteries included |" in answer
    assert [r.title for r in deck.resources] == ["Flask docs"]


def test_bold_deck_numbered_items_keep_inline_code() -> None:
    _, sections = read("bold.md")
    assert sections[0][2][1] == "What is `app.config`?"
    assert sections[1][2][2] == "What does `abort(404)` do?"


def test_labelled_deck_mixes_plain_and_bold_labels() -> None:
    _, sections = read("labelled.md")
    assert sections[1][2] == [
        "How do you test a Flask app?",
        "What does `app.test_request_context()` give you?",
    ]


def test_details_deck_strips_summary_emphasis() -> None:
    _, sections = read("details.md")
    assert sections[0][2] == ["What is Flask?", "What is Werkzeug?"]
