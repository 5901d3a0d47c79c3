"""Decks found in the wild: layouts mixed in one deck, README furniture, label spellings."""

from __future__ import annotations

from pathlib import Path

from flaskprep.parsing import parse_text, read_deck_text
from flaskprep.parsing.outline import ParseResult

DECKS = Path(__file__).parent / "data" / "decks"


def parse(text: str) -> ParseResult:
    return parse_text(text, "decks/tiny.md")


def pairs(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.answer) for q in parse(text).deck.questions]


def sections(text: str) -> list[tuple[str, list[str]]]:
    return [(s.title, [q.text for q in s.questions]) for s in parse(text).deck.sections]


def read(name: str) -> ParseResult:
    path = DECKS / name
    return parse_text(read_deck_text(path), str(path))


# --- mixed layouts -----------------------------------------------------------------------


def test_question_heading_with_an_answer_stays_a_question_before_bold_questions() -> None:
    text = (
        "## Basics\n\n### What is Flask?\nA microframework.\n\n**What is Jinja?**\n\nTemplates.\n"
    )
    assert pairs(text) == [
        ("What is Flask?", "A microframework."),
        ("What is Jinja?", "Templates."),
    ]


def test_heading_questions_then_bold_questions_are_all_kept() -> None:
    text = "## A\n### Q1: What is X?\nX.\n## B\n**21. What is Y?**\nY.\n"
    assert sections(text) == [("A", ["What is X?"]), ("B", ["What is Y?"])]


def test_labelled_pair_after_bold_questions_is_its_own_question() -> None:
    text = "**What is X?**\nX.\n\nQ. What is g?\nA: A namespace.\n"
    assert pairs(text) == [("What is X?", "X."), ("What is g?", "A namespace.")]


def test_question_heading_without_content_holding_questions_is_a_section() -> None:
    text = "## What do you need to know?\n**What is X?**\n\nX.\n"
    assert sections(text) == [("What do you need to know?", ["What is X?"])]


def test_question_heading_with_content_and_sub_question_headings_keeps_both() -> None:
    text = "## What is X?\nX.\n### Why Y?\nY.\n"
    assert pairs(text) == [("What is X?", "X."), ("Why Y?", "Y.")]


def test_question_title_over_bullet_questions_is_the_section() -> None:
    text = "# What\n## Table of Contents\n1. [S](#s)\n\n## What\n- Q?\n  - **Answer:** A.\n"
    result = parse(text)
    assert result.deck.title == "What"
    assert [(s.title, len(s.questions)) for s in result.deck.sections] == [("What", 1)]


def test_details_with_answer_summary_is_the_answer_of_the_heading() -> None:
    text = "### What is X?\n<details><summary>Answer</summary>X.</details>\n"
    assert [q for q, _ in pairs(text)] == ["What is X?"]


def test_mixed_deck_keeps_every_question() -> None:
    result = read("mixed.md")
    got = [(s.title, [q.text for q in s.questions]) for s in result.deck.sections]
    assert got == [
        ("Basic", ["What is Flask?", "Is Flask an MVC framework?"]),
        (
            "Advanced",
            [
                "What is the difference between `app.run()` and `flask run`?",
                "How do you enable CORS?",
                "What is g?",
            ],
        ),
    ]


# --- README furniture ----------------------------------------------------------------------


def test_contents_heading_is_not_the_section_of_what_follows() -> None:
    text = "# Top Flask\n## Table of Contents\n- [X](#x)\n\n### 1. What is X?\nX.\n"
    assert sections(text) == [("Top Flask", ["What is X?"])]


def test_back_to_top_link_is_stripped_from_answers() -> None:
    text = "### What is X?\nX.\n\n**[⬆ Back to Top](#table-of-contents)**\n"
    assert pairs(text) == [("What is X?", "X.")]


def test_up_arrow_link_to_top_is_stripped() -> None:
    assert pairs("**What is X?**\n\nX.\n\n[↑](#top)\n") == [("What is X?", "X.")]


def test_link_to_another_question_in_the_middle_is_kept() -> None:
    text = "### What is X?\n[Back to top](#top) is not last.\n"
    assert pairs(text) == [("What is X?", "[Back to top](#top) is not last.")]


def test_top50_readme_sections_and_clean_answers() -> None:
    deck = read("readme_top50.md").deck
    assert [(s.title, len(s.questions)) for s in deck.sections] == [
        ("Top 50 Flask Interview Questions and Answers (2024)", 5)
    ]
    assert all("Back to Top" not in q.answer for q in deck.questions)
    assert deck.questions[4].answer.endswith("primary_key=True)\n```")


# --- label spellings -----------------------------------------------------------------------


def test_bold_ans_dot_label_stripped() -> None:
    assert pairs("### What is X?\n**Ans.** X.\n") == [("What is X?", "X.")]


def test_plain_ans_colon_label_stripped() -> None:
    assert pairs("**What is X?**\nAns: X.\n") == [("What is X?", "X.")]


def test_answer_dash_label_stripped() -> None:
    assert pairs("### What is X?\nAnswer - X.\n") == [("What is X?", "X.")]


def test_q_dot_and_ans_dot_pairs() -> None:
    text = "Q. What is g?\nAns. A namespace.\n\nQ. What is a blueprint?\nAns. A group of views.\n"
    assert pairs(text) == [
        ("What is g?", "A namespace."),
        ("What is a blueprint?", "A group of views."),
    ]


def test_q_number_colon_label() -> None:
    assert pairs("Q1: What is g?\nA: A namespace.\n") == [("What is g?", "A namespace.")]


def test_question_number_label() -> None:
    assert pairs("Question 1: What is g?\nAnswer: A namespace.\n") == [
        ("What is g?", "A namespace.")
    ]
