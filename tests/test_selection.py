"""What users type to name sections and questions: numbers, positions, title parts, ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from flaskprep.errors import UsageError
from flaskprep.model import Deck, Question, Section
from flaskprep.selection import resolve_question, resolve_section


def _deck(numbers: list[int | None]) -> Deck:
    sections = []
    for index, number in enumerate(numbers):
        questions = tuple(
            Question(f"{index}{n}aaaa", f"Question {index}.{n}?", "An answer.", 1, index, n)
            for n in (1, 2)
        )
        sections.append(Section(number, f"Topic {chr(65 + index)}", questions))
    return Deck.build("Deck", "deck.md", tuple(sections))


def test_unnumbered_sections_are_named_by_position() -> None:
    deck = _deck([None, None, None])
    assert resolve_section(deck, "2") == 1
    assert resolve_question(deck, "3.2").text == "Question 2.2?"


def test_a_heading_number_wins_over_a_position() -> None:
    deck = _deck([None, 1, 2])  # "Intro", then "## 1. …", "## 2. …"
    assert resolve_section(deck, "1") == 1
    assert resolve_question(deck, "2.1").text == "Question 2.1?"


def test_title_part_and_hyphenated_completion_form() -> None:
    deck = _deck([1, 2])
    assert resolve_section(deck, "topic b") == 1
    assert resolve_section(deck, "Topic-B") == 1


def test_out_of_range_position_is_a_usage_error() -> None:
    deck = _deck([None])
    with pytest.raises(UsageError, match="no section matches '5'"):
        resolve_section(deck, "5")
    with pytest.raises(UsageError, match=r"no question with id '1\.9'") as caught:
        resolve_question(deck, "1.9")
    assert caught.value.hint == "section 1 has 2 questions"
    with pytest.raises(UsageError) as caught:
        resolve_question(deck, "7.1")
    assert caught.value.hint == "there is no section 7; `browse` lists the sections"


def test_ambiguous_id_prefix_lists_the_candidates() -> None:
    deck = _deck([1, 2])
    with pytest.raises(UsageError) as caught:
        resolve_question(deck, "1")
    assert "matches 2 questions: 11aaaa, 12aaaa" in str(caught.value)
    assert caught.value.hint == "1.1 is the first question of section 1"  # what "show 1" meant


def test_unnumbered_deck_through_the_cli(tmp_path: Path) -> None:
    from cli_runner import run

    deck = tmp_path / "deck.md"
    deck.write_text(
        "# D\n\n## Basics\n\n### What is Flask?\n\nA framework.\n\n"
        "## Data\n\n### What is SQLAlchemy?\n\nAn ORM.\n",
        encoding="utf-8",
    )
    shown = run("--deck", str(deck), "show", "2.1")
    assert shown.exit_code == 0, shown.stderr
    assert "What is SQLAlchemy?" in shown.stdout
    browsed = run("--deck", str(deck), "browse", "1")
    assert "What is Flask?" in browsed.stdout


def test_sections_of_one_name_are_told_apart_by_the_number_browse_shows() -> None:
    deck = _deck([None, None, None])
    twins = tuple(
        Section(None, "Volumes" if i != 1 else "Pods", s.questions)
        for i, s in enumerate(deck.sections)
    )
    deck = Deck.build("Deck", "deck.md", twins)
    with pytest.raises(UsageError) as caught:
        resolve_section(deck, "volumes")
    assert "1. Volumes, 3. Volumes" in str(caught.value)
    assert "number" in str(caught.value)
    assert resolve_section(deck, "3") == 2
