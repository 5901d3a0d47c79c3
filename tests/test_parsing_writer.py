"""The seed writer: decks of any layout written back read as the same deck."""

from __future__ import annotations

import pytest

from flaskprep.model import Deck
from flaskprep.parsing import parse_text
from flaskprep.parsing.writer import to_seed_markdown


def _questions(deck: Deck) -> list[tuple[str, str]]:
    return [(q.text, q.answer) for q in deck.questions]


def _round_trip(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    deck = parse_text(text, "d.md").deck
    return _questions(deck), _questions(parse_text(to_seed_markdown(deck), "d.md").deck)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an answer line of `=` would underline the label line as a heading
        (
            "- What is Flask?\n  - **Answer:** A framework.\n=",
            ("What is Flask?", "A framework.\n="),
        ),
        # so would a `---` straight after a line of text
        (
            "<details><summary>Q?</summary>\n\n  - **Answer:** A.\n---\n</details>\n",
            ("Q?", "A.\n---"),  # a lone labelled bullet is the answer, label read
        ),
        # a question holding an answer bullet of its own keeps it
        ("Q: what?\n- **Answer:** inner\n\nA: that\n", ("what?\n\n- **Answer:** inner", "that")),
        # a question line that starts with a tab is kept, tab and all
        ("Q: what?\n\t- tab\nA: yes\n", ("what?\n\t- tab", "yes")),
        # a question that starts like an answer label is still a question
        ("A: that\nQ: what?\n---\n", ("A: that Q: what?", "")),
        # `**` opens no list: it is not escaped
        ("**Bold question?**\n---\n", ("**Bold question?**", "")),
    ],
    ids=["equals-line", "rule-line", "answer-in-question", "tab-line", "label-like", "bold"],
)
def test_deck_written_back_reads_the_same(text: str, expected: tuple[str, str]) -> None:
    before, after = _round_trip(text)
    assert before == [expected]
    assert after == before


def test_one_line_answers_stay_on_the_label_line() -> None:
    deck = parse_text("- Q?\n  - **Answer:** A.\n", "d.md").deck
    assert "- Q?\n  - **Answer:** A.\n" in to_seed_markdown(deck)


def test_longer_answer_goes_below_its_label() -> None:
    deck = parse_text("- Q?\n  - **Answer:** A.\n=\n", "d.md").deck
    assert "  - **Answer:**\n\n    A.\n    =\n" in to_seed_markdown(deck)


def test_section_title_keeps_its_no_break_space() -> None:
    deck = parse_text("## 1.\xa0Basics\n- Q?\n  - **Answer:** A.\n", "d.md").deck
    again = parse_text(to_seed_markdown(deck), "d.md").deck
    assert [s.label for s in again.sections] == [s.label for s in deck.sections]
